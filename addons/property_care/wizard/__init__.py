from . import property_care_touchpoint_adjust
