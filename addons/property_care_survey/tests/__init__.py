from . import test_care_survey
