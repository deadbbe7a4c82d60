from . import test_sla
from . import test_escalation
from . import test_group_warning
from . import test_callback
from . import test_patrol_handover
from . import test_kpi_health
from . import test_security
from . import test_portal
