from odoo import api, fields, models
from odoo.tools import SQL


class PropertyInsightFeature(models.Model):
    _inherit = "property.insight.feature"

    care_overdue_3m = fields.Integer(
        string="Care touchpoints overdue in 3 months", readonly=True
    )
    care_visits_12m = fields.Integer(string="Visits in 12 months", readonly=True)
    care_days_since_visit = fields.Integer(
        string="Days since the last visit", readonly=True
    )
    care_last_visit_score = fields.Integer(
        string="Score of the last visit", readonly=True
    )

    @api.model
    def _insight_feature_sources(self):
        # a touchpoint is a fact of its deadline's month; it is overdue for
        # a later month until the month it was done in
        return super()._insight_feature_sources() | {
            "care_touchpoint": SQL(
                """
                SELECT r.unit_id, t.deadline AS date,
                       (date_part('year', t.done_date) * 12
                        + date_part('month', t.done_date) - 1)::int AS done_mi
                  FROM property_care_touchpoint t
                  JOIN property_residency r ON r.partner_id = t.partner_id
                                           AND r.role IN ('owner', 'co_owner')
                 WHERE t.kind != 'insight'
                """
            ),
            "care_visit": SQL(
                """
                SELECT v.unit_id, v.date, v.score
                  FROM property_care_visit v
                 WHERE v.unit_id IS NOT NULL
                """
            ),
        }

    @api.model
    def _insight_feature_defs(self):
        return [
            *super()._insight_feature_defs(),
            {
                "field": "care_overdue_3m",
                "driver": "inactivity",
                "source": "care_touchpoint",
                "agg": SQL(
                    "count(*) FILTER (WHERE k <= 3"
                    " AND (s.done_mi IS NULL OR s.done_mi >= s.mi + k))"
                ),
                "default": 0,
            },
            {
                "field": "care_visits_12m",
                "driver": "inactivity",
                "source": "care_visit",
                "agg": SQL("count(*)"),
                "default": 0,
            },
            {
                "field": "care_days_since_visit",
                "driver": "inactivity",
                "source": "care_visit",
                "agg": SQL("max(s.date)"),
                "days_since": True,
            },
            {
                "field": "care_last_visit_score",
                "driver": "satisfaction",
                "source": "care_visit",
                "agg": SQL(
                    "(array_agg(s.score ORDER BY s.date DESC)"
                    " FILTER (WHERE s.score > 0))[1]"
                ),
                "default": 0,
            },
        ]
