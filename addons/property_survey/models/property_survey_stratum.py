from odoo import fields, models


class PropertySurveyStratum(models.Model):
    """One building of a campaign's stratified sample."""

    _name = "property.survey.stratum"
    _description = "Sampling Stratum"
    _order = "campaign_id, building_id"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, ondelete="cascade", index=True
    )
    building_id = fields.Many2one("property.building", required=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    butler_id = fields.Many2one(related="building_id.butler_id", string="Grid Butler")
    eligible_count = fields.Integer(string="Eligible Households")
    proportional_size = fields.Float(
        digits=(16, 2), help="Exact proportional share of the sample."
    )
    sample_size = fields.Integer(help="Share after largest-remainder rounding.")

    _campaign_building_uniq = models.Constraint(
        "unique(campaign_id, building_id)", "One stratum per building and campaign."
    )
