from . import test_sms_aliyun
