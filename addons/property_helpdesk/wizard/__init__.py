from . import property_ticket_callback_record
