from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestHelpdeskSecurity(HelpdeskCommon):
    def test_butler_sees_only_tickets_of_own_grid(self):
        mine = self._ticket()
        other = self._ticket(unit_id=self.unit_b1.id, partner_id=self.owner_b.id)
        tickets = self.Ticket.with_user(self.butler_a).search([])
        self.assertIn(mine, tickets)
        self.assertNotIn(other, tickets)
        with self.assertRaises(AccessError):
            other.with_user(self.butler_a).read(["name"])

    def test_butler_cannot_change_sla_policies(self):
        policy = self.env.ref("property_helpdesk.sla_repair")
        with self.assertRaises(AccessError):
            policy.with_user(self.butler_a).write({"ack_minutes": 30})
