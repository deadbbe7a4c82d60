from . import property_club_membership_wizard
from . import property_club_card_issue_wizard
