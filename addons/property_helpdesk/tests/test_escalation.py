from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import SQL

from .common import HelpdeskCommon

#: queries a run may differ by between 50 and 5 000 open tickets (caches)
QUERY_ALLOWANCE = 3


@tagged("post_install", "-at_install")
class TestEscalation(HelpdeskCommon):
    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.env.ref(
                "property_helpdesk.ir_cron_ticket_escalation"
            ).method_direct_trigger()
        self.env.invalidate_all()

    def _messages(self, ticket, text):
        return ticket.message_ids.filtered(lambda m: text in (m.body or ""))

    def test_breach_flagged_once_across_two_runs(self):
        ticket = self._ticket(kind="repair")
        with freeze_time("2030-01-01 08:04:00"):
            self._run_cron()
            self._run_cron()
        self.assertTrue(ticket.ack_breached)
        self.assertFalse(ticket.dispatch_breached)
        self.assertEqual(len(self._messages(ticket, "Deadline missed")), 1)
        self.assertEqual(ticket.escalation_level, 1)

    def test_warn_then_escalate_level_by_level(self):
        ticket = self._ticket(kind="complaint", complaint_grade="general")
        # general: resolve in 24 h, warn 4 h before, escalate every 4 h
        ticket.action_acknowledge()
        with freeze_time("2030-01-02 05:00:00"):
            self._ticket_escalate()
        self.assertEqual(ticket.warned_milestone, "resolve")
        self.assertEqual(ticket.escalation_level, 0)
        self.assertEqual(len(self._messages(ticket, "Warning")), 1)
        with freeze_time("2030-01-02 08:30:00"):
            self._ticket_escalate()
        self.assertEqual(ticket.escalation_level, 1)
        self.assertTrue(ticket.resolve_breached)
        with freeze_time("2030-01-02 12:30:00"):
            self._ticket_escalate()
        self.assertEqual(ticket.escalation_level, 2)
        with freeze_time("2030-01-02 16:30:00"):
            self._ticket_escalate()
            self._ticket_escalate()
        self.assertEqual(ticket.escalation_level, 3)
        self.assertEqual(len(self._messages(ticket, "Escalated to level")), 3)
        self.assertIn(
            self.manager.partner_id, self._messages(ticket, "level 3").partner_ids
        )
        self.assertFalse(ticket.next_check_at)

    def test_no_warning_before_the_report(self):
        """A complaint's acknowledge deadline (30 min) is nearer than the
        warning lead (4 h): no warning mailed at creation, and the next check
        is never before the report."""
        ticket = self._ticket(kind="complaint", complaint_grade="general")
        self.assertEqual(ticket.next_check_at, ticket.ack_deadline)
        self.assertGreater(ticket.next_check_at, ticket.reported_date)
        with freeze_time("2030-01-01 08:01:00"):
            self._ticket_escalate()
        self.assertFalse(self._messages(ticket, "Warning"))
        self.assertFalse(ticket.warned_milestone)

    def _ticket_escalate(self):
        self.Ticket._escalate_due(datetime.now(), 500)
        self.env.invalidate_all()

    def test_resolved_ticket_is_not_checked(self):
        ticket = self._ticket(kind="inquiry")
        self.assertTrue(ticket.next_check_at)
        ticket.action_acknowledge()
        self._close(ticket)
        self.assertFalse(ticket.next_check_at)

    def _clone_open_tickets(self, tickets, copies):
        """Bulk-copy ``tickets`` in SQL: thousands of open, not-yet-due tickets
        without paying thousands of ORM creates in the test."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO helpdesk_ticket
                    (company_id, name, description, kind, reported_date, stage_id,
                     unit_id, building_id, project_id, sla_policy_id, ack_deadline,
                     dispatch_deadline, onsite_deadline, resolve_deadline,
                     next_check_at, active, number)
                SELECT company_id, name, description, kind, reported_date, stage_id,
                       unit_id, building_id, project_id, sla_policy_id, ack_deadline,
                       dispatch_deadline, onsite_deadline, resolve_deadline,
                       next_check_at, active, number || '-' || s
                  FROM helpdesk_ticket, generate_series(1, %s) s
                 WHERE id IN %s
                """,
                copies,
                tuple(tickets.ids),
            )
        )

    def test_query_count_independent_of_open_tickets(self):
        """Nothing due: one indexed search, for 10 or 10 000 open tickets."""
        at = datetime(2030, 1, 1, 8, 1)
        tickets = self.Ticket.create(
            [
                {
                    "name": f"T{i}",
                    "description": "x",
                    "unit_id": self.unit_a2.id,
                    "reported_date": "2030-01-01 08:00:00",
                }
                for i in range(10)
            ]
        )
        self.Ticket._escalate_due(at, 100000)  # whatever else is due (demo data)
        self.env.flush_all()
        with self.assertQueryCount(1):
            self.Ticket._escalate_due(at, 500)
        self._clone_open_tickets(tickets, 999)
        self.assertGreaterEqual(
            self.Ticket.search_count([("next_check_at", ">", at)]), 10000
        )
        with self.assertQueryCount(1):
            self.Ticket._escalate_due(at, 500)

    def test_queries_grow_with_breaches_not_open_tickets(self):
        """The same breaches cost the same queries among 50 or 5 000 open tickets."""
        at = datetime(2030, 1, 1, 8, 5)
        self.Ticket._escalate_due(at, 100000)  # whatever else is due (demo data)
        costs = []
        for open_count in (50, 5000):
            quiet = self.Ticket.create(
                [
                    {
                        "name": f"Q{i}",
                        "description": "x",
                        "unit_id": self.unit_a2.id,
                        "reported_date": "2030-01-01 08:00:00",
                        "kind": "suggestion",
                    }
                    for i in range(10)
                ]
            )
            self._clone_open_tickets(quiet, open_count // 10 - 1)
            breaching = self.Ticket.create(
                [
                    {
                        "name": f"B{i}",
                        "description": "x",
                        "unit_id": self.unit_a2.id,
                        "reported_date": "2030-01-01 08:00:00",
                        "kind": "repair",
                    }
                    for i in range(3)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            processed = self.Ticket._escalate_due(at, 100000)
            self.env.flush_all()
            costs.append(self.cr.sql_log_count - before)
            self.assertEqual(processed, breaching)
            self.assertTrue(all(breaching.mapped("ack_breached")))
            self.assertFalse(any(quiet.mapped("is_breached")))
        # a bound, not an exact count: the same within a small allowance
        # (first-use caches), whatever else the database holds
        self.assertLessEqual(abs(costs[1] - costs[0]), QUERY_ALLOWANCE, costs)
