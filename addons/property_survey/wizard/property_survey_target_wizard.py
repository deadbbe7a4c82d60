import math

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertySurveyTargetWizard(models.TransientModel):
    """目标值测算: how many neutral households must become satisfied."""

    _name = "property.survey.target.wizard"
    _description = "Satisfaction Target Calculator"

    def _default_target(self):
        kpi = self.env["property.kpi"].search([("code", "=", "satisfaction")], limit=1)
        return kpi.target or 85.0

    campaign_id = fields.Many2one("property.survey.campaign", required=True)
    target_rate = fields.Float(string="Target (%)", required=True, default=_default_target)
    answered_count = fields.Integer(compute="_compute_figures", string="Answered")
    satisfied_count = fields.Integer(compute="_compute_figures", string="Satisfied")
    neutral_count = fields.Integer(
        compute="_compute_figures", string="Households Scoring 3"
    )
    current_rate = fields.Float(
        compute="_compute_figures", string="Current (%)", digits=(5, 1)
    )
    needed_count = fields.Integer(
        compute="_compute_figures", string="Households to Win Back"
    )
    explanation = fields.Text(compute="_compute_figures")

    @api.model
    def _needed(self, answered, satisfied, target):
        """Smallest k with (satisfied + k) / answered >= target %, never < 0."""
        if not answered:
            return 0
        return max(0, math.ceil(round(target * answered / 100.0 - satisfied, 9)))

    def _neutral_domain(self):
        return [
            ("property_campaign_id", "=", self.campaign_id.id),
            ("state", "=", "done"),
            ("property_overall_score", "=", 3),
        ]

    @api.depends("campaign_id", "target_rate")
    def _compute_figures(self):
        for wizard in self:
            campaign = wizard.campaign_id
            answered, satisfied = campaign.answered_count, campaign.satisfied_count
            neutral = (
                self.env["survey.user_input"].search_count(wizard._neutral_domain())
                if campaign
                else 0
            )
            needed = wizard._needed(answered, satisfied, wizard.target_rate)
            wizard.answered_count = answered
            wizard.satisfied_count = satisfied
            wizard.neutral_count = neutral
            wizard.current_rate = 100.0 * satisfied / answered if answered else 0.0
            wizard.needed_count = needed
            if not answered:
                text = self.env._("No household has answered this campaign yet.")
            elif not needed:
                text = self.env._(
                    "%(satisfied)s of %(answered)s households are satisfied "
                    "(%(rate).1f%%): the target of %(target).1f%% is reached.",
                    satisfied=satisfied,
                    answered=answered,
                    rate=wizard.current_rate,
                    target=wizard.target_rate,
                )
            else:
                text = self.env._(
                    "%(satisfied)s of %(answered)s households are satisfied "
                    "(%(rate).1f%%). To reach %(target).1f%%, at least "
                    "%(target).1f%% × %(answered)s = %(goal).2f, rounded up to "
                    "%(goal_int)s, households must score 4 or 5: %(needed)s of the "
                    "%(neutral)s households who scored 3 must be won back.",
                    satisfied=satisfied,
                    answered=answered,
                    rate=wizard.current_rate,
                    target=wizard.target_rate,
                    goal=wizard.target_rate * answered / 100.0,
                    goal_int=satisfied + needed,
                    needed=needed,
                    neutral=neutral,
                )
                if needed > neutral:
                    text += "\n" + self.env._(
                        "Winning back every 3-score household is not enough: "
                        "households scoring 1-2 must be won back too."
                    )
            wizard.explanation = text

    @api.constrains("target_rate")
    def _check_target(self):
        for wizard in self:
            if not 0 < wizard.target_rate <= 100:
                raise UserError(self.env._("The target is a percentage from 0 to 100."))

    def action_work_list(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.survey_user_input_action_property"
        )
        action["name"] = self.env._("Households to Win Back")
        action["domain"] = self._neutral_domain()
        action["context"] = {}
        return action
