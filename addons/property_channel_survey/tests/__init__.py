from . import test_survey_channels
