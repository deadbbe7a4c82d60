from . import property_relationship_wizard
