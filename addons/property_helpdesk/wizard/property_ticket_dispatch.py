from odoo import fields, models


class PropertyTicketDispatch(models.TransientModel):
    """Dispatch a repair from its form: whom to send, then the clock moves on."""

    _name = "property.ticket.dispatch"
    _description = "Dispatch a Repair"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    user_id = fields.Many2one(
        "res.users",
        string="Send",
        required=True,
        domain=[("share", "=", False)],
        help="The technician who goes to the home.",
    )

    def action_dispatch(self):
        self.ensure_one()
        ticket = self.ticket_id
        ticket.check_access("write")
        if ticket.user_id != self.user_id:
            ticket.user_id = self.user_id
        ticket.action_dispatch()
        return {"type": "ir.actions.act_window_close"}
