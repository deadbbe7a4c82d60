from . import test_stage
from . import test_generation
from . import test_follow_up
from . import test_security
from . import test_visit
from . import test_broadcast
from . import test_conversion_kpi
from . import test_portal
