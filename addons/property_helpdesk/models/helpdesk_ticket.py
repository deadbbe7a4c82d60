from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .property_sla_policy import COMPLAINT_GRADES, MILESTONES, TICKET_KINDS

#: who is told at each escalation level, as a field of the ticket's project
#: (level 1 goes to the ticket's responsible user or grid butler).
ESCALATION_FIELDS = {2: "service_head_id", 3: "manager_id"}
MILESTONE_FIELDS = [
    f"{code}_{suffix}" for code, _label in MILESTONES for suffix in ("date", "deadline")
]
#: kinds of ticket of a home that staff close after the work, never the owner
STAFF_CLOSED_KINDS = ("repair", "complaint", "defect")
#: what only officers, or the addon's own flows (as superuser), may set
PROTECTED_ON_CREATE = {
    "sla_policy_id",
    "escalation_level",
    "escalation_milestone",
    "warned_milestone",
    "reopen_count",
    "first_responsible_id",
    "goodwill_done",
    *(f"{code}_breached" for code, _label in MILESTONES),
    *(f"{code}_date" for code, _label in MILESTONES),
}
PROTECTED_ON_WRITE = PROTECTED_ON_CREATE | {"kind", "reported_date"}


class HelpdeskTicket(models.Model):
    _inherit = ["helpdesk.ticket", "property.flow.mixin"]
    _check_company_auto = True

    kind = fields.Selection(
        TICKET_KINDS, default="repair", required=True, tracking=True
    )
    complaint_grade = fields.Selection(COMPLAINT_GRADES, tracking=True)
    project_id = fields.Many2one(
        "property.project",
        compute="_compute_place",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    building_id = fields.Many2one(
        "property.building",
        compute="_compute_place",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )
    unit_id = fields.Many2one(
        "property.unit", index=True, tracking=True, check_company=True
    )
    unit_type = fields.Char(related="unit_id.unit_type", store=True)
    staff_entry_reason = fields.Char(
        help="Why staff filed this ticket for a unit the reporter does not live in "
        "(e.g. reported by phone by a relative)."
    )
    reported_date = fields.Datetime(
        default=fields.Datetime.now,
        required=True,
        help="When the owner reported the problem: the deadlines start here.",
    )
    sla_policy_id = fields.Many2one(
        "property.sla.policy",
        string="SLA Policy",
        compute="_compute_sla_policy_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    ack_date = fields.Datetime(string="Acknowledged On", copy=False, tracking=True)
    ack_deadline = fields.Datetime(
        string="Acknowledge By", compute="_compute_deadlines", store=True
    )
    ack_breached = fields.Boolean(string="Acknowledgement Late", copy=False)
    dispatch_date = fields.Datetime(string="Dispatched On", copy=False, tracking=True)
    dispatch_deadline = fields.Datetime(
        string="Dispatch By", compute="_compute_deadlines", store=True
    )
    dispatch_breached = fields.Boolean(string="Dispatch Late", copy=False)
    onsite_date = fields.Datetime(string="On Site On", copy=False, tracking=True)
    onsite_deadline = fields.Datetime(
        string="On Site By", compute="_compute_deadlines", store=True
    )
    onsite_breached = fields.Boolean(string="On Site Late", copy=False)
    resolve_date = fields.Datetime(string="Resolved On", copy=False, tracking=True)
    resolve_deadline = fields.Datetime(
        string="Resolve By", compute="_compute_deadlines", store=True
    )
    resolve_breached = fields.Boolean(string="Resolution Late", copy=False)
    is_breached = fields.Boolean(
        string="SLA Breached", compute="_compute_is_breached", store=True
    )
    warned_milestone = fields.Char(copy=False)
    escalation_milestone = fields.Char(copy=False)
    escalation_level = fields.Integer(copy=False)
    next_check_at = fields.Datetime(
        compute="_compute_next_check_at",
        store=True,
        copy=False,
        help="When the escalation cron must next look at this ticket.",
    )
    first_responsible_id = fields.Many2one(
        "res.users",
        compute="_compute_first_responsible_id",
        store=True,
        copy=False,
        tracking=True,
        index=True,
        help="首问负责人: the first person who handled the ticket; stays "
        "accountable until closure.",
    )
    task_force = fields.Boolean(copy=False, tracking=True)
    cause = fields.Text(help="Root cause of the complaint (一事一总结).")
    lesson = fields.Text(string="Lesson Learned")
    reopen_count = fields.Integer(copy=False)
    first_time_fix = fields.Boolean(compute="_compute_first_time_fix", store=True)
    contractor_id = fields.Many2one(
        "res.partner", help="Contractor liable for the defect."
    )
    handover_inspection_id = fields.Many2one(
        "property.handover.inspection", index=True, ondelete="set null"
    )
    rectified_date = fields.Date(copy=False)
    reinspection_result = fields.Selection(
        [("pass", "Passed"), ("fail", "Failed")], copy=False, tracking=True
    )
    reinspection_count = fields.Integer(copy=False)
    callback_ids = fields.One2many("property.ticket.callback", "ticket_id")
    warning_id = fields.Many2one(
        "property.complaint.warning", string="Group Warning", index=True, copy=False
    )
    goodwill_done = fields.Boolean(
        string="Goodwill Gesture Made",
        copy=False,
        help="The apology for a missed resolution deadline was sent (once).",
    )
    property_can_edit_sla = fields.Boolean(
        compute="_compute_property_can_edit_sla",
        help="Officers may correct deadlines, breach flags and the kind.",
    )

    _next_check_idx = models.Index("(next_check_at) WHERE next_check_at IS NOT NULL")
    _breach_report_idx = models.Index(
        "(project_id, kind, reported_date) WHERE is_breached IS TRUE"
    )
    _complaint_window_idx = models.Index(
        "(category_id, building_id, reported_date) WHERE kind = 'complaint'"
    )
    _reinspection_count_positive = models.Constraint(
        "CHECK(reinspection_count >= 0)", "Re-inspections cannot be negative."
    )

    # ---- computes -------------------------------------------------------

    @api.depends("unit_id", "building_id")
    def _compute_place(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.building_id = ticket.unit_id.building_id
            ticket.project_id = ticket.building_id.project_id or ticket.project_id

    @api.depends("number", "name")
    def _compute_display_name(self):
        result = super()._compute_display_name()
        for ticket in self.filtered(lambda t: t.number in (False, "/")):
            ticket.display_name = ticket.name or self.env._("New Ticket")
        return result

    @api.depends("kind", "complaint_grade", "project_id", "company_id")
    def _compute_sla_policy_id(self):
        policies = self.env["property.sla.policy"]._find(self)
        for ticket in self:
            ticket.sla_policy_id = policies.get(ticket.id) or False

    @api.depends("sla_policy_id", "reported_date")
    def _compute_deadlines(self):
        for code, _label in MILESTONES:
            deadlines = self._sla_deadlines(code)
            for ticket in self:
                ticket[f"{code}_deadline"] = deadlines[ticket.id]

    @api.depends(*(f"{code}_breached" for code, _label in MILESTONES))
    def _compute_is_breached(self):
        for ticket in self:
            ticket.is_breached = any(
                ticket[f"{code}_breached"] for code, _label in MILESTONES
            )

    @api.depends("user_id", "ack_date")
    def _compute_first_responsible_id(self):
        """首问负责人, sticky: the first assignee (or the internal user who
        acknowledged an unassigned ticket) stays accountable until closure."""
        user = self.env.user
        if user.share or user._is_superuser():
            user = user.browse()
        for ticket in self:
            if not ticket.first_responsible_id and (ticket.user_id or ticket.ack_date):
                ticket.first_responsible_id = ticket.user_id or user

    @api.depends_context("uid")
    def _compute_property_can_edit_sla(self):
        can_edit = self._property_can_edit_sla()
        for ticket in self:
            ticket.property_can_edit_sla = can_edit

    @api.model
    def _property_can_edit_sla(self):
        return self.env.is_superuser() or self.env.user.has_group(
            "property_base.property_base_group_officer"
        )

    @api.model
    def _property_link_fields(self):
        # a butler files tickets only for the customers and homes he may read
        return [*super()._property_link_fields(), "partner_id", "unit_id"]

    def _property_check_protected(self, fnames, protected):
        """Refuse a butler's (or agent's) write of deadline fields."""
        forbidden = protected.intersection(fnames)
        if forbidden and not self._property_can_edit_sla():
            raise AccessError(
                self.env._(
                    "Only a property officer can change %s on a ticket.",
                    ", ".join(
                        sorted(
                            self._fields[name].get_description(self.env)["string"]
                            for name in forbidden
                        )
                    ),
                )
            )

    @api.depends("reopen_count", "resolve_date", "kind")
    def _compute_first_time_fix(self):
        for ticket in self:
            ticket.first_time_fix = (
                bool(ticket.resolve_date) and not ticket.reopen_count
            )

    def _open_milestones(self):
        """Codes of the milestones with a deadline and not reached yet."""
        self.ensure_one()
        return [
            code
            for code, _label in MILESTONES
            if self[f"{code}_deadline"] and not self[f"{code}_date"]
        ]

    @api.depends(
        *MILESTONE_FIELDS,
        *(f"{code}_breached" for code, _label in MILESTONES),
        "warned_milestone",
        "escalation_milestone",
        "escalation_level",
        "sla_policy_id.warn_minutes",
        "sla_policy_id.escalation_step_minutes",
        "stage_id.closed",
    )
    def _compute_next_check_at(self):
        levels = self._escalation_levels()
        for ticket in self:
            ticket.next_check_at = ticket._next_check(levels)

    @api.model
    def _escalation_levels(self):
        return self.env["res.config.settings"]._property_param(
            "property_helpdesk.escalation_levels"
        )

    def _next_check(self, levels):
        self.ensure_one()
        open_codes = self._open_milestones()
        if self.stage_id.closed or not open_codes:
            return False
        policy = self.sla_policy_id
        current = open_codes[0]
        deadline = self[f"{current}_deadline"]
        level = self.escalation_level if self.escalation_milestone == current else 0
        candidates = []
        warn_at = deadline - timedelta(minutes=policy.warn_minutes)
        # no warning for a deadline nearer than the warning lead: it would
        # come before the report itself
        if (
            policy.warn_minutes
            and self.warned_milestone != current
            and not level
            and warn_at > self.reported_date
        ):
            candidates.append(warn_at)
        if level < levels:
            step = timedelta(minutes=policy.escalation_step_minutes)
            candidates.append(deadline + step * level)
        candidates += [
            self[f"{code}_deadline"]
            for code in open_codes[1:]
            if not self[f"{code}_breached"]
        ]
        return min(candidates) if candidates else False

    # ---- constraints ----------------------------------------------------

    @api.constrains("unit_id", "building_id", "project_id")
    def _check_place(self):
        for ticket in self:
            if ticket.unit_id and ticket.unit_id.building_id != ticket.building_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s is not in building %(building)s.",
                        unit=ticket.unit_id.display_name,
                        building=ticket.building_id.display_name,
                    )
                )
            if (
                ticket.building_id
                and ticket.building_id.project_id != ticket.project_id
            ):
                raise ValidationError(
                    self.env._(
                        "Building %(building)s is not in project %(project)s.",
                        building=ticket.building_id.display_name,
                        project=ticket.project_id.display_name,
                    )
                )

    @api.constrains("unit_id", "partner_id", "staff_entry_reason")
    def _check_reporter_resides(self):
        residencies = (
            self.env["property.residency"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", self.unit_id.ids),
                    ("partner_id", "in", self.partner_id.commercial_partner_id.ids),
                    ("is_current", "=", True),
                ]
            )
        )
        living = {(r.unit_id.id, r.partner_id.id) for r in residencies}
        for ticket in self:
            if (
                ticket.unit_id
                and ticket.partner_id
                and not ticket.staff_entry_reason
                and (ticket.unit_id.id, ticket.partner_id.commercial_partner_id.id)
                not in living
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s does not live in %(unit)s: give the reason "
                        "why staff file this ticket for that unit.",
                        partner=ticket.partner_id.name,
                        unit=ticket.unit_id.display_name,
                    )
                )

    @api.constrains("kind", "complaint_grade")
    def _check_complaint_grade(self):
        for ticket in self:
            if ticket.kind == "complaint" and not ticket.complaint_grade:
                raise ValidationError(self.env._("A complaint needs a grade."))

    @api.onchange("unit_id", "building_id")
    def _onchange_place_assign_butler(self):
        """A ticket taken by phone goes to the grid butler, as portal ones do."""
        butler = (self.unit_id.building_id or self.building_id).butler_id
        if butler and not self._origin:
            self.user_id = self.first_responsible_id = butler

    # ---- CRUD -----------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        can_edit_sla = self._property_can_edit_sla()
        now = fields.Datetime.now()
        for vals in vals_list:
            self._property_check_protected(vals, PROTECTED_ON_CREATE)
            reported = vals.get("reported_date")
            if (
                reported
                and not can_edit_sla
                and fields.Datetime.to_datetime(reported) > now
            ):
                raise ValidationError(
                    self.env._(
                        "A problem cannot be reported in the future: the "
                        "deadlines start when the owner reported it."
                    )
                )
            if vals.get("kind") == "complaint" and not vals.get("complaint_grade"):
                vals["complaint_grade"] = "general"
        self._auto_assign(vals_list)
        tickets = super().create(vals_list)
        tickets.filtered(
            lambda t: t.kind == "complaint" and t.complaint_grade == "major"
        )._open_task_force()
        tickets.filtered(lambda t: t.kind == "complaint")._check_group_warning()
        return tickets

    def write(self, vals):
        self._property_check_protected(vals, PROTECTED_ON_WRITE)
        if "first_responsible_id" in vals:
            for ticket in self:
                if ticket.first_responsible_id and (
                    ticket.first_responsible_id.id != vals["first_responsible_id"]
                ):
                    raise UserError(
                        self.env._(
                            "The first responsible person of %s cannot be changed.",
                            ticket.display_name,
                        )
                    )
        closing = self.env["helpdesk.ticket"]
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.closed:
                closing = self.filtered(lambda t: not t.closed)
        was_major = self.filtered(lambda t: t.complaint_grade == "major")
        result = super().write(vals)
        if closing:
            closing._on_resolved()
        if vals.get("complaint_grade") == "major":
            (self - was_major).filtered(
                lambda t: t.kind == "complaint"
            )._open_task_force()
        return result

    # ---- actions --------------------------------------------------------

    def _reach(self, code):
        """Timestamp milestone ``code`` now; a late one is flagged breached."""
        now = fields.Datetime.now()
        for ticket in self.filtered(lambda t: not t[f"{code}_date"]):
            vals = {f"{code}_date": now}
            deadline = ticket[f"{code}_deadline"]
            if deadline and now > deadline:
                vals[f"{code}_breached"] = True
            # the addon's own flow: the button, not the butler, stamps it
            ticket_sudo = ticket.sudo()
            ticket_sudo.write(vals)

    def action_acknowledge(self):
        self.check_access("write")
        self._reach("ack")

    def action_dispatch(self):
        self.check_access("write")
        if self.filtered(lambda t: not t.user_id):
            raise UserError(self.env._("Assign the ticket before dispatching it."))
        self.filtered(lambda t: not t.ack_date)._reach("ack")
        self._reach("dispatch")
        self._move_to_next_stage()

    def _move_to_next_stage(self):
        """A ticket still in its team's first stage moves to the next open one."""
        open_stages = {}
        for ticket in self:
            if ticket.team_id not in open_stages:
                open_stages[ticket.team_id] = (
                    ticket.team_id._get_applicable_stages().filtered(
                        lambda s: not s.closed
                    )
                )
            stages = open_stages[ticket.team_id]
            if len(stages) > 1 and ticket.stage_id == stages[0]:
                ticket.stage_id = stages[1]

    def action_on_site(self):
        self.check_access("write")
        self.filtered(lambda t: not t.dispatch_date and t.user_id).action_dispatch()
        self._reach("onsite")

    def action_mark_rectified(self):
        self.write({"rectified_date": fields.Date.context_today(self)})

    def action_reinspect(self, passed):
        """Record a re-inspection of a rectified defect."""
        for ticket in self:
            if ticket.kind != "defect":
                raise UserError(self.env._("Only handover defects are re-inspected."))
            if not ticket.rectified_date:
                raise UserError(
                    self.env._("Mark %s rectified first.", ticket.display_name)
                )
            ticket.write(
                {
                    "reinspection_count": ticket.reinspection_count + 1,
                    "reinspection_result": "pass" if passed else "fail",
                    "rectified_date": ticket.rectified_date if passed else False,
                }
            )

    def action_reinspect_pass(self):
        self.action_reinspect(True)

    def action_reinspect_fail(self):
        self.action_reinspect(False)

    # ---- portal ---------------------------------------------------------

    def _property_portal_close_stages(self):
        """The stages the owner may close this ticket to from the portal:
        closing stages of its team that allow it; none for a repair,
        complaint or defect of a home (staff close those after the work)."""
        self.ensure_one()
        stages = self.env["helpdesk.ticket.stage"]
        if self.kind in STAFF_CLOSED_KINDS and (
            self.unit_id or self.building_id or self.project_id
        ):
            return stages
        if self.team_id:
            stages = self.team_id._get_applicable_stages()
        else:
            stages = stages.search(
                [
                    ("company_id", "in", [False, self.company_id.id]),
                    ("team_ids", "=", False),
                ]
            )
        return stages.filtered(lambda s: s.closed and s.close_from_portal)

    def _property_portal_callbacks(self, user):
        """The callbacks ``user`` may answer on the portal: planned, due, and
        for a ticket of their own household."""
        self.ensure_one()
        now = fields.Datetime.now()
        household = user.partner_id.commercial_partner_id
        return self.callback_ids.filtered(
            lambda c: (
                c.state == "planned"
                and c.due_date <= now
                and c.partner_id.commercial_partner_id == household
            )
        )

    @api.model
    def _property_portal_limits(self):
        setting = self.env["res.config.settings"]._property_param
        return {
            "photos": setting("property_helpdesk.portal_max_photos"),
            "photo_mb": setting("property_helpdesk.portal_max_photo_mb"),
            "rate_count": setting("property_helpdesk.portal_rate_count"),
            "rate_hours": setting("property_helpdesk.portal_rate_hours"),
        }

    @api.model
    def _auto_assign(self, vals_list):
        """Give unassigned new tickets to their building's grid butler, else to
        the least loaded member of their team (one grouped query)."""
        todo = [vals for vals in vals_list if not vals.get("user_id")]
        if not todo:
            return
        units = self.env["property.unit"].browse(
            [vals["unit_id"] for vals in todo if vals.get("unit_id")]
        )
        buildings = self.env["property.building"].browse(
            [vals["building_id"] for vals in todo if vals.get("building_id")]
        )
        butler_of_unit = {unit.id: unit.building_id.butler_id.id for unit in units}
        butler_of_building = {b.id: b.butler_id.id for b in buildings}
        by_team = []
        for vals in todo:
            butler = butler_of_unit.get(vals.get("unit_id")) or butler_of_building.get(
                vals.get("building_id")
            )
            if butler:
                vals["user_id"] = butler
            elif vals.get("team_id"):
                by_team.append(vals)
        if not by_team:
            return
        teams = self.env["helpdesk.ticket.team"].browse(
            [vals["team_id"] for vals in by_team]
        )
        load = {
            user.id: count
            for user, count in self._read_group(
                [
                    ("user_id", "in", teams.user_ids.ids),
                    ("stage_id.closed", "=", False),
                ],
                ["user_id"],
                ["__count"],
            )
        }
        for vals in by_team:
            members = teams.browse(vals["team_id"]).user_ids
            if members:
                user = min(members, key=lambda u: (load.get(u.id, 0), u.id))
                vals["user_id"] = user.id
                load[user.id] = load.get(user.id, 0) + 1

    def _escalation_recipients(self, level):
        self.ensure_one()
        if level == 1:
            return self.user_id or self.building_id.butler_id
        field = ESCALATION_FIELDS.get(level)
        return (
            self.project_id[field]
            if field and self.project_id
            else self.env["res.users"]
        )

    def _open_task_force(self):
        """A major complaint gathers butler, service head and manager at once."""
        for ticket in self:
            people = (
                ticket._escalation_recipients(1)
                | ticket._escalation_recipients(2)
                | ticket._escalation_recipients(3)
            )
            ticket.task_force = True
            ticket.message_subscribe(partner_ids=people.partner_id.ids)
            manager = ticket.project_id.manager_id
            if manager:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._("Major complaint: lead the task force"),
                )
            ticket.message_post(
                body=self.env._(
                    "Major complaint: task force opened with %s.",
                    ", ".join(people.mapped("name")) or self.env._("nobody yet"),
                ),
                partner_ids=people.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _on_resolved(self):
        for ticket in self:
            if ticket.kind == "complaint" and not (
                (ticket.cause or "").strip() and (ticket.lesson or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Record the cause and the lesson learned before closing "
                        "complaint %s.",
                        ticket.display_name,
                    )
                )
        self._reach("resolve")
        self.env["property.ticket.callback"]._plan_for(self)

    def _reopen(self, reason):
        """Put resolved tickets back to work and tell their first responsible."""
        for ticket in self:
            stage = ticket.team_id._get_applicable_stages().filtered(
                lambda s: not s.closed
            )[:1] or self.env["helpdesk.ticket.stage"].search(
                [("closed", "=", False)], limit=1
            )
            ticket.sudo().with_context(property_reopen=True).write(
                {
                    "stage_id": stage.id,
                    "resolve_date": False,
                    "resolve_breached": False,
                    "reopen_count": ticket.reopen_count + 1,
                }
            )
            responsible = ticket.first_responsible_id or ticket.user_id
            if responsible:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=responsible.id,
                    summary=self.env._("Reopened: %s", reason),
                )
            ticket.message_post(body=self.env._("Ticket reopened: %s", reason))

    # ---- group complaints -----------------------------------------------

    def _check_group_warning(self):
        self.env["property.complaint.warning"]._check(self)
