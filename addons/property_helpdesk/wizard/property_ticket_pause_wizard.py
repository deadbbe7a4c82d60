from odoo import fields, models

from ..models.property_ticket_pause import PAUSE_REASONS


class PropertyTicketPauseWizard(models.TransientModel):
    _name = "property.ticket.pause.wizard"
    _description = "Put a Ticket on Hold"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    reason = fields.Selection(PAUSE_REASONS, required=True)
    note = fields.Char(help="What the ticket waits for, e.g. the part ordered.")

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id._property_pause(self.reason, self.note)
        return {"type": "ir.actions.act_window_close"}
