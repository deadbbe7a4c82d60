from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.addons.property_club.tools import card_number
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestCard(ClubCommon):
    def test_activation_sets_dates_and_membership(self):
        self.assertEqual(self.card_a.state, "active")
        self.assertEqual(
            (self.card_a.expiry_date - self.card_a.issue_date).days // 365, 1
        )
        self.assertEqual(self.owner_a.club_state, "member")
        self.assertEqual(self.owner_a.club_tier_id, self.silver)

    def test_card_number_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.club.card"].create(
                {
                    "name": self.card_a.name,
                    "partner_id": self.owner_b.id,
                    "tier_id": self.blue.id,
                }
            )
            self.env.flush_all()

    def test_verify_statuses(self):
        Card = self.env["property.club.card"]
        self.assertEqual(Card._verify_number(self.card_a.name), ("valid", self.card_a))
        self.assertEqual(Card._verify_number("1234")[0], "malformed")
        typo = self.card_a.name[:-2] + str((int(self.card_a.name[-2]) + 1) % 10)
        typo += self.card_a.name[-1]
        self.assertEqual(Card._verify_number(typo)[0], "malformed")
        unknown = card_number.generate()
        while Card.search_count([("name", "=", unknown)]):
            unknown = card_number.generate()
        self.assertEqual(Card._verify_number(unknown)[0], "unknown")
        self.card_b.action_suspend()
        self.assertEqual(Card._verify_number(self.card_b.name)[0], "suspended")
        with freeze_time(
            self.card_a.expiry_date.replace(year=self.card_a.expiry_date.year + 1)
        ):
            self.assertEqual(Card._verify_number(self.card_a.name)[0], "expired")

    def test_holder_name_masked(self):
        self.owner_a.name = "王建国"
        self.assertEqual(self.card_a._masked_holder_name(), "王**")

    def test_only_active_cards_can_be_suspended(self):
        self.card_b.action_cancel()
        with self.assertRaises(UserError):
            self.card_b.action_suspend()

    def test_manual_tier_change_tracked_with_reason(self):
        self.card_a.with_context(club_tier_reason="Owner committee member").write(
            {"tier_id": self.gold.id}
        )
        last = self.card_a.tier_history_ids[:1]
        self.assertEqual((last.old_tier_id, last.new_tier_id), (self.silver, self.gold))
        self.assertEqual(last.reason, "Owner committee member")
        self.assertEqual(self.owner_a.club_tier_id, self.gold)
