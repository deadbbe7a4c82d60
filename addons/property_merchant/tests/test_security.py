from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestMerchantSecurity(MerchantCommon):
    def test_merchant_sees_only_own_agreements_and_redemptions(self):
        Redemption = self.env["property.merchant.redemption"]
        own = Redemption.with_user(self.cashier)._redeem(
            self.merchant, self.card_a.name, 100, "own"
        )
        other = Redemption.with_user(self.other_cashier)._redeem(
            self.other_merchant, self.card_a.name, 100, "other"
        )
        self.assertEqual(Redemption.with_user(self.cashier).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.cashier).read(["amount"])
        agreements = self.env["property.merchant.agreement"].with_user(self.cashier)
        self.assertEqual(agreements.search([]), self.agreement)
        with self.assertRaises(AccessError):
            self.other_agreement.with_user(self.cashier).read(["terms"])

    def test_merchant_cannot_read_owner_data(self):
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.cashier).read(["name", "phone"])
        with self.assertRaises(AccessError):
            self.card_a.with_user(self.cashier).read(["partner_id"])
        redemption = (
            self.env["property.merchant.redemption"]
            .with_user(self.cashier)
            ._redeem(self.merchant, self.card_a.name, 100, "own")
        )
        self.assertNotIn("partner_id", redemption.with_user(self.cashier).fields_get())

    def test_merchant_cannot_forge_redemptions(self):
        with self.assertRaises(AccessError):
            self.env["property.merchant.redemption"].with_user(self.cashier).create(
                {
                    "merchant_id": self.merchant.id,
                    "agreement_id": self.agreement.id,
                    "line_id": self.agreement.line_ids[0].id,
                    "card_id": self.card_a.id,
                    "tier_id": self.silver.id,
                    "user_id": self.cashier.id,
                    "amount": 10,
                    "client_token": "forged",
                }
            )
