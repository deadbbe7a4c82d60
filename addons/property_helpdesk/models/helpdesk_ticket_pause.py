from collections import defaultdict
from datetime import timedelta

from pytz import utc

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_sla_policy import MILESTONES


class HelpdeskTicket(models.Model):
    """Holds and appointments: a hold stops the running clocks until the
    ticket resumes; an appointment with the owner is the on-site deadline."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    pause_ids = fields.One2many("property.ticket.pause", "ticket_id", string="Holds")
    is_paused = fields.Boolean(
        string="On Hold", compute="_compute_pause_state", store=True
    )
    paused_hours = fields.Float(
        string="Paused (hours)",
        compute="_compute_pause_state",
        store=True,
        aggregator="sum",
        help="Total time the ticket was on hold; the deadlines moved by it.",
    )
    appointment_date = fields.Datetime(
        string="Appointment",
        tracking=True,
        copy=False,
        help="When the owner expects staff on site: the on-site deadline.",
    )

    @api.depends("pause_ids.date_stop", "pause_ids.duration_hours")
    def _compute_pause_state(self):
        for ticket in self:
            ticket.is_paused = any(not p.date_stop for p in ticket.pause_ids)
            ticket.paused_hours = sum(ticket.pause_ids.mapped("duration_hours"))

    @api.depends("pause_ids.date_stop", "appointment_date")
    def _compute_deadlines(self):
        """Move each open milestone's deadline by the holds it went through
        (in working time on a working calendar); an appointment is the
        on-site deadline."""
        res = super()._compute_deadlines()
        shifts = defaultdict(list)  # calendar -> [(ticket, code, deadline, hours)]
        for ticket in self.filtered(lambda t: t.pause_ids or t.appointment_date):
            for code, _label in MILESTONES:
                deadline = ticket[f"{code}_deadline"]
                if not deadline:
                    continue
                if code == "onsite" and ticket.appointment_date:
                    ticket.onsite_deadline = ticket.appointment_date
                    continue
                reached = ticket[f"{code}_date"]
                holds = [
                    (p.date_start, p.date_stop)
                    for p in ticket.pause_ids
                    if p.date_stop and (not reached or p.date_start < reached)
                ]
                if not holds:
                    continue
                calendar = ticket.sla_policy_id._property_calendar(code)
                if not calendar:
                    ticket[f"{code}_deadline"] = deadline + sum(
                        (stop - start for start, stop in holds), timedelta()
                    )
                    continue
                hours = sum(
                    calendar.get_work_hours_count(
                        utc.localize(start), utc.localize(stop), compute_leaves=True
                    )
                    for start, stop in holds
                )
                shifts[calendar].append((ticket, code, deadline, hours))
        for calendar, items in shifts.items():
            moved = calendar._property_plan_hours_batch(
                [(deadline, hours) for _t, _c, deadline, hours in items]
            )
            for (ticket, code, deadline, _hours), new in zip(items, moved, strict=True):
                ticket[f"{code}_deadline"] = new or deadline
        return res

    @api.depends("is_paused")
    def _compute_next_check_at(self):
        res = super()._compute_next_check_at()
        for ticket in self.filtered("is_paused"):
            ticket.next_check_at = False
        return res

    # ---- actions ----------------------------------------------------------

    def action_pause(self):
        self.ensure_one()
        self._property_check_pausable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Put on Hold"),
            "res_model": "property.ticket.pause.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _property_check_pausable(self):
        self.check_access("write")
        allow_major = self.env["res.config.settings"]._property_param(
            "property_helpdesk.pause_major_complaints"
        )
        for ticket in self:
            if ticket.closed:
                raise UserError(
                    self.env._("%s is closed: nothing to hold.", ticket.display_name)
                )
            if ticket.is_paused:
                raise UserError(
                    self.env._("%s is already on hold.", ticket.display_name)
                )
            if (
                ticket.kind == "complaint"
                and ticket.complaint_grade == "major"
                and not allow_major
            ):
                raise UserError(
                    self.env._(
                        "%s is a major complaint: its clocks cannot be stopped.",
                        ticket.display_name,
                    )
                )

    def _property_pause(self, reason, note=False):
        """Stop the clocks of ``self`` now, for ``reason``; logged in the chatter."""
        self._property_check_pausable()
        labels = dict(
            self.env["property.ticket.pause"]
            ._fields["reason"]
            ._description_selection(self.env)
        )
        now = fields.Datetime.now()
        # the hold moves deadlines: the action, not the user, writes it
        self.env["property.ticket.pause"].sudo().create(
            [
                {
                    "ticket_id": ticket.id,
                    "reason": reason,
                    "note": note,
                    "user_id": self.env.uid,
                    "date_start": now,
                }
                for ticket in self
            ]
        )
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "On hold: %(reason)s. %(note)s",
                    reason=labels[reason],
                    note=note or "",
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_resume(self):
        """Restart the clocks: the deadlines move by the time on hold."""
        self.check_access("write")
        running = self.pause_ids.filtered(lambda p: not p.date_stop)
        if not running:
            raise UserError(self.env._("The ticket is not on hold."))
        running_sudo = running.sudo()
        running_sudo.write({"date_stop": fields.Datetime.now()})
        for pause in running_sudo:
            pause.ticket_id.message_post(
                body=self.env._(
                    "Resumed after %(hours).1f hours on hold; deadlines moved.",
                    hours=pause.duration_hours,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _property_set_appointment(self, when):
        """Agree the on-site visit at ``when`` (owner on the portal or staff)."""
        self.ensure_one()
        if not self.onsite_deadline and self.kind != "repair":
            raise UserError(self.env._("Only repairs have an on-site visit."))
        if self.onsite_date:
            raise UserError(self.env._("Staff are already on site."))
        if when < fields.Datetime.now():
            raise UserError(self.env._("An appointment cannot be in the past."))
        # the agreed visit sets the on-site deadline: the flow writes it
        ticket_sudo = self.sudo()
        ticket_sudo.appointment_date = when
        self.message_post(
            body=self.env._(
                "Appointment on site: %s (the on-site deadline).",
                fields.Datetime.to_string(when),
            ),
            subtype_xmlid="mail.mt_note",
        )
