from odoo import fields, models


class PropertyProjectMilestoneLog(models.Model):
    """Whether one buyer was reached by one milestone broadcast."""

    _name = "property.project.milestone.log"
    _description = "Milestone Broadcast Log"
    _order = "milestone_id, id"

    milestone_id = fields.Many2one(
        "property.project.milestone", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="milestone_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Recipient", required=True, index=True, ondelete="cascade"
    )
    state = fields.Selection(
        [("sent", "Sent"), ("failed", "Failed")], required=True, default="sent"
    )
    reason = fields.Char()
    date = fields.Datetime(default=fields.Datetime.now, required=True)

    _milestone_partner_uniq = models.Constraint(
        "UNIQUE(milestone_id, partner_id)",
        "One log line per recipient and broadcast.",
    )
