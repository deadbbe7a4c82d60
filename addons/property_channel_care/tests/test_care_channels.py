import json

from odoo import fields
from odoo.addons.property_care.tests.common import CareCommon
from odoo.addons.property_channel.tests.common import ChannelCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCareChannels(ChannelCase, CareCommon):
    def _touchpoint(self, partner, action="sms", **vals):
        return self.Touchpoint.create(
            dict(
                {
                    "name": "物业费优惠提醒",
                    "partner_id": partner.id,
                    "action": action,
                    "description": "王先生您好，本月缴清物业费可享九五折。",
                    "due_date": fields.Date.today(),
                    "deadline": fields.Date.today(),
                    "user_id": self.butler_a.id,
                },
                **vals,
            )
        )

    def test_touchpoint_sms_is_sent_and_logged(self):
        touchpoint = self._touchpoint(self.owner_sms)
        later = self._touchpoint(
            self.owner_sms,
            due_date=fields.Date.add(fields.Date.today(), days=3),
            deadline=fields.Date.add(fields.Date.today(), days=3),
        )
        self.Touchpoint._cron_channel_send()
        self.Touchpoint._cron_channel_send()
        self._process()
        self.assertEqual(len(self.standin.sent), 1)
        self.assertEqual(
            json.loads(self.standin.sent[0]["TemplateParam"]),
            {"content": "王先生您好，本月缴清物业费可享九五折。"},
        )
        self.assertEqual(touchpoint.state, "done")
        self.assertIn("SMS", touchpoint.outcome)
        self.assertTrue(
            touchpoint.message_ids.filtered(
                lambda m: "李秀英" in m.body and "SMS" in m.body
            )
        )
        self.assertEqual(later.state, "planned", "not due yet")
        self.assertFalse(later.channel_queued)

    def test_greeting_uses_the_line_template(self):
        line = self._line("birthday")
        touchpoint = self._touchpoint(
            self.owner_sms, action="greeting", line_id=line.id
        )
        touchpoint.action_channel_send()
        self._process()
        text = json.loads(self.standin.sent[0]["TemplateParam"])["content"]
        expected = line.template_id._render_field(
            "body_html", touchpoint.ids, compute_lang=True
        )[touchpoint.id]
        self.assertTrue(text)
        self.assertIn(text.split()[0], str(expected))
        self.assertEqual(touchpoint.state, "done")

    def test_failed_touchpoint_message_stays_planned_with_reason(self):
        self.standin.errors["13800138002"] = ["isv.AMOUNT_NOT_ENOUGH"]
        touchpoint = self._touchpoint(self.owner_sms)
        touchpoint.action_channel_send()
        self._process()
        self.assertEqual(touchpoint.state, "planned")
        self.assertTrue(
            touchpoint.message_ids.filtered(lambda m: "isv.AMOUNT_NOT_ENOUGH" in m.body)
        )

    def test_milestone_broadcast_three_owners_three_channels(self):
        self.owner_a.write({"email": "wang@example.com", "preferred_channel": "email"})
        self.owner_b.write({"phone": "13900139000", "preferred_channel": "sms"})
        newcomer = self._customer("胡军", unit=self.unit_a2, customer_stage="signed")
        milestone = self.env["property.project.milestone"].create(
            {
                "name": "二号楼封顶",
                "project_id": self.project.id,
                "kind": "topping_out",
                "subject": "封顶喜讯",
                "message": "{name}您好，您在{project}的新家已封顶。",
            }
        )
        milestone.action_channel_broadcast()
        self.assertEqual(set(milestone.log_ids.mapped("state")), {"queued"})
        self._process()
        logs = {log.partner_id: log for log in milestone.log_ids}
        self.assertEqual(
            {p: (log.channel, log.state) for p, log in logs.items()},
            {
                self.owner_a: ("email", "sent"),
                self.owner_b: ("sms", "sent"),
                newcomer: ("call", "sent"),
            },
        )
        self.assertEqual(milestone.sent_count, 3)
        self.assertEqual(
            [r["PhoneNumbers"] for r in self.standin.sent], ["13900139000"]
        )
        self.assertIn("Li Xiuying您好", self.standin.sent[0]["TemplateParam"])
        # broadcasting again reaches nobody twice
        milestone.action_channel_broadcast()
        self._process()
        self.assertEqual(len(self.standin.sent), 1)
        self.assertEqual(len(milestone.log_ids), 3)

    def test_manager_broadcasts_from_the_milestone_in_chinese(self):
        """The manager's job in the browser, in Chinese (web-client tour)."""
        self.env["ir.module.module"]._load_module_terms(
            ["property_channel", "property_channel_care"], ["zh_CN"]
        )
        self.manager.lang = "zh_CN"
        self.owner_a.write({"email": "wang@example.com"})
        milestone = self.env["property.project.milestone"].create(
            {
                "name": "二号楼封顶",
                "project_id": self.project.id,
                "subject": "封顶喜讯",
                "message": "{name}您好，您的新家已封顶。",
            }
        )
        self.start_tour(
            f"/odoo/property.project.milestone/{milestone.id}",
            "property_channel_care_broadcast",
            login=self.manager.login,
        )
        messages = self.env["property.channel.message"].search(
            [("res_model", "=", milestone._name), ("res_id", "=", milestone.id)]
        )
        self.assertEqual(messages.partner_id, milestone._recipients())
        self.assertEqual(set(messages.mapped("state")), {"queued"})
