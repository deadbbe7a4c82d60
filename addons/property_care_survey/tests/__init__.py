from . import test_care_survey
from . import test_winback_forgery
