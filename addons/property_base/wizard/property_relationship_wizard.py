from odoo import fields, models

from ..models.property_relationship_history import RELATIONSHIP_CATEGORIES


class PropertyRelationshipWizard(models.TransientModel):
    """Change the relationship category of customers, with a mandatory reason."""

    _name = "property.relationship.wizard"
    _description = "Change Relationship Category"

    partner_ids = fields.Many2many("res.partner", required=True)
    relationship_category = fields.Selection(
        RELATIONSHIP_CATEGORIES, string="New Category", required=True
    )
    reason = fields.Text(required=True)

    def action_apply(self):
        self.ensure_one()
        self.partner_ids.write(
            {
                "relationship_category": self.relationship_category,
                "relationship_reason": self.reason,
            }
        )
        return {"type": "ir.actions.act_window_close"}
