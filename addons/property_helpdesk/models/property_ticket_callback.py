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
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _check_company_auto = True
    _order = "due_date, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", store=True)
    project_id = fields.Many2one(related="ticket_id.project_id", store=True)
    building_id = fields.Many2one(related="ticket_id.building_id", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    callback_type = fields.Selection(CALLBACK_TYPES, string="Type", required=True)
    due_date = fields.Datetime(required=True, index=True)
    done_date = fields.Datetime(readonly=True, copy=False)
    responsible_id = fields.Many2one(
        "res.users",
        compute="_compute_responsible_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Who makes this callback: the ticket's first responsible person, "
        "else its butler. A to-do is scheduled for them on the due date.",
    )
    user_id = fields.Many2one("res.users", string="Done By", readonly=True)
    score = fields.Integer(
        help="1 (very dissatisfied) to 5 (very satisfied); 4-5 count as satisfied."
    )
    comment = fields.Text()
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("unreached", "Not Reached"),
            ("cancelled", "Cancelled"),
        ],
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

    @api.depends("ticket_id")
    def _compute_responsible_id(self):
        for callback in self:
            ticket = callback.ticket_id
            callback.responsible_id = (
                callback.responsible_id
                or ticket.first_responsible_id
                or ticket.user_id
                or ticket.building_id.butler_id
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

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        callbacks.filtered(lambda c: c.state == "planned")._schedule_activities()
        return callbacks

    @api.depends("ticket_id", "callback_type")
    def _compute_display_name(self):
        types = dict(CALLBACK_TYPES)
        for callback in self:
            callback.display_name = (
                f"{callback.ticket_id.number} {types.get(callback.callback_type, '')}"
            )

    @api.model
    def _delays(self):
        setting = self.env["res.config.settings"]._property_param
        return {
            "phone": setting("property_helpdesk.callback_phone_hours"),
            "visit": setting("property_helpdesk.callback_visit_hours"),
            "questionnaire": setting("property_helpdesk.callback_questionnaire_hours"),
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

    def _schedule_activities(self):
        """A to-do for the responsible person, on the callback's due date."""
        types = dict(CALLBACK_TYPES)
        for callback in self.filtered("responsible_id"):
            callback.activity_schedule(
                "mail.mail_activity_data_call"
                if callback.callback_type == "phone"
                else "mail.mail_activity_data_todo",
                date_deadline=fields.Date.to_date(callback.due_date),
                user_id=callback.responsible_id.id,
                summary=self.env._(
                    "%(type)s for %(ticket)s",
                    type=types[callback.callback_type],
                    ticket=callback.ticket_id.display_name,
                ),
            )

    def action_open_record_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Callback"),
            "res_model": "property.ticket.callback.record",
            "view_mode": "form",
            "target": "new",
            "context": {"default_callback_id": self.id},
        }

    def action_record(self, score, comment=None):
        """Record the owner's answer as the current user (back office)."""
        self.ensure_one()
        self.check_access("write")
        return self._record(score, comment, self.env.user)

    def _record(self, score, comment, user, reached=True):
        """Record the answer of the owner, taken by ``user``; a low score
        reopens the ticket exactly once."""
        self.ensure_one()
        if self.state != "planned":
            raise UserError(self.env._("This callback was already recorded."))
        vals = {
            "comment": comment,
            "done_date": fields.Datetime.now(),
            "user_id": user.id,
        }
        if not reached:
            self.write({**vals, "state": "unreached", "score": 0})
            self.activity_ids.action_feedback(feedback=self.env._("Owner not reached"))
            return True
        try:
            score = int(score)
        except (TypeError, ValueError):
            raise UserError(self.env._("Give a score from 1 to 5.")) from None
        if not 1 <= score <= 5:
            raise UserError(self.env._("Give a score from 1 to 5."))
        self.write({**vals, "state": "done", "score": score})
        self.activity_ids.action_feedback(feedback=self.env._("Score %s", score))
        threshold = self.env["res.config.settings"]._property_param(
            "property_helpdesk.callback_reopen_max_score"
        )
        if score <= threshold:
            siblings_sudo = self.ticket_id.sudo().callback_ids.filtered(
                lambda c: c.state == "planned"
            )
            siblings_sudo.write({"state": "cancelled"})
            siblings_sudo.activity_ids.unlink()
            self.ticket_id.sudo()._reopen(
                self.env._("dissatisfied callback (score %s)", score)
            )
        return True
