from odoo import api, fields, models


class PropertyCareTouchpoint(models.Model):
    _name = "property.care.touchpoint"
    _inherit = ["property.care.touchpoint", "property.care.ticket.mixin"]
    _ticket_link_field = "care_touchpoint_id"

    kind = fields.Selection(
        selection_add=[("recovery", "Service Recovery")],
        ondelete={"recovery": "set default"},
    )
    recovery_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Recovering Ticket",
        readonly=True,
        index="btree_not_null",
        help="The breached or reopened ticket this service-recovery call is for.",
    )
    recovery_reason = fields.Selection(
        [("breach", "Deadline Breached"), ("reopen", "Ticket Reopened")],
        readonly=True,
    )
    unit_open_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Open Defects and Repairs",
        compute="_compute_unit_open_ticket_ids",
        help="What the inspector should look at in this home.",
    )

    _recovery_uniq = models.UniqueIndex(
        "(recovery_ticket_id, recovery_reason) WHERE recovery_ticket_id IS NOT NULL",
        "A ticket gives one service-recovery touchpoint per reason.",
    )

    @api.depends("action", "unit_id")
    def _compute_unit_open_ticket_ids(self):
        inspections = self.filtered(lambda t: t.action == "inspection" and t.unit_id)
        tickets = self.env["helpdesk.ticket"].search(
            [
                ("unit_id", "in", inspections.unit_id.ids),
                ("kind", "in", ("repair", "defect")),
                ("stage_id.closed", "=", False),
            ]
        )
        by_unit = tickets.grouped("unit_id")
        for touchpoint in self:
            touchpoint.unit_open_ticket_ids = (
                by_unit.get(touchpoint.unit_id, tickets.browse())
                if touchpoint in inspections
                else False
            )

    def _ticket_text(self):
        self.ensure_one()
        return (
            self.env._("%(touchpoint)s: action needed", touchpoint=self.name),
            self.outcome or self.description or "",
        )
