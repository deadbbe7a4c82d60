from odoo.addons.property_club.models import card_number
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestVerification(MerchantCommon):
    def _verify(self, number, user=None):
        Verification = self.env["property.merchant.verification"]
        return Verification.with_user(user or self.cashier)._verify(
            self.merchant, number
        )

    def test_valid_card_shows_tier_discount_and_masked_name(self):
        self.owner_a.name = "王建国"
        result = self._verify(self.card_a.name)
        self.assertEqual(result["status"], "valid")
        self.assertEqual(result["tier"], self.silver.name)
        self.assertEqual(result["discount"], 10.0)
        self.assertEqual(result["holder"], "王**")
        self.assertNotIn("phone", result)

    def test_invalid_statuses_with_reason(self):
        self.card_b.action_suspend()
        self.assertEqual(self._verify(self.card_b.name)["status"], "suspended")
        self.assertEqual(self._verify("1234 5678")["status"], "malformed")
        result = self._verify(self.card_a.name[:-1] + "x")
        self.assertEqual(result["status"], "malformed")
        self.assertTrue(result["reason"])
        self.assertEqual(result["holder"], "")

    def test_attempts_are_logged_with_last_digits_only(self):
        self._verify(self.card_a.name)
        log = self.env["property.merchant.verification"].search(
            [("user_id", "=", self.cashier.id)]
        )
        self.assertEqual(len(log), 1)
        self.assertEqual(log.number_tail, self.card_a.name[-4:])
        self.assertEqual(log.merchant_id, self.merchant)

    def test_throttle_refuses_after_limit(self):
        self.env["ir.config_parameter"].set_param(
            "property_merchant.verify_failed_limit_per_hour", 3
        )
        for _i in range(3):
            unknown = card_number.generate()
            self.assertIn(self._verify(unknown)["status"], ("unknown", "malformed"))
        with self.assertRaisesRegex(UserError, "Too many failed"):
            self._verify(self.card_a.name)
        # another cashier is not throttled
        result = self._verify(self.card_a.name, user=self.other_cashier)
        self.assertEqual(result["status"], "valid")
