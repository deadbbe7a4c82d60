from . import test_care_helpdesk
from . import test_care_links
