from odoo.addons.property_base.tests.common_tour import ChineseTourCase
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestCareStaffTours(CareCommon, ChineseTourCase):
    """Care jobs as staff click them in the Chinese web client."""

    tour_modules = ("property_base", "property_care")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._speak_chinese(cls.officer, cls.butler_a)
        cls.owner_a.email = "wang@example.com"

    def test_officer_creates_and_sends_a_milestone_broadcast(self):
        self.start_tour(
            "/odoo/action-property_care.property_project_milestone_action",
            "property_care_milestone_broadcast",
            login="officer",
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
