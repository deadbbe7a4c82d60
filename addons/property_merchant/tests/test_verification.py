from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.addons.property_club.tools import card_number
from odoo.tests import tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestVerification(MerchantCommon):
    def _log(self, user=None):
        return self.env["property.merchant.verification"].search(
            [("user_id", "=", (user or self.cashier).id)]
        )

    def _unknown_number(self):
        number = card_number.generate()
        while self.env["property.club.card"].search_count([("name", "=", number)]):
            number = card_number.generate()
        return number

    def test_valid_card_shows_tier_discount_and_masked_name(self):
        self.owner_a.name = "王建国"
        result = self._verify(self.card_a.name)
        self.assertTrue(result["accepted"])
        self.assertEqual(result["tier"], self.silver.name)
        self.assertEqual(result["discount"], 10.0)
        self.assertEqual(result["holder"], "王**")
        self.assertEqual(result["number"], "**** **** " + self.card_a.name[-4:])
        self.assertNotIn(self.card_a.name[:8], str(result))
        self.assertNotIn("phone", result)

    def test_refusals_reveal_nothing_beyond_not_accepted(self):
        """Unknown, draft, suspended, expired and cancelled cards get the same
        answer, with no tier or holder; only a typo is told apart."""
        draft = self.env["property.club.card"].create(
            {"partner_id": self.owner_a.id, "tier_id": self.gold.id}
        )
        cancelled = self.env["property.club.card"].create(
            {"partner_id": self.owner_b.id, "tier_id": self.gold.id}
        )
        cancelled.action_cancel()
        self.card_b.action_suspend()
        answers = [
            self._verify(number)
            for number in (
                self._unknown_number(),
                draft.name,
                cancelled.name,
                self.card_b.name,
            )
        ]
        with freeze_time(self.card_a.expiry_date + timedelta(days=1)):
            answers.append(self._verify(self.card_a.name))
        self.assertEqual(len({str(answer) for answer in answers}), 1, answers)
        self.assertFalse(answers[0]["accepted"])
        self.assertEqual((answers[0]["tier"], answers[0]["holder"]), ("", ""))
        typo = self._verify(self.card_a.name[:-1] + "x")
        self.assertFalse(typo["accepted"])
        self.assertNotEqual(typo["message"], answers[0]["message"])
        # staff still see the exact reason in the log
        self.assertEqual(
            sorted(self._log().mapped("status")),
            sorted(
                ["unknown", "draft", "cancelled", "suspended", "expired", "malformed"]
            ),
        )

    def test_attempts_are_logged_with_last_digits_only(self):
        self._verify(self.card_a.name)
        log = self._log()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.number_tail, self.card_a.name[-4:])
        self.assertEqual(log.merchant_id, self.merchant)
        self.assertEqual(log.source, "verify")
        self.assertEqual(log.company_id, self.env.company)

    def test_throttle_per_cashier_counts_every_refused_lookup(self):
        self._set_param("verify_failed_limit_per_hour", 3)
        self.card_b.action_suspend()
        self._verify(self._unknown_number())
        self._verify(self.card_b.name)  # a suspended card counts too
        self._verify("1234 5678")
        refused = self._verify(self.card_a.name)
        self.assertFalse(refused["accepted"])
        self.assertIn("Too many", refused["message"])
        self.assertEqual(self._log()[:1].status, "throttled")
        # the cashier of another merchant is not throttled
        self.assertTrue(
            self._verify(
                self.card_a.name, user=self.other_cashier, merchant=self.other_merchant
            )["accepted"]
        )

    def test_throttle_per_merchant_across_cashiers(self):
        self._set_param("verify_failed_limit_merchant", 4)
        second = self._merchant_user("second_cashier", self.merchant)
        for _i in range(2):
            self._verify(self._unknown_number())
            self._verify(self._unknown_number(), user=second)
        third = self._merchant_user("third_cashier", self.merchant)
        refused = self._verify(self.card_a.name, user=third)
        self.assertFalse(refused["accepted"])
        self.assertIn("Too many", refused["message"])
        self.assertTrue(
            self._verify(
                self.card_a.name, user=self.other_cashier, merchant=self.other_merchant
            )["accepted"]
        )

    def test_throttle_window_is_a_setting(self):
        self._set_param("verify_failed_limit_per_hour", 2)
        self._set_param("verify_window_hours", 3)
        now = fields.Datetime.now().replace(hour=0, minute=5)
        with freeze_time(now):
            self._verify(self._unknown_number())
            self._verify(self._unknown_number())
        with freeze_time(now + timedelta(hours=2)):
            self.assertFalse(self._verify(self.card_a.name)["accepted"])
        with freeze_time(now + timedelta(hours=3)):
            self.assertTrue(self._verify(self.card_a.name)["accepted"])

    def test_redeem_lookups_are_logged_and_counted(self):
        self._set_param("verify_failed_limit_per_hour", 2)
        for token in ("r-1", "r-2"):
            with self.assertRaisesRegex(Exception, "not accepted"):
                self._redeem(self._unknown_number(), "10", token)
        self.assertEqual(self._log().mapped("source"), ["redeem", "redeem"])
        self.assertFalse(self._verify(self.card_a.name)["accepted"])

    def test_counter_is_one_row_bumped_in_the_database(self):
        """Concurrent refusals add up in one row (INSERT .. ON CONFLICT)."""
        Throttle = self.env["property.merchant.throttle"].sudo()
        keys = [("user", self.cashier.id), ("merchant", self.merchant.id)]
        window = Throttle._window(1)
        Throttle._bump(keys, window)
        counts = Throttle._bump(keys, window)
        self.assertEqual(counts, {keys[0]: 2, keys[1]: 2})
        self.assertEqual(Throttle._counts(keys, window), counts)
        self.assertEqual(
            Throttle.search_count(
                [("res_id", "=", self.cashier.id), ("scope", "=", "user")]
            ),
            1,
        )
