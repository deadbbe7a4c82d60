from . import property_channel_message
from . import res_config_settings
from . import res_partner
from . import sms_tracker
