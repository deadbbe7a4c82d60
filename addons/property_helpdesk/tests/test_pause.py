from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestPause(HelpdeskCommon):
    """Holds stop the clocks; an appointment is the on-site deadline."""

    def _pause(self, ticket, reason="parts", user=None):
        ticket = ticket.with_user(user or self.butler_a)
        action = ticket.action_pause()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user or self.butler_a)
            .with_context(**action["context"])
        )
        wizard.reason = reason
        wizard.note = "Valve ordered"
        wizard.save().action_confirm()

    def test_three_hour_hold_moves_deadline_by_three_hours(self):
        ticket = self._ticket(kind="repair")
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 3, 8, 0))
        with freeze_time("2030-01-01 08:02:00"):
            ticket.with_user(self.butler_a).action_acknowledge()
        with freeze_time("2030-01-01 09:00:00"):
            self._pause(ticket)
        self.assertTrue(ticket.is_paused)
        self.assertFalse(ticket.next_check_at)
        # a run while on hold, past the dispatch deadline: nothing is late
        self.Ticket._escalate_due(datetime(2030, 1, 1, 11, 0), 500)
        self.assertFalse(ticket.dispatch_breached)
        with freeze_time("2030-01-01 12:00:00"):
            ticket.with_user(self.butler_a).action_resume()
        self.assertFalse(ticket.is_paused)
        self.assertEqual(ticket.paused_hours, 3.0)
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 3, 11, 0))
        self.assertEqual(ticket.dispatch_deadline, datetime(2030, 1, 1, 12, 0))
        # acknowledged before the hold: that deadline stays
        self.assertEqual(ticket.ack_deadline, datetime(2030, 1, 1, 8, 3))
        self.assertEqual(ticket.next_check_at, datetime(2030, 1, 1, 12, 0))
        bodies = " ".join(ticket.message_ids.mapped("body"))
        self.assertIn("On hold: Waiting for parts", bodies)
        self.assertIn("Resumed after 3.0 hours", bodies)

    def test_major_complaint_hold_refused_unless_allowed(self):
        complaint = self._ticket(kind="complaint", complaint_grade="major")
        with self.assertRaises(UserError):
            complaint.action_pause()
        self.env["res.config.settings"].create(
            {"property_pause_major_complaints": True}
        ).execute()
        with freeze_time("2030-01-01 09:00:00"):
            self._pause(complaint, reason="developer", user=self.env.user)
        self.assertTrue(complaint.is_paused)

    def test_hold_cannot_be_forged(self):
        ticket = self._ticket(kind="repair")
        Pause = self.env["property.ticket.pause"].with_user(self.butler_a)
        with self.assertRaises(AccessError):
            Pause.create(
                {
                    "ticket_id": ticket.id,
                    "reason": "parts",
                    "user_id": self.butler_a.id,
                    "date_start": "2029-12-01 00:00:00",
                    "date_stop": "2030-01-01 00:00:00",
                }
            )
        with freeze_time("2030-01-01 09:00:00"):
            self._pause(ticket)
        with self.assertRaises(AccessError):
            ticket.pause_ids.with_user(self.butler_a).write(
                {"date_start": "2029-12-01 00:00:00"}
            )
        with freeze_time("2030-01-01 09:00:00"), self.assertRaises(UserError):
            self._pause(ticket)  # already on hold

    def test_appointment_moves_on_site_deadline(self):
        ticket = self._ticket(kind="repair")
        self.assertEqual(ticket.onsite_deadline, datetime(2030, 1, 1, 10, 0))
        with freeze_time("2030-01-01 08:30:00"):
            ticket.with_user(self.butler_a)._property_set_appointment(
                datetime(2030, 1, 1, 15, 0)
            )
            with self.assertRaises(UserError):
                ticket._property_set_appointment(datetime(2029, 12, 31, 15, 0))
        self.assertEqual(ticket.onsite_deadline, datetime(2030, 1, 1, 15, 0))
        ticket.action_acknowledge()
        self.Ticket._escalate_due(datetime(2030, 1, 1, 12, 0), 500)
        self.assertFalse(ticket.onsite_breached)
        self.assertIn(
            "Appointment on site: 2030-01-01 15:00:00",
            " ".join(ticket.message_ids.mapped("body")),
        )
