import json

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.sms_template_code.tests.common import SmsProviderStandInCase
from odoo.tests import Form, tagged

from .aliyun_standin import AliyunSmsStandIn


@tagged("post_install", "-at_install")
class TestSmsAliyun(SmsProviderStandInCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.standin = AliyunSmsStandIn("LTAI5tTestKey", "TestSecret").start()
        cls.addClassCleanup(cls.standin.stop)
        cls.company = cls.env.company
        cls.company.write(
            {
                "sms_provider": "aliyun",
                "sms_aliyun_access_key_id": "LTAI5tTestKey",
                "sms_aliyun_access_key_secret": "TestSecret",
                "sms_aliyun_endpoint": cls.standin.endpoint,
                "sms_aliyun_protocol": "http",
                "sms_sign_name": "翠湖物业",
                "sms_fallback_template_code": "SMS_900000001",
            }
        )
        cls.user = mail_new_test_user(
            cls.env,
            login="aliyun_staff",
            groups="base.group_user,base.group_partner_manager",
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "王建国", "phone": "13800138000"}
        )
        cls.template = cls.env["sms.template"].create(
            {
                "name": "报修确认",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "body": "{{ object.name }}您好，您的报修已受理。",
                "provider_template_code": "SMS_123456789",
                "provider_template_params": "name = {{ object.name }}\nstatus = 已受理",
            }
        )

    def setUp(self):
        super().setUp()
        self.standin.sent.clear()
        self.standin.errors.clear()

    def _send_with_composer(self, partner, template=None):
        composer_form = Form(
            self.env["sms.composer"]
            .with_user(self.user)
            .with_context(
                active_model="res.partner",
                active_id=partner.id,
                default_template_id=template.id if template else False,
            )
        )
        composer_form.save().action_send_sms()
        return self.env["mail.notification"].search(
            [("res_partner_id", "=", partner.id), ("notification_type", "=", "sms")],
            order="id desc",
            limit=1,
        )

    def test_template_sent_with_code_params_and_signature(self):
        notification = self._send_with_composer(self.owner, self.template)
        self.assertEqual(len(self.standin.sent), 1)
        request = self.standin.sent[0]
        self.assertEqual(request["PhoneNumbers"], "13800138000")
        self.assertEqual(request["SignName"], "翠湖物业")
        self.assertEqual(request["TemplateCode"], "SMS_123456789")
        self.assertEqual(
            json.loads(request["TemplateParam"]), {"name": "王建国", "status": "已受理"}
        )
        self.assertEqual(request["OutId"], notification.sms_tracker_ids.sms_uuid)
        self.assertEqual(notification.notification_status, "pending")
        self.assertTrue(notification.sms_tracker_ids.sms_provider_ref.endswith("^0"))

    def test_free_text_goes_through_fallback_template(self):
        composer = (
            self.env["sms.composer"]
            .with_user(self.user)
            .with_context(active_model="res.partner", active_id=self.owner.id)
            .create({"body": "明天上午九点停水"})
        )
        composer.action_send_sms()
        self.assertEqual(self.standin.sent[0]["TemplateCode"], "SMS_900000001")
        self.assertEqual(
            json.loads(self.standin.sent[0]["TemplateParam"]),
            {"content": "明天上午九点停水"},
        )

    def test_mass_sms_maps_each_record(self):
        owners = self.owner | self.env["res.partner"].create(
            {"name": "李秀英", "phone": "13900139000"}
        )
        composer = (
            self.env["sms.composer"]
            .with_context(active_model="res.partner", active_ids=owners.ids)
            .create({"composition_mode": "mass", "template_id": self.template.id})
        )
        composer.action_send_sms()
        self.env["sms.sms"].search([("state", "=", "outgoing")]).send()
        params = sorted(
            json.loads(r["TemplateParam"])["name"] for r in self.standin.sent
        )
        self.assertEqual(params, ["李秀英", "王建国"])

    def test_provider_errors_show_type_and_reason(self):
        for code, failure_type in (
            ("isv.AMOUNT_NOT_ENOUGH", "sms_credit"),
            ("isv.BUSINESS_LIMIT_CONTROL", "sms_rate_limit"),
            ("isv.SMS_TEMPLATE_ILLEGAL", "sms_template"),
            ("isv.MOBILE_NUMBER_ILLEGAL", "sms_number_format"),
        ):
            with self.subTest(code=code):
                self.standin.errors["13800138000"] = [code]
                notification = self._send_with_composer(self.owner, self.template)
                self.assertEqual(notification.notification_status, "exception")
                self.assertEqual(notification.failure_type, failure_type)
                self.assertIn(code, notification.failure_reason)
        self.assertFalse(self.standin.sent)

    def test_wrong_secret_is_refused_by_signature_check(self):
        self.company.sms_aliyun_access_key_secret = "WrongSecret"
        notification = self._send_with_composer(self.owner, self.template)
        self.assertEqual(self.standin.rejected_signatures, 1)
        self.assertEqual(notification.failure_type, "sms_acc")
        self.assertIn("IncompleteSignature", notification.failure_reason)

    def test_delivery_report_updates_notification(self):
        self.owner.phone = "13700137000"
        delivered = self._send_with_composer(self.owner, self.template)
        failed = self._send_with_composer(self.owner, self.template)
        url = self.company._sms_aliyun_report_url()
        reports = [
            {
                "success": True,
                "err_code": "DELIVERED",
                "err_msg": "用户接收成功",
                "out_id": delivered.sms_tracker_ids.sms_uuid,
                "biz_id": "1",
            },
            {
                "success": False,
                "err_code": "MOBILE_ACCOUNT_NOT_EXISTS",
                "err_msg": "空号",
                "out_id": failed.sms_tracker_ids.sms_uuid,
                "biz_id": "2",
            },
        ]
        response = self.url_open(
            url,
            data=json.dumps(reports),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json(), {"code": 0, "msg": "成功"})
        self.assertEqual(delivered.notification_status, "sent")
        self.assertEqual(failed.notification_status, "bounce")
        self.assertEqual(failed.failure_type, "sms_invalid_destination")
        self.assertEqual(failed.failure_reason, "MOBILE_ACCOUNT_NOT_EXISTS: 空号")

    def test_delivery_report_needs_the_company_token(self):
        notification = self._send_with_composer(self.owner, self.template)
        reports = [{"success": True, "out_id": notification.sms_tracker_ids.sms_uuid}]
        response = self.url_open(
            "/sms_aliyun/report/forged-token", data=json.dumps(reports), method="POST"
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(notification.notification_status, "pending")
        response = self.url_open(
            self.company._sms_aliyun_report_url(), data="not json", method="POST"
        )
        self.assertEqual(response.status_code, 400)

    def test_settings_test_button(self):
        settings = self.env["res.config.settings"].create(
            {"sms_test_number": "13600136000"}
        )
        action = settings.action_sms_provider_test()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.standin.sent[-1]["PhoneNumbers"], "13600136000")
        self.standin.errors["13600136000"] = ["isv.AMOUNT_NOT_ENOUGH"]
        settings = self.env["res.config.settings"].create(
            {"sms_test_number": "13600136000"}
        )
        with self.assertRaisesRegex(Exception, "isv.AMOUNT_NOT_ENOUGH: 账户余额不足"):
            settings.action_sms_provider_test()
