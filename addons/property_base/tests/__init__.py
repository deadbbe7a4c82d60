from . import test_health
from . import test_import
from . import test_kpi
from . import test_places
from . import test_relationship
from . import test_residency
from . import test_residency_security
from . import test_security
