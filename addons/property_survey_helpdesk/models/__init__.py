from . import helpdesk_ticket
from . import property_ticket_callback
from . import survey_user_input
