from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import HelpdeskCommon

T0 = datetime(2030, 1, 1, 8, 0)


@tagged("post_install", "-at_install")
class TestSla(HelpdeskCommon):
    def test_policy_durations_read_and_edited_in_hours(self):
        policy = self.env.ref("property_helpdesk.sla_repair")
        self.assertAlmostEqual(policy.ack_hours, 0.05)
        self.assertEqual(policy.resolve_hours, 48)
        with Form(policy, view="property_helpdesk.property_sla_policy_view_list") as f:
            f.resolve_hours = 36
            f.onsite_hours = 1.5
        self.assertEqual(policy.resolve_minutes, 36 * 60)
        self.assertEqual(policy.onsite_minutes, 90)
        self.assertEqual(policy.ack_minutes, 3, "the others are kept")
        ticket = self._ticket(kind="repair")
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 2, 20, 0))

    def test_repair_3_1_2_deadlines(self):
        ticket = self._ticket(kind="repair")
        self.assertEqual(ticket.ack_deadline, datetime(2030, 1, 1, 8, 3))
        self.assertEqual(ticket.dispatch_deadline, datetime(2030, 1, 1, 9, 0))
        self.assertEqual(ticket.onsite_deadline, datetime(2030, 1, 1, 10, 0))

    def test_complaint_grade_deadlines_and_regrade(self):
        ticket = self._ticket(kind="complaint", complaint_grade="general")
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 2, 8, 0))
        self.assertFalse(ticket.dispatch_deadline)
        ticket.complaint_grade = "important"
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 3, 8, 0))
        ticket.complaint_grade = "major"
        self.assertEqual(ticket.resolve_deadline, datetime(2030, 1, 4, 8, 0))

    def test_kind_change_recomputes(self):
        ticket = self._ticket(kind="repair")
        ticket.kind = "inquiry"
        self.assertFalse(ticket.dispatch_deadline)
        self.assertEqual(ticket.ack_deadline, datetime(2030, 1, 1, 8, 30))

    def test_project_policy_overrides_company_policy(self):
        self.env["property.sla.policy"].create(
            {
                "name": "Jade Lake VIP repairs",
                "kind": "repair",
                "project_id": self.project.id,
                "ack_minutes": 2,
                "sequence": 100,
            }
        )
        ticket = self._ticket(kind="repair")
        self.assertEqual(ticket.ack_deadline, datetime(2030, 1, 1, 8, 2))

    def test_acknowledge_in_time_and_late(self):
        on_time = self._ticket(kind="repair")
        late = self._ticket(kind="repair")
        with freeze_time("2030-01-01 08:02:00"):
            on_time.with_user(self.butler_a).action_acknowledge()
        with freeze_time("2030-01-01 08:05:00"):
            late.with_user(self.butler_a).action_acknowledge()
        self.assertFalse(on_time.ack_breached)
        self.assertTrue(late.ack_breached)
        self.assertTrue(late.is_breached)

    def test_first_responsible_set_once_and_never_cleared(self):
        ticket = self._ticket(kind="repair")
        ticket.with_user(self.butler_a).action_acknowledge()
        self.assertEqual(ticket.first_responsible_id, self.butler_a)
        ticket.user_id = self.butler_b
        self.assertEqual(ticket.first_responsible_id, self.butler_a)
        with self.assertRaises(UserError):
            ticket.first_responsible_id = False
        with self.assertRaises(UserError):
            ticket.first_responsible_id = self.butler_b

    def test_new_ticket_goes_to_grid_butler(self):
        self.assertEqual(self._ticket().user_id, self.butler_a)

    def test_without_butler_by_team_load(self):
        self.building_a.butler_id = False
        agent_busy = new_test_user(self.env, login="agent_busy")
        agent_free = new_test_user(self.env, login="agent_free")
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Service desk",
                "user_ids": [(6, 0, [agent_busy.id, agent_free.id])],
            }
        )
        self._ticket(team_id=team.id, user_id=agent_busy.id)
        ticket = self._ticket(team_id=team.id)
        self.assertEqual(ticket.user_id, agent_free)

    def test_major_complaint_opens_task_force(self):
        ticket = self._ticket(kind="complaint", complaint_grade="major")
        self.assertTrue(ticket.task_force)
        self.assertIn(self.manager.partner_id, ticket.message_partner_ids)
        self.assertIn(self.service_head.partner_id, ticket.message_partner_ids)
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertTrue(activity)

    def test_regrade_to_major_opens_task_force(self):
        ticket = self._ticket(kind="complaint", complaint_grade="general")
        self.assertFalse(ticket.task_force)
        ticket.complaint_grade = "major"
        self.assertTrue(ticket.task_force)

    def test_unit_must_be_in_building(self):
        with self.assertRaises(ValidationError):
            self._ticket(building_id=self.building_b.id)

    def test_reporter_must_live_there_or_staff_reason(self):
        with self.assertRaises(ValidationError):
            self._ticket(partner_id=self.owner_b.id)
        ticket = self._ticket(
            partner_id=self.owner_b.id, staff_entry_reason="Phoned for her mother"
        )
        self.assertEqual(ticket.unit_id, self.unit_a1)
