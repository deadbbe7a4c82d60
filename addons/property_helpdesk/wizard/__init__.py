from . import property_ticket_callback_record
from . import property_holiday_load
from . import property_ticket_pause_wizard
from . import property_ticket_handover
from . import property_ticket_dispatch
