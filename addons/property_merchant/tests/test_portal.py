from lxml import html

from odoo import http
from odoo.addons.property_club.tools import card_number
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
        self.assertIn("79.20", done.text)  # money, not 79.2

        statement = (
            self.env["property.merchant.statement"]
            ._generate(redemptions.date.date())
            .filtered(lambda s: s.merchant_id == self.merchant)
        )
        report = self.url_open(f"/my/merchant/statement/{statement.id}")
        self.assertEqual(report.status_code, 200)
        self.assertIn("捌元捌角", report.text)
        self.assertIn("8.80", report.text)
        self.assertIn("**** **** " + self.card_a.name[-4:], report.text)
        self.assertNotIn(self.card_a.name, report.text)
        desk = self.url_open("/my/merchant")
        self.assertIn("**** **** " + self.card_a.name[-4:], desk.text)
        self.assertNotIn(self.card_a.name, desk.text)
        self.assertNotIn(self.card_a.display_name, desk.text)

    def test_cashier_verifies_and_redeems_in_the_browser(self):
        """The desk as the cashier clicks it (browser tour): a mistyped number
        is refused, the owner's card verified, the bill recorded once."""
        self.card_a.sudo().name = "620241115002"
        self.start_tour("/my", "property_merchant_desk", login="cashier")
        redemption = self.env["property.merchant.redemption"].search(
            [("card_id", "=", self.card_a.id)]
        )
        self.assertEqual(len(redemption), 1)
        self.assertEqual(redemption.merchant_id, self.merchant)
        self.assertAlmostEqual(redemption.discount_amount, 8.8)
        refused = self.env["property.merchant.verification"].search(
            [("user_id", "=", self.cashier.id), ("status", "=", "malformed")]
        )
        self.assertEqual(len(refused), 1)

    def test_redeem_route_needs_verification_and_a_sound_amount(self):
        """Attack: post a number read from a QR straight to /redeem."""
        self.authenticate("cashier", "cashier_pw")
        page = self._post(
            "/my/merchant/redeem",
            {"number": self.card_a.name, "amount": "88", "client_token": "qr-only"},
        )
        self.assertIn("Verify the card first", page.text)
        self._post("/my/merchant/verify", {"number": self.card_a.name})
        for amount in ("nan", "1e17", "0.001", "-5", "abc"):
            page = self._post(
                "/my/merchant/redeem",
                {"number": self.card_a.name, "amount": amount, "client_token": amount},
            )
            self.assertIn("o_merchant_error", page.text)
        self.assertFalse(
            self.env["property.merchant.redemption"].search_count(
                [("merchant_id", "=", self.merchant.id)]
            )
        )
        log = self.env["property.merchant.verification"].search(
            [("user_id", "=", self.cashier.id)]
        )
        self.assertEqual(sorted(log.mapped("source")), ["redeem", "verify"])

    def test_refused_answers_look_alike_on_the_desk(self):
        self.authenticate("cashier", "cashier_pw")
        self.card_b.action_suspend()
        suspended = self._post("/my/merchant/verify", {"number": self.card_b.name})
        unknown_number = card_number.generate()
        while self.env["property.club.card"].search_count(
            [("name", "=", unknown_number)]
        ):
            unknown_number = card_number.generate()
        unknown = self._post("/my/merchant/verify", {"number": unknown_number})
        for page in (suspended, unknown):
            self.assertIn("This card is not accepted", page.text)
            self.assertNotIn(self.blue.name + " ·", page.text)
            self.assertNotIn("Suspended", page.text)
            self.assertNotIn("/my/merchant/redeem", page.text)

    def test_other_merchant_statement_refused(self):
        self._checkout(
            self.card_a.name,
            50,
            "x",
            user=self.other_cashier,
            merchant=self.other_merchant,
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
        # a header over every column; a line without offer text keeps its cells
        table = html.fromstring(page.text).xpath(
            "//table[contains(@class, 'o_club_offers')]"
        )[0]
        headers = table.xpath(".//th")
        self.assertEqual(len(headers), 5)
        rows = table.xpath(".//tr[td]")
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(len(row.xpath("./td")), len(headers))

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
