from . import property_care_conversion
from . import property_care_touchpoint
