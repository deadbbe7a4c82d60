from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.sms_aliyun.tests.aliyun_standin import AliyunSmsStandIn
from odoo.addons.sms_template_code.tests.common import SmsProviderStandInCase


class ChannelCase(SmsProviderStandInCase):
    """Owners reached through the queue; SMS go through the Alibaba Cloud SDK
    to a local stand-in of its API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.standin = AliyunSmsStandIn("LTAI5tChannel", "ChannelSecret").start()
        cls.addClassCleanup(cls.standin.stop)
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env.company.write(
            {
                "email": "service@cuihu.example.com",
                "sms_provider": "aliyun",
                "sms_aliyun_access_key_id": "LTAI5tChannel",
                "sms_aliyun_access_key_secret": "ChannelSecret",
                "sms_aliyun_endpoint": cls.standin.endpoint,
                "sms_aliyun_protocol": "http",
                "sms_sign_name": "翠湖物业",
                "sms_fallback_template_code": "SMS_900000001",
            }
        )
        cls.butler = mail_new_test_user(
            cls.env,
            login="channel_butler",
            name="赵管家",
            groups="base.group_user,property_base.property_base_group_butler",
        )
        Partner = cls.env["res.partner"]
        cls.owner_email = Partner.create(
            {
                "name": "王建国",
                "email": "wang@example.com",
                "phone": "13800138001",
                "preferred_channel": "email",
                "lang": "zh_CN",
            }
        )
        cls.owner_sms = Partner.create(
            {
                "name": "李秀英",
                "phone": "13800138002",
                "preferred_channel": "sms",
                "lang": "zh_CN",
            }
        )
        cls.owner_none = Partner.create(
            {"name": "张伟", "butler_id": cls.butler.id, "lang": "zh_CN"}
        )
        cls.Message = cls.env["property.channel.message"]

    def setUp(self):
        super().setUp()
        self.standin.sent.clear()
        self.standin.errors.clear()

    def _enqueue(self, partners, event="broadcast:1", **vals):
        return self.Message._enqueue(
            [
                dict(
                    {
                        "event_key": event,
                        "partner_id": partner.id,
                        "subject": "停水通知",
                        "body": f"{partner.name}您好，明天上午九点至十二点停水。",
                    },
                    **vals,
                )
                for partner in partners
            ]
        )

    def _process(self):
        """One run of the cron, without its commits."""
        batch = self.Message._claim_due_batch(500)
        batch._send()
        return batch
