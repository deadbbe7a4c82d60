from odoo import api, fields, models

TICKET_KINDS = [
    ("repair", "Repair"),
    ("complaint", "Complaint"),
    ("inquiry", "Inquiry"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
    ("defect", "Handover Defect"),
]
COMPLAINT_GRADES = [
    ("general", "General"),
    ("important", "Important"),
    ("major", "Major"),
]
#: the durations of a policy, stored in minutes and shown in hours
HOUR_CODES = ("ack", "dispatch", "onsite", "resolve", "warn", "escalation_step")
#: (code, label) of the milestones every ticket may carry, in order.
MILESTONES = [
    ("ack", "Acknowledged"),
    ("dispatch", "Dispatched"),
    ("onsite", "On Site"),
    ("resolve", "Resolved"),
]


def _hours_inverse(code):
    """The inverse of one ``<code>_hours`` field: it stores the minutes. One per
    field: the fields computed together are protected while one is written,
    so an inverse must not read the others."""

    def inverse(records):
        for policy in records:
            policy[f"{code}_minutes"] = round(policy[f"{code}_hours"] * 60)

    return inverse


class PropertySlaPolicy(models.Model):
    """Deadlines of a kind of ticket (and complaint grade, and project).

    The most specific policy wins: one for the ticket's project before a
    company-wide one. A milestone left at 0 has no deadline.
    """

    _name = "property.sla.policy"
    _description = "Ticket SLA Policy"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(TICKET_KINDS, required=True)
    complaint_grade = fields.Selection(COMPLAINT_GRADES)
    project_id = fields.Many2one(
        "property.project", help="Leave empty for every project.", check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    ack_minutes = fields.Integer(string="Acknowledge within (min)")
    dispatch_minutes = fields.Integer(string="Dispatch within (min)")
    onsite_minutes = fields.Integer(string="On site within (min)")
    resolve_minutes = fields.Integer(string="Resolve within (min)")
    warn_minutes = fields.Integer(
        string="Warn before (min)",
        default=0,
        help="Warn the responsible person this long before a deadline; a "
        "milestone shorter than this gets no warning.",
    )
    escalation_step_minutes = fields.Integer(
        string="Escalate every (min)",
        default=60,
        required=True,
        help="After a deadline: level 1 (responsible butler) at once, level 2 "
        "(customer service head) and level 3 (project manager) after each "
        "further step.",
    )

    # shown and edited in hours (hh:mm), the unit of the settings
    ack_hours = fields.Float(
        string="Acknowledge within (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("ack"),
    )
    dispatch_hours = fields.Float(
        string="Dispatch within (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("dispatch"),
    )
    onsite_hours = fields.Float(
        string="On site within (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("onsite"),
    )
    resolve_hours = fields.Float(
        string="Resolve within (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("resolve"),
    )
    warn_hours = fields.Float(
        string="Warn before (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("warn"),
        help="Warn the responsible person this long before a deadline; a "
        "milestone shorter than this gets no warning.",
    )
    escalation_step_hours = fields.Float(
        string="Escalate every (h)",
        compute="_compute_hours",
        inverse=_hours_inverse("escalation_step"),
        help="After a deadline: level 1 (responsible butler) at once, level 2 "
        "(customer service head) and level 3 (project manager) after each "
        "further step.",
    )

    _escalation_step_positive = models.Constraint(
        "CHECK(escalation_step_minutes > 0)", "The escalation step must be positive."
    )

    @api.depends(*(f"{code}_minutes" for code in HOUR_CODES))
    def _compute_hours(self):
        for policy in self:
            for code in HOUR_CODES:
                policy[f"{code}_hours"] = policy[f"{code}_minutes"] / 60

    @api.model
    def _find(self, tickets):
        """Return ``{ticket_id: policy}`` for ``tickets`` with one search."""
        policies = self.search(
            [("kind", "in", list(set(tickets.mapped("kind"))))],
            order="sequence, id",
        )
        result = {}
        for ticket in tickets:
            candidates = policies.filtered(
                lambda p, t=ticket: (
                    p.kind == t.kind
                    and (
                        p.kind != "complaint" or p.complaint_grade == t.complaint_grade
                    )
                    and p.company_id == t.company_id
                    and (not p.project_id or p.project_id == t.project_id)
                )
            )
            result[ticket.id] = candidates.sorted(lambda p: not p.project_id)[:1]
        return result
