from . import test_insight_care
