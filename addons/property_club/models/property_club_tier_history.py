from odoo import fields, models


class PropertyClubTierHistory(models.Model):
    """One change of a card's tier and why it happened."""

    _name = "property.club.tier.history"
    _description = "Club Tier Change"
    _order = "date desc, id desc"

    card_id = fields.Many2one(
        "property.club.card", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="card_id.partner_id", store=True, index=True)
    company_id = fields.Many2one(related="card_id.company_id", store=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    old_tier_id = fields.Many2one("property.club.tier", string="From")
    new_tier_id = fields.Many2one("property.club.tier", string="To", required=True)
    reason = fields.Text(required=True)
    user_id = fields.Many2one(
        "res.users", string="Changed By", default=lambda self: self.env.user
    )
