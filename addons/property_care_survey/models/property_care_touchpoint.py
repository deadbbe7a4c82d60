from odoo import fields, models


class PropertyCareTouchpoint(models.Model):
    _inherit = "property.care.touchpoint"

    kind = fields.Selection(
        selection_add=[("winback", "Satisfaction Win-back")],
        ondelete={"winback": "set default"},
    )
    survey_campaign_id = fields.Many2one(
        "property.survey.campaign",
        string="Win-back of Campaign",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    survey_answer_id = fields.Many2one(
        "survey.user_input", string="Neutral Answer", readonly=True
    )

    _winback_uniq = models.UniqueIndex(
        "(survey_campaign_id, survey_answer_id) WHERE survey_campaign_id IS NOT NULL",
        "A household gets one win-back visit per campaign.",
    )
