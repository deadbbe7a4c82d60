from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestBroadcast(CareCommon):
    def _messages(self, partner, subject):
        return partner.message_ids.filtered(lambda m: m.subject == subject)

    def test_second_broadcast_reaches_only_new_buyers(self):
        self.owner_a.email = "wang@example.com"
        milestone = self.env["property.project.milestone"].create(
            {
                "name": "Building 2 topped out",
                "project_id": self.project.id,
                "kind": "topping_out",
                "subject": "Topping-out",
                "message": "Dear {name}, the building of {unit} at {project} "
                "is topped out.",
            }
        )
        milestone.action_send()
        logs = {log.partner_id: log for log in milestone.log_ids}
        self.assertEqual(logs[self.owner_a].state, "sent")
        self.assertEqual(logs[self.owner_b].state, "failed")
        self.assertEqual(logs[self.owner_b].reason, "No e-mail address")
        message = self._messages(self.owner_a, "Topping-out")
        self.assertEqual(len(message), 1)
        self.assertIn("Dear Wang Jianguo", message.body)
        self.assertIn(self.unit_a1.display_name, message.body)

        newcomer = self._customer(
            "Hu Jun",
            unit=self.unit_a2,
            customer_stage="signed",
            email="hu@example.com",
        )
        self.owner_b.email = "li@example.com"
        milestone.action_send()
        self.assertEqual(len(self._messages(self.owner_a, "Topping-out")), 1)
        self.assertEqual(len(self._messages(self.owner_b, "Topping-out")), 1)
        self.assertEqual(len(self._messages(newcomer, "Topping-out")), 1)
        self.assertEqual(milestone.sent_count, 3)
        self.assertEqual(milestone.failed_count, 0)
        self.assertEqual(len(milestone.log_ids), 3)

    def test_unknown_placeholder_is_refused(self):
        milestone = self.env["property.project.milestone"].create(
            {
                "name": "Open day",
                "project_id": self.project.id,
                "subject": "Open day",
                "message": "Dear {owner}",
            }
        )
        with self.assertRaises(UserError):
            milestone.action_send()
        self.assertFalse(milestone.log_ids)

    def test_failure_reason_in_company_language(self):
        load_zh_cn(self.env, ["property_care"])
        self.project.company_id.partner_id.lang = "zh_CN"
        milestone = self.env["property.project.milestone"].create(
            {
                "name": "Open day",
                "project_id": self.project.id,
                "kind": "topping_out",
                "subject": "Open day",
                "message": "Dear {name}",
            }
        )
        milestone.with_context(lang="en_US").action_send()
        log = milestone.log_ids.filtered(lambda line: line.partner_id == self.owner_b)
        self.assertEqual(log.reason, "无电子邮箱")
