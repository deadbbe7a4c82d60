from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestDispatch(HelpdeskCommon):
    """Grab, round-robin, timeout reassignment, reject and transfer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.butler_c = new_test_user(
            cls.env, login="butler_c", groups="property_base.property_base_group_butler"
        )
        cls.members = cls.butler_a | cls.butler_b | cls.butler_c
        cls.duty = cls.env["resource.calendar"].create(
            {"name": "Repair shifts", "tz": "UTC"}
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Repair crew",
                "user_ids": [Command.set(cls.members.ids)],
                "property_calendar_id": cls.duty.id,
            }
        )

    def _new(self, count=1):
        # no unit: the grid butler does not take it first
        return self.Ticket.create(
            [
                {
                    "name": f"Door {i}",
                    "description": "x",
                    "team_id": self.team.id,
                    "reported_date": "2030-01-07 09:00:00",
                }
                for i in range(count)
            ]
        )

    def test_grab_pool_first_claim_wins(self):
        self.team.property_dispatch_mode = "grab"
        ticket = self._new()
        self.assertFalse(ticket.user_id)
        pool = self.env.ref("property_helpdesk.helpdesk_ticket_action_pool")
        self.assertIn(
            ticket, self.Ticket.with_user(self.butler_b).search(safe_eval(pool.domain))
        )
        ticket.with_user(self.butler_b).action_claim()
        self.assertEqual(ticket.user_id, self.butler_b)
        self.assertTrue(ticket.accepted_date)
        with self.assertRaises(UserError):
            ticket.with_user(self.butler_c).action_claim()
        self.assertEqual(ticket.user_id, self.butler_b)
        self.assertIn("Claimed from the pool by", ticket.message_ids[:1].body)

    def test_round_robin_skips_member_on_leave(self):
        self.team.property_dispatch_mode = "round_robin"
        resource = self.env["resource.resource"].create(
            {"name": "B", "user_id": self.butler_b.id, "calendar_id": self.duty.id}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Sick",
                "resource_id": resource.id,
                "calendar_id": self.duty.id,
                "date_from": "2030-01-07 00:00:00",
                "date_to": "2030-01-07 23:59:59",
            }
        )
        with freeze_time("2030-01-07 09:00:00"):  # Monday
            tickets = self._new(3)
        self.assertEqual(
            [t.user_id for t in tickets],
            [self.butler_a, self.butler_c, self.butler_a],
        )
        # outside the duty hours nobody is on duty: the ticket waits
        with freeze_time("2030-01-07 20:00:00"):
            self.assertFalse(self._new().user_id)

    def test_not_accepted_in_time_reassigned_once(self):
        self.team.write(
            {"property_dispatch_mode": "round_robin", "property_accept_minutes": 15}
        )
        with freeze_time("2030-01-07 09:00:00"):
            ticket = self._new()
        self.assertEqual(ticket.user_id, self.butler_a)
        self.assertEqual(ticket.accept_deadline, datetime(2030, 1, 7, 9, 15))
        cron = self.env.ref("property_helpdesk.ir_cron_ticket_reassign")
        for moment in ("2030-01-07 09:16:00", "2030-01-07 10:30:00"):
            with freeze_time(moment), self.enter_registry_test_mode():
                cron.method_direct_trigger()
            self.env.invalidate_all()
            self.assertEqual(ticket.user_id, self.butler_b)
            self.assertTrue(ticket.reassigned)
            self.assertFalse(ticket.accept_deadline)
        notes = ticket.message_ids.filtered(lambda m: "Not accepted" in (m.body or ""))
        self.assertEqual(len(notes), 1)

    def test_accept_reject_transfer_logged(self):
        self.team.property_dispatch_mode = "round_robin"
        with freeze_time("2030-01-07 09:00:00"):
            ticket = self._new()
            self.assertEqual(ticket.user_id, self.butler_a)
            action = self.env.ref("property_helpdesk.property_ticket_handover_action")
            wizard = Form(
                self.env["property.ticket.handover"]
                .with_user(self.butler_a)
                .with_context(default_ticket_id=ticket.id)
            )
            wizard.reason = "Not my trade"
            wizard.save().action_confirm()
        self.assertTrue(action)
        self.assertEqual(ticket.user_id, self.butler_b)
        self.assertIn("Rejected by", ticket.message_ids[:1].body)
        ticket.with_user(self.butler_b)._property_hand_over(self.butler_c, "Locksmith")
        self.assertEqual(ticket.user_id, self.butler_c)
        self.assertIn("Locksmith", ticket.message_ids[:1].body)
        with self.assertRaises(UserError):
            ticket.with_user(self.butler_a).action_accept()
        ticket.with_user(self.butler_c).action_accept()
        self.assertTrue(ticket.accepted_date)
