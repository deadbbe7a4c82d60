from . import test_care_club
