from odoo.addons.property_helpdesk.tests.common import HelpdeskCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCareLinks(HelpdeskCommon):
    """Issue 18: a butler cannot link his touchpoint to another grid's ticket
    and read its name back, nor forge a service-recovery touchpoint."""

    def test_butler_cannot_link_a_ticket(self):
        other_ticket = self._ticket(
            name="Broken lift", partner_id=self.owner_b.id, unit_id=self.unit_b1.id
        )
        touchpoint = (
            self.env["property.care.touchpoint"]
            .with_user(self.butler_a)
            .create({"name": "Call", "partner_id": self.owner_a.id})
        )
        for vals in (
            {"ticket_id": other_ticket.id},
            {"recovery_ticket_id": other_ticket.id, "recovery_reason": "breach"},
            {"kind": "recovery"},
        ):
            with self.assertRaises(AccessError):
                touchpoint.write(vals)
        self.assertFalse(touchpoint.ticket_id)
        self.assertEqual(touchpoint.kind, "manual")
        # the flow still links the ticket it opens for him
        touchpoint.write({"needs_action": True, "outcome": "Drain blocked"})
        self.assertEqual(touchpoint.ticket_id.partner_id, self.owner_a)
