from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestSlaCalendar(HelpdeskCommon):
    """Deadlines in working hours, without China's public holidays and with
    its make-up working days (调休), loaded per year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 08:00-12:00 and 13:00-17:00, Monday to Friday, in Beijing time
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Service Centre", "tz": "Asia/Shanghai"}
        )
        cls.complaint_policy = cls.env.ref("property_helpdesk.sla_complaint_general")
        cls.complaint_policy.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "resolve_minutes": 24 * 60,
                "ack_around_clock": True,
            }
        )
        cls.repair_policy = cls.env.ref("property_helpdesk.sla_repair")

    def _load(self, year, user=None):
        wizard = Form(
            self.env["property.holiday.load"]
            .with_user(user or self.manager)
            .with_context(default_calendar_id=self.calendar.id)
        )
        wizard.year = year
        return wizard.save().action_load()

    def test_load_year_holidays_and_make_up_days_once(self):
        self._load(2024)
        self._load(2024)
        national_day = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("name", "=", "National Day")]
        )
        self.assertEqual(len(national_day), 1)
        # 2024-10-01 00:00 to 2024-10-07 23:59:59 in Beijing
        self.assertEqual(national_day.date_from, datetime(2024, 9, 30, 16, 0))
        self.assertEqual(national_day.date_to.date(), datetime(2024, 10, 7).date())
        # National Day's make-up days: Sunday 29 Sep and Saturday 12 Oct
        days = self.calendar.property_workday_ids.mapped("date")
        self.assertIn(datetime(2024, 9, 29).date(), days)
        self.assertIn(datetime(2024, 10, 12).date(), days)
        self.assertEqual(len(days), len(set(days)))
        with self.assertRaises(UserError):
            self._load(1)

    def test_complaint_before_national_day_lands_after_holiday(self):
        """Friday 27 Sep 2024 17:00, 24 working hours: Sunday 29 Sep (make-up
        day) and Monday 30 Sep, then 1-7 Oct off: due Tuesday 8 Oct 17:00."""
        self._load(2024)
        with freeze_time("2024-09-27 09:00:00"):  # 17:00 in Beijing
            complaint = self._ticket(
                kind="complaint",
                complaint_grade="general",
                reported_date="2024-09-27 09:00:00",
            )
        self.assertEqual(complaint.sla_policy_id, self.complaint_policy)
        self.assertEqual(complaint.resolve_deadline, datetime(2024, 10, 8, 9, 0))
        # the acknowledgement still runs around the clock
        self.assertEqual(
            (complaint.ack_deadline - complaint.reported_date).total_seconds(),
            self.complaint_policy.ack_minutes * 60,
        )
        # 24 wall-clock hours later, in the holiday: not late, no escalation
        self.Ticket._escalate_due(datetime(2024, 10, 3, 9, 0), 500)
        self.assertFalse(complaint.resolve_breached)
        self.Ticket._escalate_due(datetime(2024, 10, 8, 9, 1), 500)
        self.assertTrue(complaint.resolve_breached)

    def test_make_up_saturday_is_worked(self):
        self._load(2024)
        self.repair_policy.write(
            {"resource_calendar_id": self.calendar.id, "resolve_minutes": 8 * 60}
        )
        with freeze_time("2024-10-11 09:00:00"):  # Friday 17:00 in Beijing
            repair = self._ticket(kind="repair", reported_date=fields.Datetime.now())
        # Saturday 12 Oct 2024 is worked: due that day at 17:00
        self.assertEqual(repair.resolve_deadline, datetime(2024, 10, 12, 9, 0))
        # on the policy's calendar but the 3-minute acknowledgement around the clock
        self.repair_policy.ack_around_clock = True
        with freeze_time("2024-10-11 09:00:00"):
            repair = self._ticket(kind="repair", reported_date=fields.Datetime.now())
        self.assertEqual(repair.ack_deadline, datetime(2024, 10, 11, 9, 3))

    def test_without_calendar_around_the_clock(self):
        with freeze_time("2024-09-27 09:00:00"):
            repair = self._ticket(kind="repair", reported_date=fields.Datetime.now())
        self.assertEqual(repair.resolve_deadline, datetime(2024, 9, 29, 9, 0))
