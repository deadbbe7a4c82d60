import json

from odoo.addons.mail.tests.common import mail_new_test_user
from odoo.addons.sms_template_code.tests.common import SmsProviderStandInCase
from odoo.tests import Form, tagged

from .tencent_standin import TencentSmsStandIn


@tagged("post_install", "-at_install")
class TestSmsTencentCloud(SmsProviderStandInCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.standin = TencentSmsStandIn("AKIDTest", "TestKey", "1400123456").start()
        cls.addClassCleanup(cls.standin.stop)
        cls.company = cls.env.company
        cls.company.write(
            {
                "sms_provider": "tencentcloud",
                "sms_tencentcloud_secret_id": "AKIDTest",
                "sms_tencentcloud_secret_key": "TestKey",
                "sms_tencentcloud_sdk_app_id": "1400123456",
                "sms_tencentcloud_endpoint": cls.standin.endpoint,
                "sms_tencentcloud_protocol": "http",
                "sms_sign_name": "翠湖物业",
                "sms_fallback_template_code": "900001",
                "sms_fallback_template_param": "1",
            }
        )
        cls.user = mail_new_test_user(
            cls.env,
            login="tencent_staff",
            groups="base.group_user,base.group_partner_manager",
        )
        cls.owner = cls.env["res.partner"].create(
            {"name": "王建国", "phone": "13800138000"}
        )
        cls.template = cls.env["sms.template"].create(
            {
                "name": "预约提醒",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "body": "{{ object.name }}您好，明天上午上门维修。",
                "provider_template_code": "1234567",
                "provider_template_params": "2 = 明天上午\n1 = {{ object.name }}",
            }
        )

    def setUp(self):
        super().setUp()
        self.standin.sent.clear()
        self.standin.errors.clear()

    def _send(self, partner, template=None):
        Form(
            self.env["sms.composer"]
            .with_user(self.user)
            .with_context(
                active_model="res.partner",
                active_id=partner.id,
                default_template_id=template.id if template else False,
            )
        ).save().action_send_sms()
        return self.env["mail.notification"].search(
            [("res_partner_id", "=", partner.id), ("notification_type", "=", "sms")],
            order="id desc",
            limit=1,
        )

    def test_template_sent_with_positional_params(self):
        notification = self._send(self.owner, self.template)
        self.assertEqual(len(self.standin.sent), 1)
        number, request = self.standin.sent[0]
        self.assertEqual(number, "13800138000")
        self.assertEqual(request["SignName"], "翠湖物业")
        self.assertEqual(request["TemplateId"], "1234567")
        self.assertEqual(request["TemplateParamSet"], ["王建国", "明天上午"])
        self.assertEqual(notification.notification_status, "pending")
        self.assertTrue(
            notification.sms_tracker_ids.sms_provider_ref.startswith("2028:")
        )

    def test_free_text_goes_through_fallback_template(self):
        self.env["sms.composer"].with_context(
            active_model="res.partner", active_id=self.owner.id
        ).create({"body": "明天上午九点停水"}).action_send_sms()
        _number, request = self.standin.sent[0]
        self.assertEqual(request["TemplateId"], "900001")
        self.assertEqual(request["TemplateParamSet"], ["明天上午九点停水"])

    def test_mass_sms_one_request_per_parameters(self):
        owners = self.owner | self.env["res.partner"].create(
            {"name": "李秀英", "phone": "13900139000"}
        )
        self.env["sms.composer"].with_context(
            active_model="res.partner", active_ids=owners.ids
        ).create(
            {"composition_mode": "mass", "template_id": self.template.id}
        ).action_send_sms()
        self.env["sms.sms"].search([("state", "=", "outgoing")]).send()
        names = sorted(
            request["TemplateParamSet"][0] for _n, request in self.standin.sent
        )
        self.assertEqual(names, ["李秀英", "王建国"])

    def test_provider_errors_show_type_and_reason(self):
        for code, failure_type in (
            ("FailedOperation.InsufficientBalanceInSmsPackage", "sms_credit"),
            ("LimitExceeded.PhoneNumberThirtySecondLimit", "sms_rate_limit"),
            ("FailedOperation.TemplateIncorrectOrUnapproved", "sms_template"),
            ("InvalidParameterValue.IncorrectPhoneNumber", "sms_number_format"),
        ):
            with self.subTest(code=code):
                self.standin.errors["13800138000"] = [code]
                notification = self._send(self.owner, self.template)
                self.assertEqual(notification.notification_status, "exception")
                self.assertEqual(notification.failure_type, failure_type)
                self.assertIn(code, notification.failure_reason)
        self.assertFalse(self.standin.sent)

    def test_wrong_key_is_refused_by_signature_check(self):
        self.company.sms_tencentcloud_secret_key = "WrongKey"
        notification = self._send(self.owner, self.template)
        self.assertEqual(self.standin.rejected_signatures, 1)
        self.assertEqual(notification.failure_type, "sms_acc")
        self.assertIn("AuthFailure.SignatureFailure", notification.failure_reason)

    def test_delivery_report_updates_notification(self):
        delivered = self._send(self.owner, self.template)
        failed = self._send(self.owner, self.template)
        reports = [
            {
                "report_status": "SUCCESS",
                "errmsg": "DELIVRD",
                "description": "用户短信送达成功",
                "mobile": "13800138000",
                "sid": delivered.sms_tracker_ids.sms_provider_ref,
            },
            {
                "report_status": "FAIL",
                "errmsg": "MK:0001",
                "description": "空号",
                "mobile": "13800138000",
                "sid": failed.sms_tracker_ids.sms_provider_ref,
            },
        ]
        response = self.url_open(
            self.company._sms_tencentcloud_report_url(),
            data=json.dumps(reports),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json(), {"result": 0, "errmsg": "OK"})
        self.assertEqual(delivered.notification_status, "sent")
        self.assertEqual(failed.notification_status, "bounce")
        self.assertEqual(failed.failure_type, "sms_invalid_destination")
        self.assertEqual(failed.failure_reason, "MK:0001: 空号")
        forged = self.url_open(
            "/sms_tencentcloud/report/forged", data=json.dumps(reports), method="POST"
        )
        self.assertEqual(forged.status_code, 404)

    def test_settings_test_button(self):
        settings = self.env["res.config.settings"].create(
            {"sms_test_number": "13600136000"}
        )
        self.assertEqual(
            settings.action_sms_provider_test()["params"]["type"], "success"
        )
        self.assertEqual(self.standin.sent[-1][0], "13600136000")
