from . import property_care_touchpoint
from . import property_insight_feature
from . import property_insight_risk
