from . import test_stage
from . import test_generation
from . import test_follow_up
from . import test_security
