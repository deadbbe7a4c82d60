from odoo import fields, models


class PropertySurveyCampaign(models.Model):
    _inherit = "property.survey.campaign"

    insight_predicted_count = fields.Integer(
        string="Predicted Households Answered",
        compute="_compute_insight_outcome",
        help="Households of this month's early-warning work lists that were "
        "sampled and answered. The prediction never chooses who is sampled.",
    )
    insight_predicted_unhappy_count = fields.Integer(
        string="Predicted and Unhappy", compute="_compute_insight_outcome"
    )

    def _compute_insight_outcome(self):
        low = self.env["res.config.settings"]._property_int_param(
            "property_insight.unhappy_max_score"
        )
        risks_sudo = (
            self.env["property.insight.risk"]
            .sudo()
            .search_fetch(
                [
                    ("in_work_list", "=", True),
                    ("project_id", "in", self.project_id.ids),
                    ("month", "in", list(set(self.mapped("month")))),
                ],
                ["unit_id", "project_id", "month"],
            )
        )
        households_sudo = (
            self.env["property.survey.household"]
            .sudo()
            .search_fetch(
                [
                    ("campaign_id", "in", self.ids),
                    ("answered", "=", True),
                    ("unit_id", "in", risks_sudo.unit_id.ids),
                ],
                ["campaign_id", "unit_id", "overall_score"],
            )
        )
        predicted = {(r.project_id.id, r.month, r.unit_id.id) for r in risks_sudo}
        for campaign in self:
            answered = households_sudo.filtered(
                lambda h, c=campaign: (
                    h.campaign_id == c
                    and (c.project_id.id, c.month, h.unit_id.id) in predicted
                )
            )
            campaign.insight_predicted_count = len(answered)
            campaign.insight_predicted_unhappy_count = len(
                answered.filtered(lambda h: h.overall_score <= low)
            )

    def action_view_insight_predicted(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_insight.property_insight_risk_action"
        )
        action["domain"] = [
            ("in_work_list", "=", True),
            ("project_id", "=", self.project_id.id),
            ("month", "=", self.month),
        ]
        action["context"] = {}
        return action
