from odoo import fields, models
from odoo.tools import SQL


class PropertySurveyResult(models.Model):
    """Satisfaction and loyalty per project and month (answers + imports).

    Campaign rows read the answer counts stored on each campaign (one row a
    project and month, kept up to date as answers are completed), not the
    answers themselves.
    """

    _name = "property.survey.result"
    _description = "Satisfaction Results"
    _auto = False
    _order = "month desc, project_id"
    _depends = {
        "property.survey.campaign": [
            "project_id",
            "month",
            "answered_count",
            "satisfied_count",
            "loyal_count",
        ],
        "property.survey.history": [
            "project_id",
            "month",
            "sample_size",
            "satisfied_count",
            "loyal_count",
        ],
        "property.kpi": ["code", "target"],
        "property.project": ["company_id"],
    }

    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    source = fields.Selection(
        [("campaign", "Campaign"), ("import", "Imported")], readonly=True
    )
    answered_count = fields.Integer(string="Answered", readonly=True)
    satisfied_count = fields.Integer(string="Satisfied", readonly=True)
    loyal_count = fields.Integer(string="Loyal", readonly=True)
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    loyalty_rate = fields.Float(
        string="Loyalty (%)", readonly=True, aggregator="avg", digits=(5, 1)
    )
    satisfaction_target = fields.Float(
        string="Satisfaction Target (%)", readonly=True, aggregator="avg"
    )
    loyalty_target = fields.Float(
        string="Loyalty Target (%)", readonly=True, aggregator="avg"
    )
    satisfaction_gap = fields.Float(
        string="Satisfaction vs Target", readonly=True, aggregator="avg", digits=(5, 1)
    )

    @property
    def _table_query(self):
        return SQL(
            """
                    WITH targets AS (
                        SELECT
                            COALESCE(
                                MAX(target) FILTER (WHERE code = 'satisfaction'), 0
                            ) AS satisfaction,
                            COALESCE(MAX(target) FILTER (WHERE code = 'loyalty'), 0)
                                AS loyalty
                          FROM property_kpi
                    ), rows AS (
                        SELECT c.project_id, c.month, 'campaign' AS source,
                               c.answered_count, c.satisfied_count, c.loyal_count
                          FROM property_survey_campaign c
                         WHERE c.answered_count > 0
                     UNION ALL
                        SELECT h.project_id, h.month, 'import', h.sample_size,
                               h.satisfied_count, h.loyal_count
                          FROM property_survey_history h
                    )
                    SELECT (r.project_id::bigint * 1000000
                            + EXTRACT(YEAR FROM r.month)::bigint * 100
                            + EXTRACT(MONTH FROM r.month)::bigint) * 2
                            + CASE r.source WHEN 'import' THEN 1 ELSE 0 END AS id,
                           r.project_id, pp.company_id,
                           r.month, r.source, r.answered_count, r.satisfied_count,
                           r.loyal_count,
                           100.0 * r.satisfied_count / NULLIF(r.answered_count, 0)
                               AS satisfaction_rate,
                           100.0 * r.loyal_count / NULLIF(r.answered_count, 0)
                               AS loyalty_rate,
                           t.satisfaction AS satisfaction_target,
                           t.loyalty AS loyalty_target,
                           100.0 * r.satisfied_count / NULLIF(r.answered_count, 0)
                               - t.satisfaction AS satisfaction_gap
                      FROM rows r
                      JOIN property_project pp ON pp.id = r.project_id
                     CROSS JOIN targets t
                """
        )
