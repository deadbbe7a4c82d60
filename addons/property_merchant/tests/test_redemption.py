from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestRedemption(MerchantCommon):
    def _count(self, **domain):
        return self.env["property.merchant.redemption"].search_count(
            [(key, "=", value) for key, value in domain.items()]
        )

    def test_redemption_computes_saving(self):
        redemption = self._checkout(self.card_a.name, "128.50", "tok-1")
        self.assertEqual(redemption.discount_percent, 10.0)
        self.assertEqual(redemption.discount_amount, 12.85)
        self.assertEqual(redemption.amount_paid, 115.65)
        self.assertEqual(redemption.card_id, self.card_a)
        self.assertEqual(redemption.currency_id, self.env.company.currency_id)
        self.assertEqual(redemption.card_number, "**** **** " + self.card_a.name[-4:])

    def test_double_submission_recorded_once(self):
        first = self._checkout(self.card_a.name, 100, "same-token")
        second = self._redeem(self.card_a.name, 100, "same-token")
        self.assertEqual(first, second)
        self.assertEqual(self._count(client_token="same-token"), 1)

    def test_single_use_offer_redeemed_once(self):
        self._checkout(self.card_b.name, 50, "blue-1")
        with self.assertRaisesRegex(UserError, "single-use"):
            self._checkout(self.card_b.name, 60, "blue-2")
        self.assertEqual(self._count(card_id=self.card_b.id), 1)

    def test_single_use_enforced_by_database(self):
        """Two transactions racing past the checks still record one."""
        first = self._checkout(self.card_b.name, 50, "race-1")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            first.copy(
                {"client_token": "race-2", "single_use_key": first.single_use_key}
            )
            self.env.flush_all()

    def test_redemption_needs_a_recent_verification_by_the_same_cashier(self):
        """The card number alone (e.g. read from a QR) is not enough."""
        with self.assertRaisesRegex(UserError, "Verify the card first"):
            self._redeem(self.card_a.name, 100, "no-verify")
        second = self._merchant_user("second_cashier", self.merchant)
        self._verify(self.card_a.name, user=second)
        with self.assertRaisesRegex(UserError, "Verify the card first"):
            self._redeem(self.card_a.name, 100, "other-cashier-verified")
        self._verify(self.card_b.name)
        with self.assertRaisesRegex(UserError, "Verify the card first"):
            self._redeem(self.card_a.name, 100, "other-card-verified")
        self.assertEqual(self._count(merchant_id=self.merchant.id), 0)

    def test_verification_serves_once(self):
        self._checkout(self.card_a.name, 100, "once-1")
        with self.assertRaisesRegex(UserError, "Verify the card first"):
            self._redeem(self.card_a.name, 100, "once-2")
        self.assertEqual(self._count(card_id=self.card_a.id), 1)

    def test_verification_expires_after_the_setting(self):
        self._set_param("redeem_window_minutes", 3)
        self._verify(self.card_a.name)
        log = self.env["property.merchant.verification"].search(
            [("user_id", "=", self.cashier.id)], limit=1
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE property_merchant_verification"
                " SET create_date = create_date - interval '4 minutes' WHERE id = %s",
                log.id,
            )
        )
        with self.assertRaisesRegex(UserError, "within 3 minutes"):
            self._redeem(self.card_a.name, 100, "late")
        self.assertEqual(self._count(card_id=self.card_a.id), 0)

    def test_bad_amounts_refused_with_a_message_and_nothing_written(self):
        self._set_param("amount_cap", 5000)
        self._verify(self.card_a.name)
        cases = {
            "nan": "finite",
            "inf": "finite",
            "-inf": "finite",
            "1e17": "cannot exceed ¥5,000.00",
            "5000.01": "cannot exceed",
            "0.001": "two decimals",
            "12.345": "two decimals",
            "-5": "at least ¥0.01",
            "0": "at least ¥0.01",
            "abc": "is not an amount",
            "": "is not an amount",
            "1,000": "is not an amount",
        }
        Log = self.env["property.merchant.verification"]
        logged = Log.search_count([])
        for value, message in cases.items():
            with self.subTest(value=value), self.assertRaisesRegex(UserError, message):
                self._redeem(self.card_a.name, value, f"bad-{value}")
        self.assertEqual(self._count(merchant_id=self.merchant.id), 0)
        self.assertEqual(Log.search_count([]), logged, "no look-up was logged")
        # the verification was not used up: the right amount goes through
        redemption = self._redeem(self.card_a.name, "5000", "good")
        self.assertEqual(redemption.amount, 5000)
        self.assertEqual(redemption.discount_amount, 500)

    def test_minimum_bill_of_the_offer(self):
        self.agreement.line_ids.filtered(
            lambda line: line.tier_id == self.silver
        ).min_amount = 50
        self._verify(self.card_a.name)
        with self.assertRaisesRegex(UserError, "at least ¥50.00"):
            self._redeem(self.card_a.name, "49.99", "small")
        self.assertEqual(self._redeem(self.card_a.name, "50", "enough").amount, 50)

    def test_refused_cards_cannot_be_redeemed(self):
        self._verify(self.card_a.name)
        self.card_a.action_suspend()
        with self.assertRaisesRegex(UserError, "not accepted"):
            self._redeem(self.card_a.name, 100, "tok-suspended")
        with self.assertRaisesRegex(UserError, "not a club card number"):
            self._redeem("123", 100, "tok-bad")
        self.assertEqual(self._count(merchant_id=self.merchant.id), 0)
