from . import (
    property_survey_pareto,
    property_survey_pareto_line,
    property_survey_target_wizard,
)
