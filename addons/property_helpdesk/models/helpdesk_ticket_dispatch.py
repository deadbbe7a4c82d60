from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class HelpdeskTicket(models.Model):
    """Dispatch by team: assign, grab (a pool members claim, first claim
    wins), round-robin among members on duty; tickets not accepted in time
    go to the next member once; accept, reject and transfer are logged."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    dispatch_mode = fields.Selection(related="team_id.property_dispatch_mode")
    accepted_date = fields.Datetime(string="Accepted On", copy=False, readonly=True)
    reassigned = fields.Boolean(
        string="Reassigned for Not Accepting", copy=False, readonly=True
    )
    accept_deadline = fields.Datetime(
        string="Accept By",
        compute="_compute_accept_deadline",
        store=True,
        help="Not accepted by then, the ticket goes to the next member on duty.",
    )

    _accept_deadline_idx = models.Index(
        "(accept_deadline) WHERE accept_deadline IS NOT NULL"
    )

    @api.depends(
        "assigned_date", "accepted_date", "reassigned", "stage_id.closed", "team_id"
    )
    def _compute_accept_deadline(self):
        for ticket in self:
            minutes = ticket.team_id.property_accept_minutes
            ticket.accept_deadline = (
                ticket.assigned_date + timedelta(minutes=minutes)
                if minutes
                and ticket.user_id
                and ticket.assigned_date
                and not ticket.accepted_date
                and not ticket.reassigned
                and not ticket.stage_id.closed
                else False
            )
        moments = [t.accept_deadline for t in self if t.accept_deadline]
        if moments and (
            cron := self.env.ref(
                "property_helpdesk.ir_cron_ticket_reassign", raise_if_not_found=False
            )
        ):
            cron._trigger(min(moments))

    @api.model
    def _auto_assign(self, vals_list):
        """Grab teams leave new tickets in the pool; round-robin teams give
        them in turn to the members on duty; the others as before."""
        teams = self.env["helpdesk.ticket.team"].browse(
            {vals["team_id"] for vals in vals_list if vals.get("team_id")}
        )
        modes = {team.id: team.property_dispatch_mode for team in teams}
        now = fields.Datetime.now()
        rest = []
        for vals in vals_list:
            mode = modes.get(vals.get("team_id"), "assign")
            if vals.get("user_id") or mode == "assign":
                rest.append(vals)
                continue
            # in the pool (or waiting for someone on duty), not the creator's
            vals["user_id"] = False
            if mode == "round_robin":
                team = teams.browse(vals["team_id"])
                member = team._property_next_member(now)
                if member:
                    vals["user_id"] = member.id
                    # the turn is the flow's bookkeeping, not the user's edit
                    team_sudo = team.sudo()
                    team_sudo.property_last_user_id = member
        return super()._auto_assign(rest)

    def action_claim(self):
        """Claim a pooled ticket: one conditional UPDATE, so the first claim
        wins when many members tap at once."""
        self.ensure_one()
        # a claimed ticket leaves the member's pool: say who has it first
        ticket_sudo = self.sudo()
        ticket_sudo._property_check_unclaimed()
        self.check_access("read")
        user = self.env.user
        if self.team_id and user not in self.team_id.user_ids:
            raise UserError(self.env._("Only members of the team claim its tickets."))
        now = fields.Datetime.now()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET user_id = %s, assigned_date = %s, "
                "accepted_date = %s WHERE id = %s AND user_id IS NULL RETURNING id",
                user.id,
                now,
                now,
                self.id,
            )
        )
        won = bool(self.env.cr.fetchone())
        self.invalidate_recordset(["user_id", "assigned_date", "accepted_date"])
        self.modified(["user_id", "assigned_date", "accepted_date"])
        if not won:
            ticket_sudo._property_check_unclaimed()
        self.message_post(
            body=self.env._("Claimed from the pool by %s.", user.name),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _property_check_unclaimed(self):
        if self.user_id:
            raise UserError(
                self.env._(
                    "%(ticket)s was already claimed by %(user)s.",
                    ticket=self.display_name,
                    user=self.user_id.name,
                )
            )

    def action_accept(self):
        self.check_access("write")
        for ticket in self:
            if ticket.user_id != self.env.user:
                raise UserError(
                    self.env._("Only %s can accept this ticket.", ticket.user_id.name)
                )
        self_sudo = self.sudo()
        self_sudo.accepted_date = fields.Datetime.now()
        for ticket in self:
            ticket.message_post(
                body=self.env._("Accepted by %s.", self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )

    def _property_hand_over(self, user, reason):
        """Reject (``user`` empty: back to the team) or transfer to ``user``,
        with a reason in the chatter."""
        self.check_access("write")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason."))
        for ticket in self:
            previous = ticket.user_id
            target = user
            if not target and ticket.dispatch_mode == "round_robin":
                target = ticket.team_id._property_next_member(
                    fields.Datetime.now(), exclude=previous
                )
            ticket.sudo().write({"user_id": target.id, "accepted_date": False})
            if user:
                body = self.env._(
                    "Transferred from %(old)s to %(new)s: %(reason)s",
                    old=previous.name or "-",
                    new=user.name,
                    reason=reason,
                )
            else:
                body = self.env._(
                    "Rejected by %(old)s (now %(new)s): %(reason)s",
                    old=previous.name or "-",
                    new=target.name or self.env._("the pool"),
                    reason=reason,
                )
            ticket.message_post(body=body, subtype_xmlid="mail.mt_note")

    @api.model
    def _cron_reassign_unaccepted(self, batch_size=500):
        """Give each ticket not accepted in time to the next member on duty,
        once (``reassigned``): rerunning finds nothing left to do."""
        now = fields.Datetime.now()
        while tickets := self.search(
            [("accept_deadline", "<=", now)], limit=batch_size, order="accept_deadline"
        ):
            for ticket in tickets:
                previous = ticket.user_id
                member = ticket.team_id._property_next_member(now, exclude=previous)
                ticket.write({"user_id": member.id or previous.id, "reassigned": True})
                if member:
                    ticket.team_id.property_last_user_id = member
                ticket.message_post(
                    body=self.env._(
                        "Not accepted by %(old)s within %(minutes)s minutes: "
                        "given to %(new)s.",
                        old=previous.name,
                        minutes=ticket.team_id.property_accept_minutes,
                        new=member.name or previous.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            if not self.env["ir.cron"]._commit_progress(len(tickets)):
                break
