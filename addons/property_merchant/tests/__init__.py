from . import test_amount_words
from . import test_verification
from . import test_redemption
from . import test_statement
from . import test_security
from . import test_portal
from . import test_cron
from . import test_settings
