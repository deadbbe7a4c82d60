from . import care_ticket_mixin
from . import helpdesk_ticket
from . import property_care_touchpoint
from . import property_care_visit
from . import res_config_settings
