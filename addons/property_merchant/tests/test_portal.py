from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestMerchantPortal(MerchantCommon, HttpCase):
    def _post(self, url, data):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}
        )

    def test_verify_redeem_statement_flow(self):
        self.authenticate("cashier", "cashier_pw")
        page = self.url_open("/my/merchant")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lakeside Noodles", page.text)

        verified = self._post("/my/merchant/verify", {"number": self.card_a.name})
        self.assertIn("o_merchant_discount", verified.text)
        self.assertNotIn(self.owner_a.name, verified.text)

        token = "portal-token-1"
        for _attempt in range(2):  # double click
            done = self._post(
                "/my/merchant/redeem",
                {"number": self.card_a.name, "amount": "88", "client_token": token},
            )
            self.assertIn("o_merchant_receipt", done.text)
        redemptions = self.env["property.merchant.redemption"].search(
            [("client_token", "=", token)]
        )
        self.assertEqual(len(redemptions), 1)
        self.assertAlmostEqual(redemptions.discount_amount, 8.8)

        statement = (
            self.env["property.merchant.statement"]
            ._generate(redemptions.date.date())
            .filtered(lambda s: s.merchant_id == self.merchant)
        )
        report = self.url_open(f"/my/merchant/statement/{statement.id}")
        self.assertEqual(report.status_code, 200)
        self.assertIn("捌元捌角", report.text)

    def test_other_merchant_statement_refused(self):
        self.env["property.merchant.redemption"].with_user(self.other_cashier)._redeem(
            self.other_merchant, self.card_a.name, 50, "x"
        )
        statement = (
            self.env["property.merchant.statement"]
            ._generate(
                self.env["property.merchant.redemption"]
                .search([("client_token", "=", "x")])
                .date.date()
            )
            .filtered(lambda s: s.merchant_id == self.other_merchant)
        )
        self.authenticate("cashier", "cashier_pw")
        response = self.url_open(
            f"/my/merchant/statement/{statement.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)

    def test_owner_sees_offers_of_own_tier(self):
        new_test_user(
            self.env,
            login="owner_a_offers",
            password="owner_a_offers",
            groups="base.group_portal",
            partner_id=self.owner_a.id,
        )
        self.authenticate("owner_a_offers", "owner_a_offers")
        page = self.url_open("/my/club/offers")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Lakeside Noodles", page.text)
        self.assertIn("Corner Bakery", page.text)
        self.assertIn("10.0", page.text)

    def test_owner_cannot_open_merchant_desk(self):
        new_test_user(
            self.env,
            login="owner_b_portal",
            password="owner_b_portal",
            groups="base.group_portal",
            partner_id=self.owner_b.id,
        )
        self.authenticate("owner_b_portal", "owner_b_portal")
        response = self.url_open("/my/merchant", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
