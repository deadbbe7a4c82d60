from . import property_survey_campaign
from . import property_survey_household
from . import survey_user_input
