from odoo import fields, models

RELATIONSHIP_CATEGORIES = [
    ("good", "Good Relationship"),
    ("normal", "Normal"),
    ("black", "Black Customer"),
]


class PropertyRelationshipHistory(models.Model):
    """One change of a customer's relationship category, with its reason."""

    _name = "property.relationship.history"
    _description = "Relationship Category History"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    user_id = fields.Many2one(
        "res.users", string="Changed By", default=lambda self: self.env.user
    )
    old_category = fields.Selection(RELATIONSHIP_CATEGORIES, string="From")
    new_category = fields.Selection(RELATIONSHIP_CATEGORIES, string="To", required=True)
    reason = fields.Text(required=True)
