from . import property_care_touchpoint
from . import property_survey_campaign
from . import res_config_settings
from . import res_partner
