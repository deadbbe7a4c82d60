from odoo import api, fields, models

PAUSE_REASONS = [
    ("owner_away", "Owner not at home"),
    ("parts", "Waiting for parts"),
    ("owner_decision", "Waiting for the owner's decision"),
    ("developer", "Waiting for the developer"),
]


class PropertyTicketPause(models.Model):
    """A hold of a ticket: its running clocks stop from ``date_start`` to
    ``date_stop``. Written only by the ticket's pause and resume actions."""

    _name = "property.ticket.pause"
    _description = "Ticket Hold"
    _order = "date_start desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    reason = fields.Selection(PAUSE_REASONS, required=True)
    note = fields.Char()
    user_id = fields.Many2one("res.users", string="Paused By", required=True)
    date_start = fields.Datetime(string="Paused On", required=True)
    date_stop = fields.Datetime(string="Resumed On")
    duration_hours = fields.Float(
        string="Paused (hours)",
        compute="_compute_duration_hours",
        store=True,
        aggregator="sum",
    )

    _one_running_hold = models.UniqueIndex(
        "(ticket_id) WHERE date_stop IS NULL",
        "A ticket is on hold only once at a time.",
    )
    _stop_after_start = models.Constraint(
        "CHECK(date_stop IS NULL OR date_stop >= date_start)",
        "A hold cannot end before it starts.",
    )

    @api.depends("date_start", "date_stop")
    def _compute_duration_hours(self):
        for pause in self:
            pause.duration_hours = (
                (pause.date_stop - pause.date_start).total_seconds() / 3600
                if pause.date_stop
                else 0.0
            )
