from . import test_card_number
from . import test_card
from . import test_cron
from . import test_event
from . import test_security
from . import test_portal
