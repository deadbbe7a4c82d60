from . import test_care_channels
