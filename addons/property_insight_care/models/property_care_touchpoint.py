from odoo import fields, models


class PropertyCareTouchpoint(models.Model):
    _inherit = "property.care.touchpoint"

    kind = fields.Selection(
        selection_add=[("insight", "Early Warning")],
        ondelete={"insight": "cascade"},
    )
    insight_risk_id = fields.Many2one(
        "property.insight.risk",
        string="Early-Warning Risk",
        readonly=True,
        ondelete="set null",
        index="btree_not_null",
    )

    _insight_risk_uniq = models.Constraint(
        "unique(insight_risk_id)",
        "A household on the work list gets one proactive touchpoint a month.",
    )
