from collections import defaultdict

from odoo import fields, models
from odoo.fields import Domain
from odoo.tools import SQL, date_utils


class PropertyKpi(models.Model):
    _inherit = "property.kpi"

    def _get_measures(self):
        return super()._get_measures() | {
            "care_on_time": self._measure_care_on_time,
            "care_visit_coverage": self._measure_care_visit_coverage,
            "care_visit_quota": self._measure_care_visit_quota,
            "care_black_conversion": self._measure_care_black_conversion,
        }

    def _measure_care_on_time(self, projects, date_from, date_to):
        """Share of the touchpoints due in the period done by their deadline
        (planned ones count once their deadline has passed)."""
        today = fields.Date.context_today(self)
        domain = (
            Domain("project_id", "in", projects.ids)
            & Domain("deadline", ">=", date_from)
            & Domain("deadline", "<", date_to)
            & (
                Domain("state", "in", ("done", "missed"))
                | (Domain("state", "=", "planned") & Domain("deadline", "<", today))
            )
        )
        return self._share_per_project(
            "property.care.touchpoint", domain, "project_id", "done_on_time", True
        )

    def _measure_care_visit_coverage(self, projects, date_from, date_to):
        """Share of occupied households visited in the quarter of the period."""
        quarter = date_utils.start_of(date_from, "quarter")
        self.env["property.care.visit"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT u.project_id, count(*),
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM property_care_visit_quarter vq
                            WHERE vq.unit_id = u.id AND vq.quarter_start = %(q)s))
                  FROM property_unit u
                 WHERE u.project_id = ANY(%(projects)s) AND u.active
                   AND u.occupancy = 'occupied'
              GROUP BY u.project_id
                """,
                q=quarter,
                projects=projects.ids,
            )
        )
        return {
            project_id: 100.0 * visited / total
            for project_id, total, visited in self.env.cr.fetchall()
            if total
        }

    def _measure_care_visit_quota(self, projects, date_from, date_to):
        """Visits of the project's staff in the month against their quotas."""
        rows = self.env["property.care.quota.report"].search_read(
            [("month", "=", date_from.replace(day=1))],
            ["user_id", "visit_count", "quota"],
        )
        by_user = {row["user_id"][0]: row for row in rows if row["user_id"]}
        result = {}
        for project in projects:
            staff = (
                project.building_ids.butler_id
                | project.service_head_id
                | project.manager_id
            )
            visits = sum(by_user[u.id]["visit_count"] for u in staff if u.id in by_user)
            quota = sum(by_user[u.id]["quota"] for u in staff if u.id in by_user)
            if quota:
                result[project.id] = 100.0 * visits / quota
        return result

    def _measure_care_black_conversion(self, projects, date_from, date_to):
        """Of the black customers worked with conversion actions (and not
        converted before the period), the share converted in the period."""
        Partner = self.env["res.partner"]
        worked = Partner._read_group(
            [
                ("property_project_id", "in", projects.ids),
                ("care_conversion_ids.date", "<", date_to),
                "|",
                ("care_converted_date", "=", False),
                ("care_converted_date", ">=", date_from),
            ],
            ["property_project_id", "care_converted_date:month"],
            ["__count"],
        )
        totals = defaultdict(int)
        converted = defaultdict(int)
        for project, month, count in worked:
            totals[project.id] += count
            if month and month < date_to:
                converted[project.id] += count
        return {pid: 100.0 * converted[pid] / total for pid, total in totals.items()}
