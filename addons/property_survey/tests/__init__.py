from . import test_answers, test_reports, test_sampling, test_security
from . import test_zh_cn_screens
from . import test_staff_tours
