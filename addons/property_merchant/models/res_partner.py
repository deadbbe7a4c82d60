from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_alliance_merchant = fields.Boolean(
        string="Alliance Merchant", index=True, help="Member of the 邻里联盟."
    )
    merchant_category_id = fields.Many2one("property.merchant.category")
    merchant_agreement_ids = fields.One2many(
        "property.merchant.agreement", "merchant_id", string="Agreements"
    )
