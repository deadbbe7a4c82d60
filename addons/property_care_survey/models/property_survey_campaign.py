from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class PropertySurveyCampaign(models.Model):
    """Closing a campaign sends the butlers to the households that scored 3."""

    _inherit = "property.survey.campaign"

    winback_touchpoint_ids = fields.One2many(
        "property.care.touchpoint", "survey_campaign_id", string="Win-back Visits"
    )
    winback_count = fields.Integer(
        string="Households to Win Back", compute="_compute_winback_figures"
    )
    winback_visited_count = fields.Integer(
        string="Visited", compute="_compute_winback_figures"
    )
    winback_next_answered_count = fields.Integer(
        string="Answered Next Month", compute="_compute_winback_figures"
    )
    winback_next_satisfied_count = fields.Integer(
        string="Satisfied Next Month", compute="_compute_winback_figures"
    )

    @api.depends("winback_touchpoint_ids.state", "month", "project_id")
    def _compute_winback_figures(self):
        next_months = {c.id: c.month + relativedelta(months=1) for c in self if c.month}
        answers = self.env["survey.user_input"].search(
            [
                ("property_project_id", "in", self.project_id.ids),
                ("property_month", "in", list(set(next_months.values()))),
                ("state", "=", "done"),
                ("property_unit_id", "in", self.winback_touchpoint_ids.unit_id.ids),
            ]
        )
        by_key = {
            (a.property_project_id.id, a.property_month, a.property_unit_id.id): a
            for a in answers
        }
        for campaign in self:
            touchpoints = campaign.winback_touchpoint_ids
            campaign.winback_count = len(touchpoints)
            campaign.winback_visited_count = len(
                touchpoints.filtered(lambda t: t.state == "done" or t.visit_ids)
            )
            followed = [
                by_key.get(
                    (campaign.project_id.id, next_months.get(campaign.id), unit.id)
                )
                for unit in touchpoints.unit_id
            ]
            followed = [a for a in followed if a]
            campaign.winback_next_answered_count = len(followed)
            campaign.winback_next_satisfied_count = len(
                [a for a in followed if a.property_satisfied]
            )

    def write(self, vals):
        closing = (
            self.filtered(lambda c: c.state != "closed")
            if vals.get("state") == "closed"
            else self.browse()
        )
        result = super().write(vals)
        closing._plan_winback_visits()
        return result

    def _neutral_answers(self):
        """The target calculator's work list: answers that scored 3."""
        return self.env["survey.user_input"].search(
            [
                ("property_campaign_id", "in", self.ids),
                ("state", "=", "done"),
                ("property_overall_score", "=", 3),
                ("partner_id", "!=", False),
            ]
        )

    def _plan_winback_visits(self):
        """One conversion visit per 3-score household and campaign, for its butler."""
        if not self:
            return
        Touchpoint = self.env["property.care.touchpoint"].sudo()
        existing = set(
            Touchpoint.search(
                [("survey_campaign_id", "in", self.ids)]
            ).survey_answer_id.ids
        )
        days = self.env["res.config.settings"]._property_param(
            "property_care_survey.winback_days"
        )
        today = fields.Date.context_today(self)
        vals_list = []
        for answer in self._neutral_answers():
            if answer.id in existing:
                continue
            unit = answer.property_unit_id
            vals_list.append(
                {
                    "name": self.env._(
                        "Win-back visit after %s", answer.property_campaign_id.name
                    ),
                    "kind": "winback",
                    "action": "visit",
                    "partner_id": answer.partner_id.id,
                    "unit_id": unit.id,
                    "building_id": unit.building_id.id,
                    "project_id": unit.project_id.id,
                    "company_id": answer.property_campaign_id.company_id.id,
                    "user_id": Touchpoint._care_responsible(answer.partner_id, unit).id,
                    "due_date": today,
                    "deadline": today + timedelta(days=days),
                    "description": self.env._(
                        "Scored 3 (neutral) in %s: find out what would make them "
                        "satisfied.",
                        answer.property_campaign_id.name,
                    ),
                    "survey_campaign_id": answer.property_campaign_id.id,
                    "survey_answer_id": answer.id,
                }
            )
        Touchpoint.create(vals_list)

    def action_view_winback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_care.property_care_touchpoint_action"
        )
        action["domain"] = [("survey_campaign_id", "=", self.id)]
        action["context"] = {}
        return action
