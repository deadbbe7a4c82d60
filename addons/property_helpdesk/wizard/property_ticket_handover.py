from odoo import fields, models


class PropertyTicketHandover(models.TransientModel):
    _name = "property.ticket.handover"
    _description = "Reject or Transfer a Ticket"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Transfer To",
        domain="[('share', '=', False)]",
        help="Empty: reject, the ticket goes back to the team.",
    )
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._property_hand_over(self.user_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
