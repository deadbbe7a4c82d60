from odoo.addons.property_base.tests.common_tour import ChineseTourCase
from odoo.tests import new_test_user, tagged

from .common import HelpdeskCommon

#: seconds a staff tour may take on a loaded test machine
TIMEOUT = 180


@tagged("post_install", "-at_install")
class TestHelpdeskStaffTours(HelpdeskCommon, ChineseTourCase):
    """Ticket jobs as staff click them in the Chinese web client."""

    tour_modules = ("property_base", "property_helpdesk")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.butler_a.name = "张伟"
        cls.technician = new_test_user(
            cls.env, login="tech_liu", name="刘师傅", groups="base.group_user"
        )
        cls._speak_chinese(cls.officer, cls.butler_a)

    def test_repair_by_phone(self):
        """The desk takes a call, the grid butler gets it, a technician fixes it."""
        self.start_tour(
            "/odoo/action-property_helpdesk.helpdesk_ticket_action_property",
            "property_helpdesk_repair_by_phone",
            login="officer",
            timeout=TIMEOUT,
        )
        ticket = self.Ticket.search([("name", "=", "厨房水管漏水")])
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertIn("厨房水槽下有水", ticket.description)
        self.assertEqual(ticket.first_responsible_id, self.butler_a)
        self.assertEqual(ticket.user_id, self.technician)
        self.assertTrue(
            ticket.ack_date <= ticket.dispatch_date <= ticket.onsite_date,
            "acknowledged, dispatched and on site in that order",
        )
        self.assertEqual(ticket.stage_id, self.done_stage)
        self.assertTrue(ticket.resolve_date)

    def test_patrol_round_with_a_finding_that_becomes_a_ticket(self):
        self.start_tour(
            "/odoo/action-property_helpdesk.property_patrol_action",
            "property_helpdesk_patrol_round",
            login="butler_a",
            timeout=TIMEOUT,
        )
        patrol = self.env["property.patrol"].search(
            [("user_id", "=", self.butler_a.id)]
        )
        self.assertEqual(patrol.project_id, self.project)
        self.assertEqual(patrol.building_id, self.building_a)
        finding = patrol.finding_ids
        self.assertEqual(finding.location, "1单元大堂")
        ticket = finding.ticket_id
        self.assertEqual(ticket.kind, "repair")
        self.assertEqual(ticket.building_id, self.building_a)
        self.assertIn("大堂顶灯不亮", ticket.description)
        self.assertEqual(ticket.user_id, self.butler_a)
