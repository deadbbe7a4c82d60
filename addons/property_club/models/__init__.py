from . import property_club_tier
from . import property_club_tier_history
from . import property_club_card
from . import res_partner
from . import event_event
from . import event_registration
from . import res_config_settings
