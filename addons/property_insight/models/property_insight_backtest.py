import numpy as np
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from . import insight_learning as learning


class PropertyInsightBacktest(models.Model):
    """A rolling-origin back-test: for every month M with survey answers, a
    model trained on the months before M scores M's sampled households and
    is compared with what they answered, and with today's health score."""

    _name = "property.insight.backtest"
    _description = "Early Warning Back-test"
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    date = fields.Datetime(
        string="Run On", required=True, readonly=True, default=fields.Datetime.now
    )
    target_month = fields.Date(
        string="Month Scored",
        required=True,
        readonly=True,
        help="The month the model trained here predicts.",
    )
    month_ids = fields.One2many("property.insight.backtest.month", "backtest_id")
    sample_count = fields.Integer(string="Answers Scored", readonly=True)
    unhappy_count = fields.Integer(string="Unhappy", readonly=True)
    auc = fields.Float(string="Model AUC", digits=(3, 3), readonly=True)
    health_auc = fields.Float(string="Health Score AUC", digits=(3, 3), readonly=True)
    auc_lift = fields.Float(
        string="AUC Lift over Health Score", digits=(3, 3), readonly=True
    )
    precision_5 = fields.Float(string="Precision Top 5 %", readonly=True)
    recall_5 = fields.Float(string="Recall Top 5 %", readonly=True)
    precision_10 = fields.Float(string="Precision Top 10 %", readonly=True)
    recall_10 = fields.Float(string="Recall Top 10 %", readonly=True)
    health_precision_10 = fields.Float(
        string="Health Score Precision Top 10 %", readonly=True
    )
    mean_predicted = fields.Float(string="Predicted Unhappy %", readonly=True)
    observed_rate = fields.Float(string="Observed Unhappy %", readonly=True)
    beats_health = fields.Boolean(
        string="Beats the Health Score",
        readonly=True,
        help="AUC at least the minimum of the Settings and above the health "
        "score's AUC on the same households.",
    )
    use_for_work_list = fields.Boolean(readonly=True)
    weights = fields.Text(
        string="Model Weights",
        readonly=True,
        help="Weight of each standardised feature in the model trained on "
        "every month before the month scored; positive raises the risk.",
    )

    @api.depends("target_month", "date")
    def _compute_name(self):
        for backtest in self:
            backtest.name = self.env._(
                "Back-test for %(month)s",
                month=backtest.target_month and backtest.target_month.strftime("%Y-%m"),
            )

    def action_view_chart(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_insight.property_insight_backtest_month_action"
        )
        action["domain"] = [("backtest_id", "=", self.id)]
        return action

    # ---- running --------------------------------------------------------------

    @api.model
    def _dataset(self, first_month, last_month):
        """Feature rows of the households that answered, with their label.

        Returns ``(months, x, y, health)`` as numpy arrays; ``health`` is the
        owner's health score of today (higher = healthier).
        """
        feature_fields = self.env["property.insight.feature"]._insight_feature_fields()
        low = self.env["res.config.settings"]._property_int_param(
            "property_insight.unhappy_max_score"
        )
        base = self.env["res.config.settings"]._property_int_param(
            "property_base.health_base_score"
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT f.month, h.overall_score <= %(low)s,
                       COALESCE(p.health_score, %(base)s), %(columns)s
                  FROM property_insight_feature f
                  JOIN property_survey_campaign c
                    ON c.month = f.month AND c.project_id = f.project_id
                  JOIN property_survey_household h
                    ON h.campaign_id = c.id AND h.unit_id = f.unit_id AND h.answered
             LEFT JOIN res_partner p ON p.id = h.partner_id
                 WHERE f.month BETWEEN %(first)s AND %(last)s
                   AND f.company_id = %(company)s
              ORDER BY f.month, f.unit_id
                """,
                low=low,
                base=base,
                columns=SQL(", ").join(
                    SQL("f.%s", SQL.identifier(name)) for name in feature_fields
                ),
                first=first_month,
                last=last_month,
                company=self.env.company.id,
            )
        )
        rows = self.env.cr.fetchall()
        months = np.array([row[0] for row in rows], dtype="datetime64[D]")
        y = np.array([row[1] for row in rows], dtype=float)
        health = np.array([row[2] for row in rows], dtype=float)
        x = np.array([row[3:] for row in rows], dtype=float).reshape(
            len(rows), len(feature_fields)
        )
        return months, x, y, health

    @api.model
    def _run(self, target_month):
        """Back-test the months with answers before ``target_month``.

        Reads the features built by ``_build_history``, stores the result
        and returns
        ``(backtest, model)``: the model trained on every month before the
        target (``None`` when there is too little to learn from).
        """
        param = self.env["res.config.settings"]._property_int_param
        first = self.env["property.insight.feature"]._history_start(target_month)
        months, x, y, health = self._dataset(
            first, target_month - relativedelta(months=1)
        )
        scored_y, scored_p, scored_health, lines = [], [], [], []
        for month in np.unique(months):
            train = months < month
            if not learning.can_train(y[train]):
                continue
            test = months == month
            model = learning.RiskModel(x[train], y[train])
            predicted = model.predict(x[test])
            lines.append(
                self._metrics(y[test], predicted, health[test])
                | {"month": month.item(), "train_count": int(train.sum())}
            )
            scored_y.append(y[test])
            scored_p.append(predicted)
            scored_health.append(health[test])
        values = {"target_month": target_month, "month_ids": [(0, 0, v) for v in lines]}
        if lines:
            values |= self._metrics(
                np.concatenate(scored_y),
                np.concatenate(scored_p),
                np.concatenate(scored_health),
            )
        min_auc = param("property_insight.min_auc_percent") / 100.0
        values["auc_lift"] = values.get("auc", 0.0) - values.get("health_auc", 0.0)
        values["beats_health"] = bool(
            lines and values["auc"] >= min_auc and values["auc"] > values["health_auc"]
        )
        values["use_for_work_list"] = values["beats_health"] or bool(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("property_insight.allow_weak_model")
        )
        model = learning.RiskModel(x, y) if learning.can_train(y) else None
        if model:
            feature_model = self.env["property.insight.feature"]
            labels = [
                feature_model._fields[name].get_description(self.env)["string"]
                for name in feature_model._insight_feature_fields()
            ]
            values["weights"] = "\n".join(
                f"{weight:+.2f} {label}"
                for weight, label in sorted(
                    zip(model.coefficients, labels, strict=True), reverse=True
                )
            )
        return self.create(values), model

    @api.model
    def _metrics(self, y, predicted, health):
        precision_5, recall_5 = learning.top_share(y, predicted, 0.05)
        precision_10, recall_10 = learning.top_share(y, predicted, 0.10)
        health_precision_10 = learning.top_share(y, -health, 0.10)[0]
        return {
            "sample_count": len(y),
            "unhappy_count": int(y.sum()),
            "auc": learning.auc(y, predicted),
            "health_auc": learning.auc(y, -health),
            "precision_5": 100 * precision_5,
            "recall_5": 100 * recall_5,
            "precision_10": 100 * precision_10,
            "recall_10": 100 * recall_10,
            "health_precision_10": 100 * health_precision_10,
            "mean_predicted": 100 * float(predicted.mean()),
            "observed_rate": 100 * float(y.mean()),
        }
