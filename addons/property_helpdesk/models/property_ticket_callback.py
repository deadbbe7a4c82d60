from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

CALLBACK_TYPES = [
    ("phone", "Phone Callback"),
    ("visit", "Visit"),
    ("questionnaire", "Questionnaire"),
]


class PropertyTicketCallback(models.Model):
    """One of the three callbacks after a ticket is resolved (三次回访)."""

    _name = "property.ticket.callback"
    _description = "Ticket Callback"
    _inherit = ["mail.thread"]
    _order = "due_date, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", store=True)
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    building_id = fields.Many2one(related="ticket_id.building_id", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    callback_type = fields.Selection(CALLBACK_TYPES, string="Type", required=True)
    due_date = fields.Datetime(required=True, index=True)
    done_date = fields.Datetime(readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Done By", readonly=True)
    score = fields.Integer(
        help="1 (very dissatisfied) to 5 (very satisfied); 4-5 count as satisfied."
    )
    comment = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        index=True,
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")

    _ticket_type_uniq = models.Constraint(
        "unique(ticket_id, callback_type, due_date)",
        "This callback is already planned.",
    )
    _score_range = models.Constraint(
        "CHECK(score IS NULL OR score = 0 OR (score >= 1 AND score <= 5))",
        "A callback score is between 1 and 5.",
    )

    @api.depends("due_date", "state")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for callback in self:
            callback.is_late = callback.state == "planned" and callback.due_date < now

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        late = [("state", "=", "planned"), ("due_date", "<", fields.Datetime.now())]
        return late if (operator == "=") == value else ["!", "&", *late]

    @api.depends("ticket_id", "callback_type")
    def _compute_display_name(self):
        types = dict(CALLBACK_TYPES)
        for callback in self:
            callback.display_name = (
                f"{callback.ticket_id.number} {types.get(callback.callback_type, '')}"
            )

    @api.model
    def _delays(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        return {
            "phone": int(get("property_helpdesk.callback_phone_hours", 24)),
            "visit": int(get("property_helpdesk.callback_visit_hours", 168)),
            "questionnaire": int(
                get("property_helpdesk.callback_questionnaire_hours", 720)
            ),
        }

    @api.model
    def _plan_for(self, tickets):
        """Plan the three callbacks of freshly resolved ``tickets``."""
        delays = self._delays()
        vals_list = []
        for ticket in tickets:
            resolved = ticket.resolve_date or fields.Datetime.now()
            for callback_type, _label in CALLBACK_TYPES:
                vals_list.append(
                    {
                        "ticket_id": ticket.id,
                        "callback_type": callback_type,
                        "due_date": resolved + timedelta(hours=delays[callback_type]),
                    }
                )
        return self.create(vals_list)

    def action_record(self, score, comment=None):
        """Record the owner's answer; a low score reopens the ticket."""
        self.ensure_one()
        try:
            score = int(score)
        except (TypeError, ValueError):
            raise UserError(self.env._("Give a score from 1 to 5.")) from None
        if not 1 <= score <= 5:
            raise UserError(self.env._("Give a score from 1 to 5."))
        if self.state != "planned":
            raise UserError(self.env._("This callback was already recorded."))
        self.write(
            {
                "score": score,
                "comment": comment,
                "state": "done",
                "done_date": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )
        threshold = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("property_helpdesk.callback_reopen_max_score", 3)
        )
        if score <= threshold:
            siblings = self.ticket_id.callback_ids.filtered(
                lambda c: c.state == "planned"
            )
            siblings.write({"state": "cancelled"})
            self.ticket_id.sudo()._reopen(
                self.env._("dissatisfied callback (score %s)", score)
            )
        return True
