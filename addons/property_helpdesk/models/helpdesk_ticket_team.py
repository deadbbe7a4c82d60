from datetime import timedelta

from pytz import utc

from odoo import fields, models

DISPATCH_MODES = [
    ("assign", "Assign"),
    ("grab", "Grab"),
    ("round_robin", "Round-robin"),
]


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    property_dispatch_mode = fields.Selection(
        DISPATCH_MODES,
        string="Dispatch Mode",
        default="assign",
        required=True,
        help="Assign: to the grid butler, else the least loaded member. "
        "Grab: new tickets wait in the pool until a member claims one. "
        "Round-robin: in turn to the members on duty.",
    )
    property_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Duty Calendar",
        help="Round-robin skips members outside these working hours or on "
        "time off. Empty: every member is on duty.",
    )
    property_accept_minutes = fields.Integer(
        string="Accept Within (minutes)",
        default=0,
        help="A ticket given to a member and not accepted within so many "
        "minutes goes to the next member on duty, once. 0: never.",
    )
    property_last_user_id = fields.Many2one(
        "res.users",
        string="Last Given To",
        readonly=True,
        help="Round-robin goes on with the member after this one.",
    )

    _accept_minutes_positive = models.Constraint(
        "CHECK(property_accept_minutes >= 0)",
        "The acceptance delay cannot be negative.",
    )

    def _property_on_duty(self, now):
        """The members of this team on duty at ``now``: within the duty
        calendar's working hours and not on time off."""
        self.ensure_one()
        members = self.user_ids.sorted("id")
        calendar = self.property_calendar_id
        if not calendar or not members:
            return members
        resources = self.env["resource.resource"].search(
            [("user_id", "in", members.ids), ("calendar_id", "!=", False)]
        )
        start = utc.localize(now)
        stop = start + timedelta(minutes=1)
        team_hours = calendar._work_intervals_batch(start, stop)[False]
        if not team_hours:
            return members.browse()
        on_leave = set()
        if resources:
            intervals = calendar._work_intervals_batch(start, stop, resources=resources)
            on_leave = {r.user_id.id for r in resources if not intervals[r.id]}
        return members.filtered(lambda u: u.id not in on_leave)

    def _property_next_member(self, now, exclude=None):
        """The member on duty after the last one given a ticket, in turn."""
        self.ensure_one()
        candidates = self._property_on_duty(now) - (exclude or self.user_ids.browse())
        if not candidates:
            return candidates
        last = self.property_last_user_id.id or 0
        after = candidates.filtered(lambda u: u.id > last)
        return (after or candidates)[:1]
