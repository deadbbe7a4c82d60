from odoo import fields, models

SCORES = [
    ("1", "1 - Very dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very satisfied"),
]


class PropertyTicketCallbackRecord(models.TransientModel):
    """Record a callback from the back office: reached or not, score, comment."""

    _name = "property.ticket.callback.record"
    _description = "Record a Ticket Callback"

    callback_id = fields.Many2one(
        "property.ticket.callback", required=True, ondelete="cascade"
    )
    ticket_id = fields.Many2one(related="callback_id.ticket_id")
    partner_id = fields.Many2one(related="callback_id.partner_id")
    reached = fields.Boolean(
        string="Owner Reached",
        default=True,
        help="Untick when the owner could not be reached: the callback is "
        "closed without a score.",
    )
    score = fields.Selection(
        SCORES,
        help="4-5 count as satisfied; a score at or below the reopen threshold "
        "(Settings) reopens the ticket.",
    )
    comment = fields.Text()

    def action_record(self):
        self.ensure_one()
        callback = self.callback_id
        callback.check_access("write")
        callback._record(self.score, self.comment, self.env.user, reached=self.reached)
        return {"type": "ir.actions.act_window_close"}
