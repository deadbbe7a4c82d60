from odoo.tests import HttpCase, new_test_user, tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestClubPortal(ClubCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env,
            login="club_portal_a",
            password="club_portal_a",
            groups="base.group_portal",
            partner_id=cls.owner_a.id,
        )
        cls.forum = cls._club_event_cls("Gold forum", cls.gold)
        cls.family_day = cls._club_event_cls("Family day", cls.silver | cls.blue)

    @classmethod
    def _club_event_cls(cls, name, tiers):
        return cls.env["event.event"].create(
            {
                "name": name,
                "is_club_activity": True,
                "club_tier_ids": [(6, 0, tiers.ids)],
                "date_begin": "2099-01-01 09:00:00",
                "date_end": "2099-01-01 12:00:00",
            }
        )

    def test_owner_sees_own_card_benefits_and_events(self):
        self.authenticate("club_portal_a", "club_portal_a")
        page = self.url_open("/my/club")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.card_a.display_name, page.text)
        self.assertNotIn(self.card_b.display_name, page.text)
        self.assertIn("Family day", page.text)
        self.assertNotIn("Gold forum", page.text)

    def test_owner_opens_own_card_in_the_browser(self):
        """/my → Owner Club → my card with its QR (browser tour)."""
        self.start_tour("/my", "property_club_portal_card", login="club_portal_a")

    def test_card_page_shows_qr_and_refuses_other_cards(self):
        self.authenticate("club_portal_a", "club_portal_a")
        page = self.url_open(f"/my/club/card/{self.card_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/report/barcode/QR/{self.card_a.name}", page.text)
        other = self.url_open(f"/my/club/card/{self.card_b.id}", allow_redirects=False)
        self.assertEqual(other.status_code, 303)
        self.assertNotIn(self.card_b.name, other.text)
