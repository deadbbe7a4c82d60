from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class PropertyInsightRisk(models.Model):
    _inherit = "property.insight.risk"

    touchpoint_ids = fields.One2many("property.care.touchpoint", "insight_risk_id")

    @api.model
    def _score(self, month, backtest, model):
        created = super()._score(month, backtest, model)
        self._create_touchpoints(month)
        return created

    @api.model
    def _create_touchpoints(self, month):
        """One proactive touchpoint for the grid butler per household of the
        month's work list: a house check when repairs drive its risk, an
        invitation visit otherwise. Unique per risk: a rerun creates none."""
        risks = self.search(
            [
                ("month", "=", month),
                ("company_id", "=", self.env.company.id),
                ("in_work_list", "=", True),
                ("partner_id", "!=", False),
                ("touchpoint_ids", "=", False),
            ]
        )
        if not risks:
            return []
        touchpoints = self.env["property.care.touchpoint"]
        today = fields.Date.context_today(self)
        deadline = today + timedelta(
            days=self.env["res.config.settings"]._property_param(
                "property_care.proactive_days_allowed"
            )
        )
        rows = []
        for risk in risks:
            butler = risk.butler_id
            # written for the butler: in the butler's language
            risk_lang = risk.with_context(lang=butler.lang or self.env.lang)
            if risk.driver == "repairs":
                action = "inspection"
                name = risk_lang.env._("Early warning: house check")
            elif risk.driver == "inactivity":
                action = "visit"
                name = risk_lang.env._("Early warning: invitation visit")
            else:
                action = "visit"
                name = risk_lang.env._("Early warning: care visit")
            description = risk_lang.env._(
                "Predicted risk of an unhappy survey answer: %(risk)s %%\n%(reasons)s",
                risk=f"{risk.risk:.0f}",
                reasons=risk_lang.reasons,
            )
            rows.append(
                SQL(
                    "(%s, 'insight', %s, %s, %s, %s, %s, %s, 'butler', %s::date,"
                    " %s::date, %s::int, 'planned', %s, %s::int)",
                    name,
                    risk.partner_id.id,
                    risk.unit_id.id,
                    risk.building_id.id,
                    risk.project_id.id,
                    risk.company_id.id,
                    action,
                    today,
                    deadline,
                    butler.id or None,
                    description,
                    risk.id,
                )
            )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_care_touchpoint
                    (name, kind, partner_id, unit_id, building_id, project_id,
                     company_id, action, role, due_date, deadline, user_id, state,
                     description, insight_risk_id,
                     create_uid, create_date, write_uid, write_date)
                SELECT v.*, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM (VALUES %(rows)s) AS v
                ON CONFLICT (insight_risk_id) DO NOTHING
                RETURNING id
                """,
                rows=SQL(", ").join(rows),
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        new_ids = [row[0] for row in self.env.cr.fetchall()]
        touchpoints.invalidate_model()
        new_touchpoints = touchpoints.browse(new_ids)
        new_touchpoints._schedule_activities_quietly()
        touchpoints._notify_new_touchpoints(new_touchpoints)
        self.invalidate_model(["touchpoint_ids"])
        return new_ids
