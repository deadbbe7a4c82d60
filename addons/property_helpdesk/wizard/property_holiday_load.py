from datetime import datetime, time, timedelta

from chinese_calendar import constants
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyHolidayLoad(models.TransientModel):
    """Load China's public holidays and make-up working days (调休) of one
    year into a working calendar, from the ``chinese-calendar`` package."""

    _name = "property.holiday.load"
    _description = "Load Public Holidays"

    calendar_id = fields.Many2one(
        "resource.calendar", string="Working Calendar", required=True
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )

    @api.model
    def _known_years(self):
        return sorted({day.year for day in constants.holidays})

    def action_load(self):
        """Create the holidays as calendar leaves and the make-up days as
        make-up working days; what the calendar already has is skipped."""
        self.ensure_one()
        known = self._known_years()
        if self.year not in known:
            raise UserError(
                self.env._(
                    "The holidays of %(year)s are not published in chinese-calendar "
                    "(it knows %(first)s to %(last)s): enter them by hand.",
                    year=self.year,
                    first=known[0],
                    last=known[-1],
                )
            )
        calendar = self.calendar_id
        calendar.check_access("write")
        tz = timezone(calendar.tz or "Asia/Shanghai")
        chinese = {holiday.value: holiday.chinese for holiday in constants.Holiday}
        if not (self.env.lang or "").startswith("zh"):
            chinese = {}
        first, last = (
            datetime(self.year, 1, 1).date(),
            datetime(self.year, 12, 31).date(),
        )
        # runs of consecutive days off of the same holiday
        runs = []
        for day, holiday in sorted(constants.holidays.items()):
            if not first <= day <= last:
                continue
            if runs and runs[-1][2] == holiday and runs[-1][1] + timedelta(1) == day:
                runs[-1][1] = day
            else:
                runs.append([day, day, holiday])
        # company-wide days off of a calendar the user may change: record
        # rules only let administrators create leaves without a resource
        leaves_sudo = self.env["resource.calendar.leaves"].sudo()
        existing = leaves_sudo.search(
            [
                ("calendar_id", "=", calendar.id),
                ("resource_id", "=", False),
                ("date_from", "<=", f"{self.year}-12-31 23:59:59"),
                ("date_to", ">=", f"{self.year - 1}-12-31 00:00:00"),
            ]
        )

        def utc_naive(day, moment):
            return (
                tz.localize(datetime.combine(day, moment))
                .astimezone(utc)
                .replace(tzinfo=None)
            )

        new_leaves = []
        for start, stop, holiday in runs:
            date_from, date_to = utc_naive(start, time.min), utc_naive(stop, time.max)
            if any(
                leave.date_from < date_to and leave.date_to > date_from
                for leave in existing
            ):
                continue
            new_leaves.append(
                {
                    "name": chinese.get(holiday, holiday),
                    "calendar_id": calendar.id,
                    "company_id": calendar.company_id.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "time_type": "leave",
                }
            )
        leaves_sudo.create(new_leaves)
        known_days = set(calendar.property_workday_ids.mapped("date"))
        new_workdays = [
            {
                "calendar_id": calendar.id,
                "date": day,
                "name": self.env._(
                    "Make-up working day (%s)",
                    chinese.get(holiday, holiday),
                ),
            }
            for day, holiday in sorted(constants.workdays.items())
            if first <= day <= last and day not in known_days
        ]
        self.env["property.calendar.workday"].create(new_workdays)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(year)s: %(holidays)s holidays and %(days)s make-up working "
                    "days added to %(calendar)s.",
                    year=self.year,
                    holidays=len(new_leaves),
                    days=len(new_workdays),
                    calendar=calendar.display_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
