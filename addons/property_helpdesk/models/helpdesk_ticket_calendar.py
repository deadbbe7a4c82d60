from collections import defaultdict
from datetime import timedelta

from odoo import models


class HelpdeskTicket(models.Model):
    """Deadlines around the clock or on the SLA policy's working calendar."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _sla_deadlines(self, code):
        """``{ticket id: deadline}`` of milestone ``code`` for ``self``: the
        policy's minutes after the report, counted around the clock or in the
        working time of the policy's calendar (one computation per calendar)."""
        result = {}
        on_calendar = defaultdict(list)
        for ticket in self:
            policy = ticket.sla_policy_id
            minutes = policy[f"{code}_minutes"] if policy else 0
            if not minutes or not ticket.reported_date:
                result[ticket.id] = False
            elif calendar := policy._property_calendar(code):
                on_calendar[calendar].append(ticket)
            else:
                result[ticket.id] = ticket.reported_date + timedelta(minutes=minutes)
        for calendar, tickets in on_calendar.items():
            deadlines = calendar._property_plan_hours_batch(
                [
                    (t.reported_date, t.sla_policy_id[f"{code}_minutes"] / 60)
                    for t in tickets
                ]
            )
            for ticket, deadline in zip(tickets, deadlines, strict=True):
                result[ticket.id] = deadline or False
        return result
