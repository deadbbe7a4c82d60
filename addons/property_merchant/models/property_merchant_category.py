from odoo import fields, models


class PropertyMerchantCategory(models.Model):
    _name = "property.merchant.category"
    _description = "Merchant Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
