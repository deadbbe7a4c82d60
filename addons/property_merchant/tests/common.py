from odoo.addons.property_club.tests.common import ClubCommon
from odoo.tests import new_test_user


class MerchantCommon(ClubCommon):
    """Two merchants with one cashier each; owner_a holds a Silver card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        dining = cls.env.ref("property_merchant.category_dining")
        cls.merchant, cls.other_merchant = Partner.create(
            [
                {
                    "name": "Lakeside Noodles",
                    "is_company": True,
                    "is_alliance_merchant": True,
                    "merchant_category_id": dining.id,
                },
                {
                    "name": "Corner Bakery",
                    "is_company": True,
                    "is_alliance_merchant": True,
                    "merchant_category_id": dining.id,
                },
            ]
        )
        cls.cashier = cls._merchant_user("cashier", cls.merchant)
        cls.other_cashier = cls._merchant_user("other_cashier", cls.other_merchant)
        cls.agreement = cls._agreement(cls.merchant, 10.0)
        cls.other_agreement = cls._agreement(cls.other_merchant, 8.0)

    @classmethod
    def _merchant_user(cls, login, merchant):
        contact = cls.env["res.partner"].create(
            {"name": f"{login} contact", "parent_id": merchant.id}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login + "_pw",
            groups="property_merchant.property_merchant_group_user",
            partner_id=contact.id,
        )

    @classmethod
    def _agreement(cls, merchant, silver_discount):
        agreement = cls.env["property.merchant.agreement"].create(
            {
                "merchant_id": merchant.id,
                "date_start": "2020-01-01",
                "date_end": "2099-12-31",
                "line_ids": [
                    (
                        0,
                        0,
                        {"tier_id": cls.silver.id, "discount_percent": silver_discount},
                    ),
                    (
                        0,
                        0,
                        {
                            "tier_id": cls.blue.id,
                            "discount_percent": 5,
                            "single_use": True,
                        },
                    ),
                ],
            }
        )
        agreement.action_activate()
        return agreement

    def _verify(self, number, user=None, merchant=None):
        Verification = self.env["property.merchant.verification"]
        return Verification.with_user(user or self.cashier)._verify(
            merchant or self.merchant, number
        )

    def _redeem(self, number, amount, token, user=None, merchant=None):
        Redemption = self.env["property.merchant.redemption"]
        return Redemption.with_user(user or self.cashier)._redeem(
            merchant or self.merchant, number, amount, token
        )

    def _checkout(self, number, amount, token, user=None, merchant=None):
        """What a cashier does at the desk: verify the card, then redeem."""
        self.assertTrue(self._verify(number, user, merchant)["accepted"])
        return self._redeem(number, amount, token, user, merchant)

    def _set_param(self, key, value):
        self.env["ir.config_parameter"].set_param(f"property_merchant.{key}", value)
