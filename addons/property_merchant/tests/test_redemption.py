from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestRedemption(MerchantCommon):
    def _redeem(self, number, amount, token):
        Redemption = self.env["property.merchant.redemption"].with_user(self.cashier)
        return Redemption._redeem(self.merchant, number, amount, token)

    def test_redemption_computes_saving(self):
        redemption = self._redeem(self.card_a.name, "128.50", "tok-1")
        self.assertEqual(redemption.discount_percent, 10.0)
        self.assertAlmostEqual(redemption.discount_amount, 12.85)
        self.assertAlmostEqual(redemption.amount_paid, 115.65)
        self.assertEqual(redemption.card_id, self.card_a)

    def test_double_submission_recorded_once(self):
        first = self._redeem(self.card_a.name, 100, "same-token")
        second = self._redeem(self.card_a.name, 100, "same-token")
        self.assertEqual(first, second)
        self.assertEqual(
            self.env["property.merchant.redemption"].search_count(
                [("client_token", "=", "same-token")]
            ),
            1,
        )

    def test_single_use_offer_redeemed_once(self):
        self._redeem(self.card_b.name, 50, "blue-1")
        with self.assertRaisesRegex(UserError, "single-use"):
            self._redeem(self.card_b.name, 60, "blue-2")
        self.assertEqual(
            self.env["property.merchant.redemption"].search_count(
                [("card_id", "=", self.card_b.id)]
            ),
            1,
        )

    def test_single_use_enforced_by_database(self):
        """Two transactions racing past the checks still record one."""
        first = self._redeem(self.card_b.name, 50, "race-1")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            first.copy(
                {"client_token": "race-2", "single_use_key": first.single_use_key}
            )
            self.env.flush_all()

    def test_invalid_or_expired_card_cannot_be_redeemed(self):
        self.card_a.action_suspend()
        with self.assertRaisesRegex(UserError, "cannot be used: Suspended"):
            self._redeem(self.card_a.name, 100, "tok-suspended")
        with self.assertRaisesRegex(UserError, "cannot be used: Invalid number"):
            self._redeem("123", 100, "tok-bad")
        with self.assertRaisesRegex(UserError, "positive"):
            self._redeem(self.card_b.name, -5, "tok-negative")
        self.assertFalse(
            self.env["property.merchant.redemption"].search_count(
                [("merchant_id", "=", self.merchant.id)]
            )
        )
