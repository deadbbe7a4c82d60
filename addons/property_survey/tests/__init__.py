from . import test_answers, test_duties, test_reports, test_sampling, test_security
