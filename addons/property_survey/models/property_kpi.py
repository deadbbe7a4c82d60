from collections import defaultdict

from odoo import models


class PropertyKpi(models.Model):
    _inherit = "property.kpi"

    def _get_measures(self):
        measures = super()._get_measures()
        measures["satisfaction"] = self._measure_survey_satisfaction
        measures["loyalty"] = self._measure_survey_loyalty
        return measures

    def _survey_rates(self, projects, date_from, date_to):
        """``{project_id: (answered, satisfied, loyal)}`` of the period.

        Completed campaign answers plus imported historical results, each one
        grouped query.
        """
        totals = defaultdict(lambda: [0, 0, 0])
        for project, satisfied, loyal, count in self.env[
            "survey.user_input"
        ].sudo()._read_group(
            [
                ("property_project_id", "in", projects.ids),
                ("property_month", ">=", date_from),
                ("property_month", "<", date_to),
                ("property_campaign_id", "!=", False),
                ("state", "=", "done"),
            ],
            ["property_project_id", "property_satisfied", "property_loyal"],
            ["__count"],
        ):
            row = totals[project.id]
            row[0] += count
            row[1] += count if satisfied else 0
            row[2] += count if loyal else 0
        for project, answered, satisfied, loyal in self.env[
            "property.survey.history"
        ].sudo()._read_group(
            [
                ("project_id", "in", projects.ids),
                ("month", ">=", date_from),
                ("month", "<", date_to),
            ],
            ["project_id"],
            ["sample_size:sum", "satisfied_count:sum", "loyal_count:sum"],
        ):
            row = totals[project.id]
            row[0] += answered
            row[1] += satisfied
            row[2] += loyal
        return totals

    def _measure_survey_satisfaction(self, projects, date_from, date_to):
        return {
            project_id: 100.0 * row[1] / row[0]
            for project_id, row in self._survey_rates(projects, date_from, date_to).items()
            if row[0]
        }

    def _measure_survey_loyalty(self, projects, date_from, date_to):
        return {
            project_id: 100.0 * row[2] / row[0]
            for project_id, row in self._survey_rates(projects, date_from, date_to).items()
            if row[0]
        }
