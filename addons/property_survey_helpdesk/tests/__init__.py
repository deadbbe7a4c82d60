from . import test_recent_tickets
from . import test_survey_helpdesk
