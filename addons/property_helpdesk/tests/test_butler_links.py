from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestButlerLinks(HelpdeskCommon):
    """Issue 18: a butler files tickets only for customers he may read."""

    def test_butler_cannot_open_a_complaint_for_another_grid(self):
        Ticket = self.Ticket.with_user(self.butler_a)
        complaint = {
            "name": "Noise",
            "description": "Neighbours at night",
            "kind": "complaint",
        }
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            Ticket.create({**complaint, "partner_id": self.owner_b.id})
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            Ticket.create({**complaint, "unit_id": self.unit_b1.id})
        with self.assertRaises(AccessError):
            Ticket.create(
                {
                    **complaint,
                    "partner_id": self.owner_a.id,
                    "first_responsible_id": self.butler_a.id,
                }
            )
        self.assertFalse(self.Ticket.search([("name", "=", "Noise")]))
        # his own customer's complaint is filed
        ticket = Ticket.create(
            {**complaint, "partner_id": self.owner_a.id, "unit_id": self.unit_a1.id}
        )
        self.assertEqual(ticket.building_id, self.building_a)
        with self.assertRaisesRegex(AccessError, "someone else's grid"):
            ticket.write({"partner_id": self.owner_b.id})
