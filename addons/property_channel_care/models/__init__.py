from . import property_care_touchpoint
from . import property_project_milestone
from . import property_project_milestone_log
