from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestMembership(ClubCommon):
    def _apply(self, partners, action, reason, user=None):
        env = self.env(user=user or self.officer)
        wizard = Form(
            env["property.club.membership.wizard"].with_context(
                default_partner_ids=partners.ids
            )
        )
        wizard.action = action
        wizard.reason = reason
        wizard.save().action_apply()

    def test_suspend_suspends_cards_and_reinstate_restores_them(self):
        self._apply(self.owner_a, "suspend", "Unpaid club fee")
        self.assertEqual(self.owner_a.club_state, "suspended")
        self.assertEqual(self.owner_a.club_state_reason, "Unpaid club fee")
        self.assertEqual(self.card_a.state, "suspended")
        self.assertFalse(self.owner_a.club_tier_id)
        self.assertIn("Unpaid club fee", self.card_a.message_ids[:1].body)
        self.assertEqual(
            self.env["property.club.card"]._verify_number(self.card_a.name)[0],
            "suspended",
        )
        self.owner_a.with_user(self.officer).action_club_reinstate()
        self.assertEqual(self.owner_a.club_state, "member")
        self.assertEqual(self.card_a.state, "active")

    def test_leave_cancels_cards_with_the_reason(self):
        self._apply(self.owner_b, "leave", "Sold the flat")
        self.assertEqual(self.owner_b.club_state, "left")
        self.assertEqual(self.card_b.state, "cancelled")
        self.assertIn("Sold the flat", self.card_b.cancel_reason)
        self.assertEqual(
            self.env["property.club.card"]._verify_number(self.card_b.name)[0],
            "cancelled",
        )
        # joining again issues a new card
        cards = self.owner_b.with_user(self.officer).action_join_club()
        self.assertEqual(cards.state, "active")
        self.assertEqual(self.owner_b.club_state, "member")

    def test_butler_cannot_end_memberships(self):
        with self.assertRaises(AccessError):
            self._apply(self.owner_a, "leave", "x", user=self.butler_a)
        self.assertEqual(self.card_a.state, "active")

    def test_contact_smart_buttons_for_butler(self):
        registration = self.env["event.registration"].create(
            {
                "event_id": self._club_event("Family day").id,
                "partner_id": self.owner_a.id,
            }
        )
        owner = self.owner_a.with_user(self.butler_a)
        self.assertEqual(owner.club_card_count, 1)
        self.assertEqual(owner.club_registration_count, 1)
        action = owner.action_view_club_cards()
        self.assertEqual(
            self.env[action["res_model"]]
            .with_user(self.butler_a)
            .search(action["domain"]),
            self.card_a,
        )
        action = owner.action_view_club_registrations()
        self.assertEqual(
            self.env[action["res_model"]]
            .with_user(self.butler_a)
            .search(action["domain"]),
            registration,
        )
        arch = (
            self.env["res.partner"]
            .with_user(self.butler_a)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_view_club_cards", arch)
        self.assertIn("action_view_club_registrations", arch)

    def test_butler_sees_registrations_of_own_grid_only(self):
        event = self._club_event("Family day")
        mine, theirs = self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": self.owner_a.id},
                {"event_id": event.id, "partner_id": self.owner_b.id},
            ]
        )
        Registration = self.env["event.registration"].with_user(self.butler_a)
        self.assertEqual(Registration.search([("event_id", "=", event.id)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.butler_a).read(["partner_id"])
