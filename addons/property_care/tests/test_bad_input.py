from datetime import date

from freezegun import freeze_time

from odoo import http
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestBadDates(CareCommon):
    """Issue 18: dates that cannot be right are refused, nothing written."""

    def test_visit_dates(self):
        self.unit_a1.handover_date = date(2024, 6, 1)
        Visit = self.env["property.care.visit"].with_user(self.butler_a)
        with freeze_time("2026-12-01"):
            for day in ("0001-01-01", "2023-06-01", "2024-05-31"):
                with self.subTest(day=day), self.assertRaises(ValidationError):
                    Visit.create({"partner_id": self.owner_a.id, "date": day})
            mine = [("partner_id", "=", self.owner_a.id)]
            self.assertFalse(self.env["property.care.visit"].search(mine))
            self.assertFalse(
                self.env["property.care.visit.quarter"].search(
                    [("unit_id", "in", self.owner_a.residency_ids.unit_id.ids)]
                )
            )
            visit = Visit.create({"partner_id": self.owner_a.id, "date": "2024-06-01"})
            with self.assertRaises(ValidationError):
                visit.write({"date": "0001-01-01"})
        self.assertEqual(visit.date, date(2024, 6, 1))

    def test_touchpoint_and_conversion_dates(self):
        Touchpoint = self.Touchpoint.with_user(self.butler_a)
        base = {"name": "Call", "partner_id": self.owner_a.id}
        with freeze_time("2026-12-01"):
            with self.assertRaises(ValidationError) as error:
                Touchpoint.create(
                    {**base, "due_date": "0001-01-01", "deadline": "0001-01-10"}
                )
            self.assertIn("check the year", str(error.exception))
            with self.assertRaises(ValidationError) as error:
                Touchpoint.create(
                    {**base, "due_date": "2026-12-01", "deadline": "9999-12-31"}
                )
            self.assertIn("never be overdue", str(error.exception))
            with self.assertRaises(ValidationError) as error:
                Touchpoint.create(
                    {**base, "due_date": "2026-12-10", "deadline": "2026-12-01"}
                )
            self.assertIn("before the due date", str(error.exception))
            with self.assertRaises(ValidationError) as error:
                self.env["property.care.conversion"].with_user(self.butler_a).create(
                    {"partner_id": self.owner_a.id, "date": "0001-01-01"}
                )
            self.assertIn("check the year", str(error.exception))
        self.assertFalse(self.Touchpoint.search([("name", "=", "Call")]))


@tagged("post_install", "-at_install")
class TestRescheduleAbuse(CareCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="abuse_owner",
            password="abuse_owner",
            groups="base.group_portal",
            partner_id=cls.owner_a.id,
        )
        cls.inspection = cls.Touchpoint.create(
            {
                "name": "Quality inspection",
                "partner_id": cls.owner_a.id,
                "unit_id": cls.unit_a1.id,
                "line_id": cls.env.ref("property_care.care_plan_line_inspection_11").id,
                "kind": "plan",
                "action": "inspection",
                "user_id": cls.butler_a.id,
                "due_date": date(2099, 3, 1),
                "deadline": date(2099, 3, 15),
            }
        )

    def _ask(self, day):
        return self.url_open(
            f"/my/care/{self.inspection.id}/reschedule",
            data={"requested_date": day, "csrf_token": http.Request.csrf_token(self)},
        )

    def _requests(self):
        return self.inspection.activity_ids.filtered(
            lambda a: a.summary == "Owner asks for another day"
        )

    def test_far_day_refused_and_repeats_mail_nobody(self):
        self.authenticate("abuse_owner", "abuse_owner")
        page = self._ask("9999-12-31")
        self.assertIn("too far from the appointment", page.text)
        self.assertFalse(self.inspection.portal_state)
        self.assertFalse(self._requests())
        self._ask("2099-03-08")
        self.assertEqual(len(self._requests()), 1)
        mails = self.env["mail.mail"].search_count([])
        messages = len(self.inspection.message_ids)
        for _repeat in range(5):
            self._ask("2099-03-08")
        self.assertEqual(len(self.inspection.message_ids), messages)
        self._ask("2099-03-09")
        self.assertEqual(len(self._requests()), 1)
        self.assertIn("2099-03-09", self._requests().note)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        self.assertEqual(self.inspection.portal_requested_date, date(2099, 3, 9))
