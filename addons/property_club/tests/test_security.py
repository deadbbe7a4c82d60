from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestClubSecurity(ClubCommon):
    def test_butler_sees_only_cards_of_own_grid(self):
        cards = self.env["property.club.card"].with_user(self.butler_a).search([])
        self.assertIn(self.card_a, cards)
        self.assertNotIn(self.card_b, cards)
        with self.assertRaises(AccessError):
            self.card_b.with_user(self.butler_a).read(["name"])

    def test_butler_cannot_change_tier(self):
        with self.assertRaises(AccessError):
            self.card_a.with_user(self.butler_a).write({"tier_id": self.platinum.id})

    def test_portal_owner_reads_only_own_card(self):
        portal = new_test_user(
            self.env,
            login="owner_a_portal",
            groups="base.group_portal",
            partner_id=self.owner_a.id,
        )
        cards = self.env["property.club.card"].with_user(portal).search([])
        self.assertEqual(cards, self.card_a)
        with self.assertRaises(AccessError):
            self.card_b.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            self.card_a.with_user(portal).write({"tier_id": self.platinum.id})
