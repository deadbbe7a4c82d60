from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.property_helpdesk.tests.common import HelpdeskCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCareHelpdesk(HelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Touchpoint = cls.env["property.care.touchpoint"]
        cls.Visit = cls.env["property.care.visit"]

    def _recovery(self, ticket):
        return self.Touchpoint.search([("recovery_ticket_id", "=", ticket.id)])

    def test_visit_needing_action_opens_one_ticket(self):
        visit = self.Visit.with_user(self.butler_a).create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a1.id,
                "score": 3,
                "needs": "The balcony drain is blocked",
                "needs_action": True,
            }
        )
        ticket = visit.ticket_id
        self.assertTrue(ticket)
        self.assertEqual(ticket.care_visit_id, visit)
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.kind, "repair")
        self.assertIn("balcony drain", ticket.description)
        # saving again, or pressing the button, opens nothing new
        visit.write({"needs_action": True, "follow_up": "Plumber on Monday"})
        visit.action_open_ticket()
        self.assertEqual(
            self.Ticket.search_count([("care_visit_id", "=", visit.id)]), 1
        )

    def test_visit_without_need_opens_no_ticket(self):
        visit = self.Visit.create({"partner_id": self.owner_a.id, "score": 5})
        self.assertFalse(visit.ticket_id)

    def test_touchpoint_outcome_opens_complaint(self):
        touchpoint = self.Touchpoint.create(
            {
                "name": "Welcome call",
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a1.id,
                "user_id": self.butler_a.id,
            }
        )
        touchpoint.write(
            {
                "outcome": "Neighbour's dog barks all night",
                "needs_action": True,
                "ticket_kind": "complaint",
            }
        )
        self.assertEqual(touchpoint.ticket_id.kind, "complaint")
        self.assertEqual(touchpoint.ticket_id.complaint_grade, "general")
        self.assertEqual(touchpoint.ticket_id.care_touchpoint_id, touchpoint)
        self.assertIn("dog barks", touchpoint.ticket_id.description)

    def test_breach_gives_one_recovery_touchpoint_for_the_butler(self):
        ticket = self._ticket(kind="repair")
        with freeze_time("2030-01-01 09:00:00"):
            self.Ticket._escalate_due(datetime(2030, 1, 1, 9, 0), 1000)
        self.assertTrue(ticket.is_breached)
        recovery = self._recovery(ticket)
        self.assertEqual(len(recovery), 1)
        self.assertEqual(recovery.kind, "recovery")
        self.assertEqual(recovery.recovery_reason, "breach")
        self.assertEqual(recovery.user_id, self.butler_a)
        self.assertEqual(recovery.partner_id, self.owner_a)
        # later breaches of the same ticket (dispatch, on site ...) add nothing
        with freeze_time("2030-01-02 09:00:00"):
            self.Ticket._escalate_due(datetime(2030, 1, 2, 9, 0), 1000)
            ticket.resolve_breached = True
        self.assertEqual(self._recovery(ticket), recovery)

    def test_reopened_ticket_gives_recovery_touchpoint_once(self):
        ticket = self._ticket(kind="repair")
        with freeze_time("2030-01-02 10:00:00"):
            self._close(ticket)
            ticket._reopen("unhappy owner")
        recovery = self._recovery(ticket).filtered(
            lambda t: t.recovery_reason == "reopen"
        )
        self.assertEqual(len(recovery), 1)
        self.assertEqual(recovery.user_id, self.butler_a)
        with freeze_time("2030-01-03 10:00:00"):
            self._close(ticket)
            ticket._reopen("still unhappy")
        self.assertEqual(
            self._recovery(ticket).filtered(lambda t: t.recovery_reason == "reopen"),
            recovery,
        )

    def test_recovery_deadline_is_a_setting(self):
        self.env["res.config.settings"].create(
            {"property_care_helpdesk_recovery_days": 5}
        ).execute()
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        with freeze_time("2030-03-01"):
            ticket._reopen("unhappy owner")
        recovery = self._recovery(ticket)
        self.assertEqual(recovery.deadline, date(2030, 3, 6))

    def test_inspection_lists_open_defects_and_repairs(self):
        repair = self._ticket(kind="repair")
        closed = self._ticket(kind="repair", name="Fixed tap")
        self._close(closed)
        self._ticket(kind="inquiry", name="Parking fee question")
        other_home = self._ticket(
            kind="repair", unit_id=self.unit_a2.id, staff_entry_reason="Phoned in"
        )
        inspection, call = self.Touchpoint.create(
            [
                {
                    "name": "3-month quality inspection",
                    "action": "inspection",
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                },
                {
                    "name": "Birthday call",
                    "action": "call",
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                },
            ]
        )
        self.assertEqual(inspection.unit_open_ticket_ids, repair)
        self.assertNotIn(other_home, inspection.unit_open_ticket_ids)
        self.assertFalse(call.unit_open_ticket_ids)

    def test_butler_cannot_open_ticket_for_other_grid(self):
        visit = self.Visit.create({"partner_id": self.owner_b.id, "score": 2})
        with self.assertRaises(AccessError):
            visit.with_user(self.butler_a).write({"needs_action": True})
        self.assertFalse(visit.ticket_id)
