from odoo.addons.property_club.tests.common import ClubCommon
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCareClub(ClubCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Media threat"}
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Zhou Min", "customer_stage": "signed"}
        )

    def _high_value(self, partner):
        return self.env["property.care.touchpoint"].create(
            {
                "name": "Upgrade invitation",
                "kind": "high_value",
                "action": "upgrade",
                "partner_id": partner.id,
                "user_id": self.butler_a.id,
            }
        )

    def test_high_value_touchpoint_offers_next_tier(self):
        touchpoint = self._high_value(self.owner_a)
        self.assertEqual(self.owner_a.club_tier_id, self.silver)
        self.assertEqual(touchpoint.offered_tier_id, self.gold)
        touchpoint.with_user(self.officer).action_accept_tier_offer()
        self.assertEqual(self.card_a.tier_id, self.gold)
        history = self.env["property.club.tier.history"].search(
            [("card_id", "=", self.card_a.id), ("new_tier_id", "=", self.gold.id)]
        )
        self.assertEqual(len(history), 1)
        self.assertIn("Upgrade invitation", history.reason)
        self.assertTrue(touchpoint.offer_accepted_date)
        # a second click changes nothing and says why
        with self.assertRaises(UserError):
            touchpoint.action_accept_tier_offer()
        self.assertEqual(
            self.env["property.club.tier.history"].search_count(
                [("card_id", "=", self.card_a.id), ("new_tier_id", "=", self.gold.id)]
            ),
            1,
        )

    def test_best_tier_has_nothing_to_offer(self):
        self.card_a.tier_id = self.platinum
        touchpoint = self._high_value(self.owner_a)
        self.assertFalse(touchpoint.offered_tier_id)
        with self.assertRaises(UserError):
            touchpoint.action_accept_tier_offer()

    def test_non_member_is_offered_a_first_card(self):
        guest = self.env["res.partner"].create(
            {"name": "Sun Li", "customer_stage": "owner"}
        )
        touchpoint = self._high_value(guest)
        self.assertEqual(touchpoint.offered_tier_id, self.blue)
        touchpoint.action_accept_tier_offer()
        self.assertEqual(guest.club_tier_id, self.blue)
        self.assertEqual(guest.club_state, "member")

    def test_butler_cannot_grant_a_tier(self):
        touchpoint = self._high_value(self.owner_a)
        with self.assertRaises(AccessError):
            touchpoint.with_user(self.butler_a).action_accept_tier_offer()
        self.assertEqual(self.card_a.tier_id, self.silver)

    def test_referral_recorded_and_counted(self):
        touchpoint = self._high_value(self.owner_a)
        touchpoint.referral_partner_id = self.buyer
        touchpoint.action_record_referral()
        self.assertEqual(self.buyer.referred_by_id, self.owner_a)
        metrics = self.owner_a._club_metrics()[self.owner_a.id]
        self.assertEqual(metrics["referrals"], 1)
        # recording again is harmless; another referrer is refused
        touchpoint.action_record_referral()
        other = self._high_value(self.owner_b)
        other.referral_partner_id = self.buyer
        with self.assertRaises(UserError):
            other.action_record_referral()
        self.assertEqual(self.buyer.referred_by_id, self.owner_a)

    def test_club_event_as_conversion_action(self):
        event = self._club_event("Family day")
        Conversion = self.env["property.care.conversion"]
        first = Conversion.create(
            {
                "partner_id": self.owner_a.id,
                "action_type": "event",
                "event_id": event.id,
            }
        )
        self.assertEqual(first.registration_id.event_id, event)
        self.assertEqual(first.registration_id.partner_id, self.owner_a)
        self.assertFalse(first.event_attended)
        # a second action for the same event reuses the registration
        second = Conversion.create(
            {
                "partner_id": self.owner_a.id,
                "action_type": "event",
                "event_id": event.id,
            }
        )
        self.assertEqual(second.registration_id, first.registration_id)
        self.assertEqual(
            self.env["event.registration"].search_count(
                [("event_id", "=", event.id), ("partner_id", "=", self.owner_a.id)]
            ),
            1,
        )
        first.registration_id.action_set_done()
        self.assertTrue(first.event_attended)
        self.assertTrue(second.event_attended)

    def test_butler_logs_event_conversion_in_grid(self):
        event = self._club_event("Forum")
        action = (
            self.env["property.care.conversion"]
            .with_user(self.butler_a)
            .create(
                {
                    "partner_id": self.owner_a.id,
                    "action_type": "event",
                    "event_id": event.id,
                }
            )
        )
        self.assertEqual(action.registration_id.sudo().partner_id, self.owner_a)

    def test_event_only_for_event_invitations(self):
        event = self._club_event("Forum")
        with self.assertRaises(ValidationError):
            self.env["property.care.conversion"].create(
                {
                    "partner_id": self.owner_a.id,
                    "action_type": "notice",
                    "event_id": event.id,
                }
            )
