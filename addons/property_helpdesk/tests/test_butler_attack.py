from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestButlerAttack(HelpdeskCommon):
    """Issue 12 items 5 and 8: a butler logged in tries what they must not."""

    def test_butler_cannot_rewrite_deadline_fields(self):
        ticket = self._ticket()
        other_policy = self.env.ref("property_helpdesk.sla_inquiry")
        attempts = {
            "sla_policy_id": other_policy.id,
            "reported_date": "2030-01-05 08:00:00",
            "ack_breached": False,
            "resolve_breached": True,
            "escalation_level": 0,
            "reopen_count": 0,
            "kind": "inquiry",
            "resolve_date": "2030-01-01 08:01:00",
        }
        policy, reported = ticket.sla_policy_id, ticket.reported_date
        for field_name, value in attempts.items():
            with self.subTest(field=field_name), self.assertRaises(AccessError):
                ticket.with_user(self.butler_a).write({field_name: value})
        self.assertEqual(ticket.sla_policy_id, policy)
        self.assertEqual(ticket.reported_date, reported)
        self.assertEqual(ticket.kind, "repair")
        # the officer may correct them
        ticket.with_user(self.officer).write({"reported_date": "2030-01-01 09:00:00"})
        self.assertEqual(str(ticket.reported_date), "2030-01-01 09:00:00")

    def test_butler_cannot_create_with_forged_flags(self):
        with self.assertRaises(AccessError):
            self.Ticket.with_user(self.butler_a).create(
                {
                    "name": "Forged",
                    "description": "x",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "reopen_count": 0,
                    "resolve_breached": False,
                    "sla_policy_id": self.env.ref("property_helpdesk.sla_inquiry").id,
                }
            )

    def test_butler_cannot_date_a_report_in_the_future(self):
        with self.assertRaises(ValidationError):
            self.Ticket.with_user(self.butler_a).create(
                {
                    "name": "Later",
                    "description": "x",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "reported_date": "2099-01-01 08:00:00",
                }
            )

    @freeze_time("2030-01-01 09:30:00")
    def test_butler_flows_still_stamp_milestones(self):
        ticket = self._ticket()
        ticket.with_user(self.butler_a).action_acknowledge()
        ticket.with_user(self.butler_a).action_dispatch()
        self.assertTrue(ticket.ack_date and ticket.dispatch_date)
        self.assertTrue(ticket.ack_breached, "reported in 2030-01-01: late now")
        self.assertEqual(ticket.first_responsible_id, self.butler_a)

    def test_butler_cannot_acknowledge_other_grid(self):
        other = self._ticket(unit_id=self.unit_b1.id, partner_id=self.owner_b.id)
        with self.assertRaises(AccessError):
            other.with_user(self.butler_a).action_acknowledge()
        self.assertFalse(other.ack_date)

    def test_callbacks_follow_ticket_grid(self):
        mine = self._ticket()
        other = self._ticket(unit_id=self.unit_b1.id, partner_id=self.owner_b.id)
        self._close(mine)
        self._close(other)
        Callback = self.env["property.ticket.callback"].with_user(self.butler_a)
        visible = Callback.search([("ticket_id", "in", (mine | other).ids)])
        self.assertEqual(visible.ticket_id, mine)
        foreign = other.callback_ids[0]
        with self.assertRaises(AccessError):
            foreign.with_user(self.butler_a).action_record(1, "fake")
        wizard = (
            self.env["property.ticket.callback.record"]
            .with_user(self.butler_a)
            .create({"callback_id": foreign.id, "score": "1"})
        )
        with self.assertRaises(AccessError):
            wizard.action_record()
        self.assertEqual(foreign.state, "planned")
        self.assertTrue(other.closed)

    def test_grid_and_company_rules_on_helpdesk_records(self):
        patrol_b = self.env["property.patrol"].create(
            {
                "user_id": self.butler_b.id,
                "project_id": self.project.id,
                "building_id": self.building_b.id,
                "finding_ids": [(0, 0, {"description": "Broken lamp"})],
            }
        )
        inspection_b = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_b1.id}
        )
        warning_b = self.env["property.complaint.warning"].create(
            {
                "project_id": self.project.id,
                "building_id": self.building_b.id,
                "category_id": self.cat_parking.id,
            }
        )
        for record in (patrol_b, patrol_b.finding_ids, inspection_b, warning_b):
            with self.subTest(model=record._name):
                self.assertFalse(
                    record.with_user(self.butler_a).search([("id", "=", record.id)])
                )
                with self.assertRaises(AccessError):
                    record.with_user(self.butler_a).read(["display_name"])
                # butler B and the officer see it
                self.assertTrue(
                    record.with_user(self.butler_b).search([("id", "=", record.id)])
                )
                self.assertTrue(
                    record.with_user(self.officer).search([("id", "=", record.id)])
                )

    def test_sla_policy_and_helpdesk_records_company_bound(self):
        other_company = self.env["res.company"].create({"name": "Other Property Co"})
        officer_other = new_test_user(
            self.env,
            login="officer_other_hd",
            groups="property_base.property_base_group_officer",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        policy = self.env.ref("property_helpdesk.sla_repair")
        self.assertFalse(
            self.env["property.sla.policy"]
            .with_user(officer_other)
            .search([("id", "=", policy.id)])
        )
        patrol = self.env["property.patrol"].create(
            {
                "project_id": self.project.id,
                "finding_ids": [(0, 0, {"description": "Litter"})],
            }
        )
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_a1.id}
        )
        for record in (patrol.finding_ids, inspection, policy):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(officer_other).read(["display_name"])

    def test_agent_hands_ticket_to_colleague(self):
        """OCA "own tickets" agent: handing over must not raise (issue 13)."""
        agent = new_test_user(
            self.env,
            login="agent_own",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        colleague = new_test_user(
            self.env,
            login="agent_colleague",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        ticket = self.Ticket.create(
            {"name": "Printer", "description": "jammed", "user_id": agent.id}
        )
        self.assertEqual(ticket.first_responsible_id, agent)
        ticket.with_user(agent).write({"user_id": colleague.id})
        self.assertEqual(ticket.user_id, colleague)
        self.assertEqual(ticket.first_responsible_id, agent, "sticky")
