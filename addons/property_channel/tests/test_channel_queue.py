import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import ChannelCase


@tagged("post_install", "-at_install")
class TestChannelQueue(ChannelCase):
    def test_broadcast_three_owners_three_channels(self):
        owners = self.owner_email | self.owner_sms | self.owner_none
        messages = self._enqueue(owners)
        self._process()
        by_owner = {m.partner_id: m for m in messages}
        self.assertEqual(by_owner[self.owner_email].channel, "email")
        self.assertEqual(by_owner[self.owner_sms].channel, "sms")
        self.assertEqual(by_owner[self.owner_none].channel, "call")
        self.assertEqual(
            set(messages.mapped("state")), {"sent"}, messages.mapped("error")
        )
        # e-mail to the first owner
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.owner_email.ids)]
        )
        self.assertEqual(mail.subject, "停水通知")
        # one SMS, to the second owner only, through the fallback template
        self.assertEqual(
            [r["PhoneNumbers"] for r in self.standin.sent], ["13800138002"]
        )
        self.assertEqual(
            json.loads(self.standin.sent[0]["TemplateParam"]),
            {"content": "李秀英您好，明天上午九点至十二点停水。"},
        )
        # the third owner has neither: their butler calls
        activity = self.owner_none.activity_ids
        self.assertEqual(activity.user_id, self.butler)
        self.assertIn("停水通知", activity.summary)

    def test_preferred_channel_unusable_falls_back_in_order(self):
        owner = self.env["res.partner"].create(
            {
                "name": "陈明",
                "phone": "13800138003",
                "email": "chen@example.com",
                "preferred_channel": "wechat",
            }
        )
        message = self._enqueue(owner)
        self._process()
        self.assertEqual(message.channel, "email")
        self.env["ir.config_parameter"].set_param(
            "property_channel.fallback_order", "sms,wechat,email,call"
        )
        message = self._enqueue(owner, event="broadcast:2")
        self._process()
        self.assertEqual(message.channel, "sms")

    def test_same_event_queued_once(self):
        first = self._enqueue(self.owner_sms)
        again = self._enqueue(self.owner_sms)
        self.assertTrue(first)
        self.assertFalse(again)
        self._process()
        self._process()
        self.assertEqual(len(self.standin.sent), 1)

    def test_unsubscribed_owner_gets_nothing(self):
        self.owner_email.channel_opt_out = True
        self.owner_sms.channel_opt_out = True
        messages = self._enqueue(self.owner_email | self.owner_sms)
        self._process()
        self.assertEqual(set(messages.mapped("state")), {"cancelled"})
        self.assertFalse(self.standin.sent)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("recipient_ids", "in", self.owner_email.ids)]
            )
        )

    def test_retry_after_temporary_error_sends_exactly_once(self):
        self.standin.errors["13800138002"] = ["isv.BUSINESS_LIMIT_CONTROL"]
        now = fields.Datetime.now()
        with freeze_time(now):
            message = self._enqueue(self.owner_sms)
            self._process()
        self.assertEqual(message.state, "queued")
        self.assertEqual(message.attempt_count, 1)
        self.assertIn("isv.BUSINESS_LIMIT_CONTROL", message.error)
        self.assertEqual(message.next_attempt_date, now + timedelta(minutes=10))
        with freeze_time(now + timedelta(minutes=5)):
            self.assertFalse(self._process(), "not due before the backoff")
        with freeze_time(now + timedelta(minutes=11)):
            self._process()
            self._process()
        self.assertEqual(message.state, "sent")
        self.assertEqual(len(self.standin.sent), 1)

    def test_temporary_errors_give_up_after_the_attempts(self):
        self.env["ir.config_parameter"].set_param("property_channel.max_attempts", 2)
        self.standin.errors["13800138002"] = ["isp.SYSTEM_ERROR"] * 2
        now = fields.Datetime.now()
        with freeze_time(now):
            message = self._enqueue(self.owner_sms)
            self._process()
        with freeze_time(now + timedelta(minutes=11)):
            self._process()
        self.assertEqual(message.state, "failed")
        self.assertEqual(message.attempt_count, 2)

    def test_delivery_failure_shown_with_reason(self):
        self.standin.errors["13800138002"] = ["isv.MOBILE_NUMBER_ILLEGAL"]
        refused = self._enqueue(self.owner_sms)
        self._process()
        self.assertEqual(refused.state, "failed")
        self.assertEqual(refused.error, "isv.MOBILE_NUMBER_ILLEGAL: 非法手机号")
        # accepted by the provider, then reported undeliverable by the operator
        message = self._enqueue(self.owner_sms, event="broadcast:2")
        self._process()
        self.assertEqual(message.state, "sent")
        report = [
            {
                "success": False,
                "err_code": "MOBILE_ACCOUNT_NOT_EXISTS",
                "err_msg": "空号",
                "out_id": self.standin.sent[0]["OutId"],
            }
        ]
        self.url_open(
            self.env.company._sms_aliyun_report_url(),
            data=json.dumps(report),
            method="POST",
        )
        self.assertEqual(message.state, "failed")
        self.assertEqual(message.error, "MOBILE_ACCOUNT_NOT_EXISTS: 空号")

    def test_delivered_report(self):
        message = self._enqueue(self.owner_sms)
        self._process()
        report = [
            {
                "success": True,
                "err_code": "DELIVERED",
                "out_id": self.standin.sent[0]["OutId"],
            }
        ]
        self.url_open(
            self.env.company._sms_aliyun_report_url(),
            data=json.dumps(report),
            method="POST",
        )
        self.assertEqual(message.state, "delivered")

    def test_daily_cap_per_owner(self):
        self.env["ir.config_parameter"].set_param("property_channel.daily_cap", 1)
        now = fields.Datetime.now()
        with freeze_time(now):
            first = self._enqueue(self.owner_sms)
            second = self._enqueue(self.owner_sms, event="broadcast:2")
            self._process()
        self.assertEqual(first.state, "sent")
        self.assertEqual(second.state, "queued")
        self.assertGreater(second.next_attempt_date.date(), now.date())
        with freeze_time(now + timedelta(days=1, hours=1)):
            self._process()
        self.assertEqual(second.state, "sent")
        self.assertEqual(len(self.standin.sent), 2)

    def test_rate_limit_per_channel(self):
        self.env["ir.config_parameter"].set_param("property_channel.rate_per_minute", 1)
        owner2 = self.env["res.partner"].create(
            {"name": "刘洋", "phone": "13800138009"}
        )
        messages = self._enqueue(self.owner_sms | owner2)
        self._process()
        self.assertEqual(sorted(messages.mapped("state")), ["queued", "sent"])
        self.assertEqual(len(self.standin.sent), 1)

    def test_butler_cannot_forge_a_sent_message(self):
        message = self._enqueue(self.owner_sms)
        with self.assertRaises(AccessError):
            message.with_user(self.butler).write({"state": "sent"})
        with self.assertRaises(AccessError):
            self.Message.with_user(self.butler).create(
                {
                    "event_key": "x",
                    "partner_id": self.owner_sms.id,
                    "subject": "x",
                    "body": "x",
                }
            )
