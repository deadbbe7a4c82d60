from bisect import bisect_left, bisect_right
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import fields, models
from odoo.tools.intervals import Intervals


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    property_workday_ids = fields.One2many(
        "property.calendar.workday",
        "calendar_id",
        string="Make-up Working Days",
        help="Weekend days worked instead of a public holiday (调休).",
    )

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Add the make-up working days: each is worked with the attendances
        of its ``like_dayofweek``, taken from that weekday of the same week."""
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        local = tz or timezone(self.tz or "UTC")
        workdays = self.property_workday_ids.filtered(
            lambda w: (
                start_dt.astimezone(local).date()
                <= w.date
                <= end_dt.astimezone(local).date()
            )
        )
        for workday in workdays:
            shift = timedelta(days=workday.date.weekday() - int(workday.like_dayofweek))
            like = workday.date - shift
            day_start = local.localize(datetime.combine(like, time.min))
            extra = super()._attendance_intervals_batch(
                day_start,
                day_start + timedelta(days=1),
                resources=resources,
                domain=domain,
                tz=tz,
                lunch=lunch,
            )
            for resource_id, intervals in extra.items():
                moved = Intervals(
                    [
                        (max(start + shift, start_dt), min(stop + shift, end_dt), recs)
                        for start, stop, recs in intervals
                        if start + shift < end_dt and stop + shift > start_dt
                    ]
                )
                result[resource_id] = result.get(resource_id, Intervals()) | moved
        return result

    def _property_plan_hours_batch(self, requests):
        """Deadlines of ``requests`` (``[(start, hours)]``, naive UTC) on this
        calendar's working time, holidays and make-up days included: one
        interval computation for the whole batch, then a binary search each.

        Returns the naive UTC deadlines, in order (None without start/hours).
        """
        self.ensure_one()
        result = [None] * len(requests)
        todo = [i for i, (start, hours) in enumerate(requests) if start and hours]
        if not todo:
            return result
        begin = min(requests[i][0] for i in todo)
        end = max(requests[i][0] for i in todo) + timedelta(
            hours=max(requests[i][1] for i in todo) * 7, days=21
        )
        while todo:
            intervals = self._work_intervals_batch(
                utc.localize(begin), utc.localize(end)
            )[False]
            starts, stops, worked = [], [], [0.0]
            for start, stop, _recs in intervals:
                starts.append(start.astimezone(utc).replace(tzinfo=None))
                stops.append(stop.astimezone(utc).replace(tzinfo=None))
                worked.append(worked[-1] + (stop - start).total_seconds())
            left = []
            for i in todo:
                start, hours = requests[i]
                k = bisect_right(stops, start)  # first interval ending after start
                if k == len(stops):
                    left.append(i)
                    continue
                done = worked[k] + max(0.0, (start - starts[k]).total_seconds())
                target = done + hours * 3600
                j = bisect_left(worked, target) - 1
                if j >= len(starts):
                    left.append(i)
                    continue
                result[i] = starts[j] + timedelta(seconds=target - worked[j])
            if left == todo and not starts:
                break  # a calendar without any working time: no deadline
            todo = left
            end += end - begin
        return result
