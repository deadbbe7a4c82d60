import base64

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestCardPrint(ClubCommon, HttpCase):
    def test_back_office_card_pdf_has_name_tier_number_validity_qr(self):
        action = self.card_a.with_user(self.officer).action_print_card()
        self.assertEqual(action["report_name"], "property_club.report_club_card")
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_club.action_report_club_card", self.card_a.ids
        )
        html = html.decode()
        self.assertIn(self.owner_a.name, html)
        self.assertIn(self.silver.name, html)
        self.assertIn(self.card_a.display_name, html)
        self.assertIn(self.card_a.expiry_date.strftime("%m/%d/%Y"), html)
        self.assertIn("o_club_card_qr", html)
        self.assertIn("data:image/png;base64", html)

    def test_qr_on_the_back_office_form(self):
        png = base64.b64decode(self.card_a.with_user(self.officer).qr_code)
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        arch = self.env["property.club.card"].get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertIn('name="qr_code"', arch)
        self.assertIn("action_print_card", arch)

    def test_owner_downloads_own_card_only(self):
        new_test_user(
            self.env,
            login="club_print_a",
            password="club_print_a",
            groups="base.group_portal",
            partner_id=self.owner_a.id,
        )
        self.authenticate("club_print_a", "club_print_a")
        page = self.url_open(f"/my/club/card/{self.card_a.id}")
        self.assertIn(
            f"/my/club/card/{self.card_a.id}?report_type=pdf&amp;download=true",
            page.text,
        )
        pdf = self.url_open(f"/my/club/card/{self.card_a.id}?report_type=html")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn(self.card_a.display_name, pdf.text)
        other = self.url_open(
            f"/my/club/card/{self.card_b.id}?report_type=pdf", allow_redirects=False
        )
        self.assertEqual(other.status_code, 303)

    def test_demo_owner_portal_user_sees_club_card(self):
        user = self.env.ref("property_club.user_owner_zheng", raise_if_not_found=False)
        if not user:
            self.skipTest("demo data not installed")
        self.authenticate("owner.zheng@example.com", "owner.zheng")
        page = self.url_open("/my/club")
        card = user.partner_id.club_card_ids.filtered(lambda c: c.state == "active")
        self.assertTrue(card)
        self.assertIn(card[0].display_name, page.text)
