from . import test_sms_tencentcloud
