from . import (
    test_answers,
    test_duties,
    test_questionnaire_input,
    test_record_rules,
    test_reports,
    test_sampling,
    test_security,
    test_staff_tours,
    test_zh_cn_screens,
)
