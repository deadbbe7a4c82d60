from . import test_care_helpdesk
