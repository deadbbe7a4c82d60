import json

import numpy as np

from odoo import api, fields, models
from odoo.tools import SQL

DRIVERS = [
    ("repairs", "Repairs and Complaints"),
    ("inactivity", "Inactivity"),
    ("satisfaction", "Past Dissatisfaction"),
    ("relationship", "Relationship"),
    ("tenure", "Years of Ownership"),
]


class PropertyInsightRisk(models.Model):
    """One household's predicted risk of an unhappy answer in one month.

    Written once per household and month by the monthly scoring (unique
    key): the highest risks of each grid form the butler's work list.
    """

    _name = "property.insight.risk"
    _description = "Household Risk of the Month"
    _order = "month desc, building_id, grid_rank"
    _rec_name = "unit_id"

    month = fields.Date(required=True, readonly=True, index=True)
    unit_id = fields.Many2one(
        "property.unit", string="Household", required=True, readonly=True
    )
    building_id = fields.Many2one(
        "property.building", string="Grid", readonly=True, index=True
    )
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Owner", readonly=True)
    butler_id = fields.Many2one(
        "res.users", string="Grid Butler", readonly=True, index=True
    )
    backtest_id = fields.Many2one(
        "property.insight.backtest", readonly=True, ondelete="set null"
    )
    risk = fields.Float(
        string="Risk (%)",
        digits=(5, 1),
        readonly=True,
        aggregator="avg",
        help="Predicted chance that the household answers the survey of this "
        "month with an overall score at or below the unhappy score.",
    )
    reason_data = fields.Json(readonly=True)
    reasons = fields.Text(string="Top Reasons", compute="_compute_reasons")
    driver = fields.Selection(DRIVERS, readonly=True)
    grid_rank = fields.Integer(string="Rank in Grid", readonly=True)
    in_work_list = fields.Boolean(readonly=True, index=True)
    survey_score = fields.Integer(
        compute="_compute_survey_outcome",
        help="Overall score the household gave in this month's survey, when "
        "it was sampled and answered.",
    )
    outcome = fields.Selection(
        [
            ("unhappy", "Unhappy"),
            ("satisfied", "Not Unhappy"),
            ("not_answered", "Not Sampled or No Answer"),
        ],
        compute="_compute_survey_outcome",
    )

    _unit_month_uniq = models.Constraint(
        "unique(unit_id, month)", "A household has one risk per month."
    )

    @api.depends("reason_data")
    @api.depends_context("lang")
    def _compute_reasons(self):
        feature_fields = self.env["property.insight.feature"]._fields
        for risk in self:
            risk.reasons = "\n".join(
                f"{feature_fields[name].get_description(self.env)['string']}: {value:g}"
                for name, value in risk.reason_data or []
                if name in feature_fields
            )

    def _compute_survey_outcome(self):
        low = self.env["res.config.settings"]._property_int_param(
            "property_insight.unhappy_max_score"
        )
        scores = {
            (unit.id, month): score
            for unit, month, score in self.env["property.survey.household"]
            .sudo()
            ._read_group(
                [
                    ("unit_id", "in", self.unit_id.ids),
                    ("campaign_id.month", "in", list(set(self.mapped("month")))),
                    ("answered", "=", True),
                ],
                ["unit_id", "campaign_id.month:day"],
                ["overall_score:max"],
            )
        }
        for risk in self:
            score = scores.get((risk.unit_id.id, risk.month), 0)
            risk.survey_score = score
            if not score:
                risk.outcome = "not_answered"
            else:
                risk.outcome = "unhappy" if score <= low else "satisfied"

    # ---- scoring --------------------------------------------------------------

    @api.model
    def _score_month(self, month):
        """Back-test, then score every household of ``month`` and mark each
        grid's work list; a model that does not beat the health score scores
        nothing. Returns the back-test."""
        self.env["property.insight.feature"]._build_history(month)
        backtest, model = self.env["property.insight.backtest"]._run(month)
        if model is not None and backtest.use_for_work_list:
            self._score(month, backtest, model)
        return backtest

    @api.model
    def _score(self, month, backtest, model):
        """Store every household's risk of ``month`` with its reasons, once
        (unique key), and rank them; return how many were new."""
        feature_model = self.env["property.insight.feature"]
        defs = feature_model._insight_feature_defs()
        names = [d["field"] for d in defs]
        drivers = [d["driver"] for d in defs]
        self.env.cr.execute(
            SQL(
                """
                SELECT f.unit_id, f.building_id, f.project_id, f.partner_id,
                       b.butler_id, %(columns)s
                  FROM property_insight_feature f
             LEFT JOIN property_building b ON b.id = f.building_id
                 WHERE f.month = %(month)s AND f.company_id = %(company)s
                 ORDER BY f.unit_id
                """,
                columns=SQL(", ").join(
                    SQL("f.%s", SQL.identifier(name)) for name in names
                ),
                month=month,
                company=self.env.company.id,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return 0
        x = np.array([row[5:] for row in rows], dtype=float)
        risk = 100 * model.predict(x)
        contributions = model.contributions(x)
        top = np.argsort(-contributions, axis=1, kind="stable")[:, :3]
        reasons, top_drivers = [], []
        for index, columns in enumerate(top):
            reasons.append(
                [
                    [names[column], float(x[index, column])]
                    for column in columns
                    if contributions[index, column] > 0
                ]
            )
            top_drivers.append(drivers[columns[0]])
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_insight_risk
                    (month, company_id, backtest_id, unit_id, building_id,
                     project_id, partner_id, butler_id, risk, reason_data, driver,
                     in_work_list, create_uid, create_date, write_uid, write_date)
                SELECT %(month)s, %(company)s, %(backtest)s, v.*, FALSE,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(units)s::int[], %(buildings)s::int[],
                              %(projects)s::int[], %(partners)s::int[],
                              %(butlers)s::int[], %(risks)s::float8[],
                              %(reasons)s::jsonb[], %(drivers)s::varchar[]) AS v
                ON CONFLICT (unit_id, month) DO NOTHING
                """,
                month=month,
                company=self.env.company.id,
                backtest=backtest.id,
                units=[row[0] for row in rows],
                buildings=[row[1] for row in rows],
                projects=[row[2] for row in rows],
                partners=[row[3] for row in rows],
                butlers=[row[4] for row in rows],
                risks=[round(float(value), 1) for value in risk],
                reasons=[json.dumps(reason) for reason in reasons],
                drivers=top_drivers,
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        created = self.env.cr.rowcount
        if created:
            self._rank(month)
        self.invalidate_model()
        return created

    @api.model
    def _rank(self, month):
        """Rank each grid's households by risk; the first of each grid at
        or above the threshold form its work list."""
        param = self.env["res.config.settings"]._property_int_param
        self.env.cr.execute(
            SQL(
                """
                UPDATE property_insight_risk r
                   SET grid_rank = ranked.rank,
                       in_work_list = ranked.rank <= %(size)s
                                      AND r.risk >= %(threshold)s
                  FROM (SELECT id, row_number() OVER (
                                PARTITION BY building_id
                                ORDER BY risk DESC, unit_id) AS rank
                          FROM property_insight_risk
                         WHERE month = %(month)s AND company_id = %(company)s
                       ) ranked
                 WHERE r.id = ranked.id
                """,
                size=param("property_insight.work_list_size"),
                threshold=param("property_insight.risk_threshold_percent"),
                month=month,
                company=self.env.company.id,
            )
        )

    def action_score_this_month(self):
        """Button of the work list (whatever rows are selected): score the
        current month now."""
        self.check_access("create")
        month = fields.Date.context_today(self).replace(day=1)
        backtest = self._score_month(month)
        if not backtest.use_for_work_list:
            # the back-test says why: no work list from a model that does
            # not beat the health score
            return {
                "type": "ir.actions.act_window",
                "res_model": "property.insight.backtest",
                "res_id": backtest.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_insight.property_insight_risk_action"
        )
        action["context"] = {
            "search_default_this_month": 1,
            "search_default_work_list": 1,
        }
        return action

    @api.model
    def _cron_score_month(self):
        """Monthly: score the current month for every company."""
        month = fields.Date.context_today(self).replace(day=1)
        for company in self.env["res.company"].search([]):
            self.with_company(company)._score_month(month)
