from datetime import date

from lxml import html

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged, warmup

from .common import CareCommon

CARE_QUERIES = 999


@tagged("post_install", "-at_install")
class TestCarePortal(CareCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for partner, login in (
            (cls.owner_a, "care_owner_a"),
            (cls.owner_b, "care_owner_b"),
        ):
            new_test_user(
                cls.env,
                login=login,
                password=login,
                groups="base.group_portal",
                partner_id=partner.id,
            )
        line = cls.env.ref("property_care.care_plan_line_inspection_11")
        cls.inspection_a, cls.inspection_b, cls.call_a = cls.env[
            "property.care.touchpoint"
        ].create(
            [
                {
                    "name": "Quality inspection at 11 months",
                    "partner_id": cls.owner_a.id,
                    "unit_id": cls.unit_a1.id,
                    "line_id": line.id,
                    "kind": "plan",
                    "action": "inspection",
                    "user_id": cls.butler_a.id,
                    "due_date": date(2099, 3, 1),
                    "deadline": date(2099, 3, 15),
                },
                {
                    "name": "Inspection of B",
                    "partner_id": cls.owner_b.id,
                    "line_id": line.id,
                    "kind": "plan",
                    "action": "inspection",
                    "user_id": cls.butler_b.id,
                    "due_date": date(2099, 4, 1),
                    "deadline": date(2099, 4, 15),
                },
                {
                    "name": "Internal follow-up call",
                    "partner_id": cls.owner_a.id,
                    "user_id": cls.butler_a.id,
                },
            ]
        )

    def _post(self, url, data=None):
        return self.url_open(
            url, data={**(data or {}), "csrf_token": http.Request.csrf_token(self)}
        )

    def test_owner_sees_only_own_appointments_and_confirms(self):
        self.authenticate("care_owner_a", "care_owner_a")
        page = self.url_open("/my/care")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Quality inspection at 11 months", page.text)
        self.assertIn("2099-03-01", page.text)
        self.assertIn(self.butler_a.name, page.text)
        self.assertNotIn("Inspection of B", page.text)
        self.assertNotIn("Internal follow-up call", page.text)
        response = self._post(f"/my/care/{self.inspection_a.id}/confirm")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.inspection_a.portal_state, "confirmed")
        # someone else's appointment is not found and stays untouched
        response = self._post(f"/my/care/{self.inspection_b.id}/confirm")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.inspection_b.portal_state)

    def test_appointment_without_home_keeps_its_columns(self):
        self.inspection_a.unit_id = False
        self.authenticate("care_owner_a", "care_owner_a")
        page = html.fromstring(self.url_open("/my/care").text)
        table = page.xpath("//table[contains(@class, 'o_portal_my_care')]")[0]
        headers = [th.text_content().strip() for th in table.xpath(".//th")]
        row = table.xpath(".//tr[td[contains(., 'Quality inspection at 11 months')]]")[
            0
        ]
        cells = [td.text_content().strip() for td in row.xpath("./td")]
        self.assertEqual(len(cells), len(headers))
        self.assertEqual(cells[headers.index("Home")], "")
        self.assertEqual(cells[headers.index("Date")], "2099-03-01")

    def test_owner_asks_for_another_day(self):
        self.authenticate("care_owner_a", "care_owner_a")
        self._post(
            f"/my/care/{self.inspection_a.id}/reschedule",
            {"requested_date": "2099-03-08", "note": "Away that week"},
        )
        self.assertEqual(self.inspection_a.portal_state, "reschedule")
        self.assertEqual(self.inspection_a.portal_requested_date, date(2099, 3, 8))
        request_activity = self.inspection_a.activity_ids.filtered(
            lambda a: a.summary == "Owner asks for another day"
        )
        self.assertEqual(request_activity.user_id, self.butler_a)
        self.assertIn("Away that week", request_activity.note)
        # a day in the past is refused and changes nothing
        response = self._post(
            f"/my/care/{self.inspection_a.id}/reschedule",
            {"requested_date": "2000-01-01"},
        )
        self.assertIn("Choose a day from today on", response.text)
        self.assertEqual(self.inspection_a.portal_requested_date, date(2099, 3, 8))

    def test_owner_confirms_then_asks_another_day_in_the_browser(self):
        """The portal flow as the owner clicks it (browser tour)."""
        self.start_tour(
            "/my", "property_care_portal_appointments", login="care_owner_a"
        )
        self.assertEqual(self.inspection_a.portal_state, "reschedule")
        self.assertEqual(self.inspection_a.portal_requested_date, date(2099, 3, 8))
        self.assertIn(
            "Away that week",
            self.inspection_a.activity_ids.filtered(
                lambda a: (
                    a.user_id == self.butler_a
                    and a.summary == "Owner asks for another day"
                )
            ).note,
        )
        self.assertFalse(self.inspection_b.portal_state)

    @warmup
    def test_my_care_queries_do_not_grow_with_appointments(self):
        self.authenticate("care_owner_a", "care_owner_a")
        # session, user and groups, the page's touchpoints in one search and
        # their units/plan lines prefetched, layout and menu
        with self.assertQueryCount(CARE_QUERIES):
            self.assertEqual(self.url_open("/my/care").status_code, 200)
        self.inspection_a.copy(
            {"name": "More", "due_date": date(2099, 5, 1), "deadline": date(2099, 5, 9)}
        )
        self.env["property.care.touchpoint"].create(
            [
                {
                    "name": f"Inspection {index}",
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                    "line_id": self.inspection_a.line_id.id,
                    "kind": "plan",
                    "action": "inspection",
                    "user_id": self.butler_a.id,
                    "due_date": date(2099, 6, index + 1),
                    "deadline": date(2099, 6, index + 10),
                }
                for index in range(10)
            ]
        )
        with self.assertQueryCount(CARE_QUERIES):  # the same with 12 more
            self.assertEqual(self.url_open("/my/care").status_code, 200)
