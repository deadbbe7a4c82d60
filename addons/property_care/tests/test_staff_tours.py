from datetime import timedelta

from odoo import fields
from odoo.addons.property_base.tests.common_tour import ChineseTourCase
from odoo.tests import tagged

from .common import CareCommon

#: seconds a staff tour may take on a loaded test machine
TIMEOUT = 180


@tagged("post_install", "-at_install")
class TestCareStaffTours(CareCommon, ChineseTourCase):
    """Care jobs as staff click them in the Chinese web client."""

    tour_modules = ("property_base", "property_care")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._speak_chinese(cls.officer, cls.butler_a)
        cls.owner_a.email = "wang@example.com"

    def _installed(self, module):
        return self.env["ir.module.module"]._get(module).state == "installed"

    def test_officer_creates_and_sends_a_milestone_broadcast(self):
        if self._installed("property_channel_care"):
            self.skipTest(
                "with property_channel_care the broadcast goes through the owner "
                "message queue; its own tour covers that path"
            )
        self.start_tour(
            "/odoo/action-property_care.property_project_milestone_action",
            "property_care_milestone_broadcast",
            login="officer",
            timeout=TIMEOUT,
        )
        milestone = self.env["property.project.milestone"].search(
            [("name", "=", "3号楼封顶")]
        )
        self.assertEqual(milestone.project_id, self.project)
        self.assertEqual(milestone.company_id, self.project.company_id)
        logs = {log.partner_id: log.state for log in milestone.log_ids}
        self.assertEqual(logs, {self.owner_a: "sent", self.owner_b: "failed"})
        message = self.owner_a.message_ids.filtered(
            lambda m: m.subject == "工程进度喜报"
        )
        self.assertIn("尊敬的Wang Jianguo", message.body)
        self.assertIn("Jade Lake", message.body)

    def test_butlers_morning(self):
        """Today's touchpoints in the activity menu, a visit done with a score
        counts for the quarter's coverage."""
        if self.env.ref("property_base.partner_owner_1", raise_if_not_found=False):
            # known defect (issue 17 note): with every addon and the demo data
            # installed the butler's activity counter does not show
            self.skipTest("activity counter not shown with the demo data installed")
        unit_a3 = self.env["property.unit"].create(
            {
                "name": "103",
                "building_id": self.building_a.id,
                "sale_state": "handed_over",
                "occupancy": "occupied",
            }
        )
        self._customer("Feng Yu", unit=unit_a3, customer_stage="owner")
        today = fields.Date.context_today(self.env.user)
        visit, call = self.Touchpoint.create(
            [
                {
                    "name": "年度拜访",
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                    "user_id": self.butler_a.id,
                    "action": "visit",
                    "due_date": today,
                    "deadline": today + timedelta(days=7),
                },
                {
                    "name": "生日问候",
                    "partner_id": self.owner_a.id,
                    "user_id": self.butler_a.id,
                    "action": "call",
                    "due_date": today,
                    "deadline": today + timedelta(days=3),
                },
            ]
        )
        self.start_tour(
            "/odoo", "property_care_butler_morning", login="butler_a", timeout=TIMEOUT
        )
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.score, 4)
        self.assertEqual(call.state, "planned")
        logged = visit.visit_ids
        self.assertEqual(len(logged), 1)
        self.assertEqual(logged.visitor_id, self.butler_a)
        self.assertEqual(logged.score, 4)
        self.assertTrue(self.unit_a1.care_visited_this_quarter)
        self.assertFalse(unit_a3.care_visited_this_quarter)
        self.start_tour(
            "/odoo/action-property_care.property_unit_action_not_visited",
            "property_care_not_visited",
            login="butler_a",
            timeout=TIMEOUT,
        )
