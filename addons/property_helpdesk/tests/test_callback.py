from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestCallback(HelpdeskCommon):
    def test_resolution_plans_three_callbacks(self):
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        self.assertTrue(ticket.resolve_date)
        callbacks = ticket.callback_ids.sorted("due_date")
        self.assertEqual(
            callbacks.mapped("callback_type"), ["phone", "visit", "questionnaire"]
        )
        self.assertEqual(
            callbacks[0].due_date - ticket.resolve_date, timedelta(hours=24)
        )
        self.assertEqual(callbacks[1].due_date - ticket.resolve_date, timedelta(days=7))
        self.assertEqual(
            callbacks[2].due_date - ticket.resolve_date, timedelta(days=30)
        )

    def test_dissatisfied_callback_reopens_and_tells_first_responsible(self):
        ticket = self._ticket(kind="repair")
        ticket.with_user(self.butler_a).action_acknowledge()
        self._close(ticket)
        phone = ticket.callback_ids.filtered(lambda c: c.callback_type == "phone")
        phone.action_record(2, "Still leaking")
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.reopen_count, 1)
        self.assertFalse(ticket.first_time_fix)
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.butler_a)
        self.assertIn("Reopened", activity.summary)
        self.assertEqual(
            set(ticket.callback_ids.mapped("state")), {"done", "cancelled"}
        )

    def test_satisfied_callback_keeps_ticket_closed(self):
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        ticket.callback_ids[0].action_record(5)
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.first_time_fix)

    def test_score_out_of_range_refused(self):
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        callback = ticket.callback_ids[0]
        for bad in (0, 6, "x", None):
            with self.assertRaises(UserError):
                callback.action_record(bad)
        self.assertEqual(callback.state, "planned")

    def test_complaint_closure_needs_cause_and_lesson(self):
        ticket = self._ticket(kind="complaint", complaint_grade="general")
        with self.assertRaises(ValidationError):
            self._close(ticket)
        self.assertFalse(ticket.closed)
        self._close(ticket, cause="Guard absent at night", lesson="Add a night patrol")
        self.assertTrue(ticket.closed)
        lessons = self.Ticket.search(
            [("lesson", "ilike", "night patrol"), ("kind", "=", "complaint")]
        )
        self.assertEqual(lessons, ticket)
