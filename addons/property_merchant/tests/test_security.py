from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestMerchantSecurity(MerchantCommon):
    def test_merchant_sees_only_own_agreements_and_redemptions(self):
        Redemption = self.env["property.merchant.redemption"]
        own = self._checkout(self.card_a.name, 100, "own")
        other = self._checkout(
            self.card_a.name,
            100,
            "other",
            user=self.other_cashier,
            merchant=self.other_merchant,
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
        redemption = self._checkout(self.card_a.name, 100, "own")
        fields = redemption.with_user(self.cashier).fields_get()
        self.assertNotIn("partner_id", fields)
        self.assertNotIn("card_id", fields)

    def test_merchant_never_sees_full_card_numbers(self):
        """Confirmed case: the desk listed full numbers, also over RPC."""
        redemption = self._checkout(self.card_a.name, 100, "masked")
        as_cashier = redemption.with_user(self.cashier)
        with self.assertRaises(AccessError):
            as_cashier.read(["card_id"])
        with self.assertRaises(AccessError):
            as_cashier.web_read({"card_id": {"fields": {"display_name": {}}}})
        values = as_cashier.read(["card_number", "holder_masked", "tier_id"])[0]
        self.assertEqual(values["card_number"], "**** **** " + self.card_a.name[-4:])
        self.assertNotIn(self.card_a.name[:8], str(values))
        with self.assertRaises(AccessError):
            self.env["property.merchant.verification"].with_user(self.cashier).search(
                []
            )

    def test_card_of_another_company_cannot_be_verified_or_redeemed(self):
        other_company = self.env["res.company"].create({"name": "Other Estate Co."})
        foreign = self.env["property.club.card"].create(
            {
                "partner_id": self.owner_b.id,
                "tier_id": self.silver.id,
                "company_id": other_company.id,
            }
        )
        foreign.action_activate()
        result = self._verify(foreign.name)
        self.assertFalse(result["accepted"])
        with self.assertRaisesRegex(UserError, "not accepted"):
            self._redeem(foreign.name, 100, "foreign")
        self.assertFalse(
            self.env["property.merchant.redemption"].search_count(
                [("card_id", "=", foreign.id)]
            )
        )

    def test_butler_sees_redemptions_of_own_grid_only(self):
        mine = self._checkout(self.card_a.name, 100, "grid-a")
        theirs = self._checkout(self.card_b.name, 100, "grid-b")
        Redemption = self.env["property.merchant.redemption"]
        self.assertEqual(Redemption.with_user(self.butler_a).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.butler_a).read(["amount"])
        self.assertEqual(
            Redemption.with_user(self.officer).search([]) & (mine | theirs),
            mine | theirs,
        )

    def test_contact_smart_button_shows_owner_redemptions_to_butler(self):
        mine = self._checkout(self.card_a.name, 100, "button")
        owner = self.owner_a.with_user(self.butler_a)
        self.assertEqual(owner.merchant_redemption_count, 1)
        action = owner.action_view_merchant_redemptions()
        self.assertEqual(
            self.env[action["res_model"]]
            .with_user(self.butler_a)
            .search(action["domain"]),
            mine,
        )
        arch = (
            self.env["res.partner"]
            .with_user(self.butler_a)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_view_merchant_redemptions", arch)

    def test_redemptions_and_log_follow_company_rules(self):
        redemption = self._checkout(self.card_a.name, 100, "company")
        other_company = self.env["res.company"].create({"name": "Other Estate Co."})
        outsider = new_test_user(
            self.env,
            login="other_officer",
            groups="property_base.property_base_group_officer",
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        with self.assertRaises(AccessError):
            redemption.with_user(outsider).read(["amount"])
        self.assertFalse(
            self.env["property.merchant.verification"].with_user(outsider).search([])
        )

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
