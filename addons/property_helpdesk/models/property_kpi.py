from collections import defaultdict

from odoo import models


class PropertyKpi(models.Model):
    _inherit = "property.kpi"

    def _get_measures(self):
        return super()._get_measures() | {
            "complaint_rate": self._measure_complaint_rate,
            "complaint_on_time": self._measure_complaint_on_time,
            "response_timeliness": self._measure_response_timeliness,
            "resolution_satisfaction": self._measure_resolution_satisfaction,
            "first_time_fix": self._measure_first_time_fix,
            "rectification_pass_rate": self._measure_rectification_pass_rate,
        }

    def _period(self, field, projects, date_from, date_to):
        return [
            ("project_id", "in", projects.ids),
            (field, ">=", date_from),
            (field, "<", date_to),
        ]

    def _measure_complaint_rate(self, projects, date_from, date_to):
        """Complaints of the month per 100 handed-over households."""
        complaints = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("kind", "=", "complaint")]
                + self._period("reported_date", projects, date_from, date_to),
                ["project_id"],
                ["__count"],
            )
        )
        return {
            project.id: 100.0 * complaints.get(project, 0) / project.household_count
            for project in projects
            if project.household_count
        }

    def _measure_complaint_on_time(self, projects, date_from, date_to):
        """Share of the complaints resolved in the month within their deadline."""
        return self._share_per_project(
            "helpdesk.ticket",
            [("kind", "=", "complaint")]
            + self._period("resolve_date", projects, date_from, date_to),
            "project_id",
            "resolve_breached",
            False,
        )

    def _measure_response_timeliness(self, projects, date_from, date_to):
        """Share of the tickets of the month acknowledged in time."""
        return self._share_per_project(
            "helpdesk.ticket",
            [("ack_deadline", "!=", False)]
            + self._period("reported_date", projects, date_from, date_to),
            "project_id",
            "ack_breached",
            False,
        )

    def _measure_first_time_fix(self, projects, date_from, date_to):
        """Share of the repairs resolved in the month never reopened."""
        return self._share_per_project(
            "helpdesk.ticket",
            [("kind", "=", "repair")]
            + self._period("resolve_date", projects, date_from, date_to),
            "project_id",
            "first_time_fix",
            True,
        )

    def _measure_resolution_satisfaction(self, projects, date_from, date_to):
        """Share of the callbacks of the month scoring 4 or 5."""
        totals = defaultdict(int)
        satisfied = defaultdict(int)
        for project, score, count in self.env["property.ticket.callback"]._read_group(
            [("state", "=", "done")]
            + self._period("done_date", projects, date_from, date_to),
            ["project_id", "score"],
            ["__count"],
        ):
            totals[project.id] += count
            if score >= 4:
                satisfied[project.id] += count
        return {pid: 100.0 * satisfied[pid] / total for pid, total in totals.items()}

    def _measure_rectification_pass_rate(self, projects, date_from, date_to):
        """Share of the defects rectified in the month that passed the first
        re-inspection."""
        totals = defaultdict(int)
        passed = defaultdict(int)
        for project, count_reinspections, result, count in self.env[
            "helpdesk.ticket"
        ]._read_group(
            [("kind", "=", "defect"), ("reinspection_count", ">", 0)]
            + self._period("rectified_date", projects, date_from, date_to),
            ["project_id", "reinspection_count", "reinspection_result"],
            ["__count"],
        ):
            totals[project.id] += count
            if count_reinspections == 1 and result == "pass":
                passed[project.id] += count
        return {pid: 100.0 * passed[pid] / total for pid, total in totals.items()}
