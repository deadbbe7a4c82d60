from collections import defaultdict

from odoo import fields, models


class PropertySurveyCampaign(models.Model):
    """Who entered the answers: owners themselves or staff on the phone.

    A campaign's satisfaction is only believable when the rate of the answers
    owners entered (e-mail, portal) and the rate of those an interviewer
    entered are shown side by side: a gap between them is what the quality
    department looks at.
    """

    _inherit = "property.survey.campaign"  # pylint: disable=consider-merging-classes-inherited

    owner_answered_count = fields.Integer(
        string="Entered by Owners", compute="_compute_entry_figures"
    )
    owner_satisfaction_rate = fields.Float(
        string="Satisfaction Entered by Owners (%)",
        compute="_compute_entry_figures",
        digits=(5, 1),
    )
    staff_answered_count = fields.Integer(
        string="Entered by Staff", compute="_compute_entry_figures"
    )
    staff_satisfaction_rate = fields.Float(
        string="Satisfaction Entered by Staff (%)",
        compute="_compute_entry_figures",
        digits=(5, 1),
    )

    def _compute_entry_figures(self):
        figures = defaultdict(lambda: defaultdict(int))
        for campaign, channel, satisfied, count in (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("property_campaign_id", "in", self._origin.ids),
                    ("state", "=", "done"),
                ],
                ["property_campaign_id", "property_channel", "property_satisfied"],
                ["__count"],
            )
        ):
            who = "staff" if channel == "phone" else "owner"
            figures[campaign.id][who] += count
            figures[campaign.id][f"{who}_satisfied"] += count if satisfied else 0
        for campaign in self:
            fig = figures[campaign._origin.id]
            for who in ("owner", "staff"):
                answered = fig[who]
                campaign[f"{who}_answered_count"] = answered
                campaign[f"{who}_satisfaction_rate"] = (
                    100.0 * fig[f"{who}_satisfied"] / answered if answered else 0.0
                )
