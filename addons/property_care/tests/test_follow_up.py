from datetime import date

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestFollowUp(CareCommon):
    def _planned(self, **vals):
        return self.Touchpoint.create(
            dict(
                {
                    "name": "Welcome call",
                    "partner_id": self.owner_a.id,
                    "building_id": self.building_a.id,
                    "project_id": self.project.id,
                    "user_id": self.butler_a.id,
                    "due_date": date(2030, 1, 1),
                    "deadline": date(2030, 1, 8),
                },
                **vals,
            )
        )

    def test_done_closes_the_activity(self):
        touchpoint = self._planned()
        self.assertEqual(len(self._care_activities(touchpoint)), 1)
        touchpoint.write({"outcome": "All fine", "score": 5})
        with freeze_time("2030-01-05"):
            touchpoint.action_done()
        self.assertEqual(touchpoint.state, "done")
        self.assertEqual(touchpoint.done_date, date(2030, 1, 5))
        self.assertTrue(touchpoint.done_on_time)
        self.assertFalse(self._care_activities(touchpoint))

    def test_overdue_escalates_once_then_becomes_missed(self):
        touchpoint = self._planned()
        self._follow_up("2030-01-09")
        self._follow_up("2030-01-10")
        self.assertEqual(touchpoint.escalated_date, date(2030, 1, 9))
        head_activities = touchpoint.activity_ids.filtered(
            lambda a: a.user_id == self.head
        )
        self.assertEqual(len(head_activities), 1, "escalated once, to the head")
        self.assertEqual(
            len(
                touchpoint.message_ids.filtered(lambda m: "escalated" in (m.body or ""))
            ),
            1,
        )
        self.assertEqual(touchpoint.state, "planned")
        self._follow_up("2030-01-23")
        self.assertEqual(touchpoint.state, "missed")
        self.assertFalse(touchpoint.activity_ids)

    def test_escalation_written_in_the_escalated_to_language(self):
        load_zh_cn(self.env, ["property_care"])
        self.head.partner_id.lang = "zh_CN"
        touchpoint = self._planned()
        self._follow_up("2030-01-09")
        activity = touchpoint.activity_ids.filtered(lambda a: a.user_id == self.head)
        self.assertEqual(activity.summary, "逾期关怀触点")
        self.assertIn("自 2030-01-08 起逾期（负责人：", str(activity.note))

    def test_at_risk_customer_gets_one_open_touchpoint(self):
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Complaints"}
        )
        self.env["ir.config_parameter"].set_param("property_base.health_base_score", 70)
        self.owner_a._compute_property_health()
        self.assertEqual(self.owner_a.health_level, "at_risk")
        self._generate("2030-02-01")
        self._generate("2030-02-02")
        at_risk = self.Touchpoint.search(
            [("partner_id", "=", self.owner_a.id), ("kind", "=", "at_risk")]
        )
        self.assertEqual(len(at_risk), 1)
        self.assertIn("Black customer", at_risk.description)
        self.assertEqual(at_risk.user_id, self.butler_a)

    def test_greeting_template_is_sent_to_the_customer(self):
        line = self._line("birthday")
        self.assertEqual(
            line.template_id, self.env.ref("property_care.mail_template_care_greeting")
        )
        touchpoint = self._planned(
            name="Birthday greeting",
            line_id=self._line("birthday").id,
            action="greeting",
        )
        touchpoint.action_send_message()
        message = touchpoint.message_ids.filtered(
            lambda m: (
                m.message_type != "notification" and "warmest wishes" in (m.body or "")
            )
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.owner_a, message.partner_ids)

    def test_rerun_query_count_does_not_grow_with_customers(self):
        Touchpoint = self.Touchpoint

        def rerun_queries():
            Touchpoint._generate_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Touchpoint._generate_all()
            return self.cr.sql_log_count - before

        with freeze_time("2030-03-05"):
            for i in range(3):
                self._customer(
                    f"Few {i}",
                    unit=self.unit_a2,
                    customer_stage="subscriber",
                    subscription_date=date(2030, 3, 1),
                )
            few = rerun_queries()
            for i in range(30):
                self._customer(
                    f"Many {i}",
                    unit=self.unit_a2,
                    customer_stage="subscriber",
                    subscription_date=date(2030, 3, 1),
                )
            many = rerun_queries()
        self.assertEqual(few, many)
