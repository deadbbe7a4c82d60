import itertools
import json
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, format_date

from .property_care_plan_line import ACTIONS, ROLES, TRIGGER_FIELDS

PROACTIVE_OPEN_INDEX = (
    "(partner_id, kind) WHERE state = 'planned' AND kind IN ('at_risk', 'high_value')"
)


class PropertyCareTouchpoint(models.Model):
    """One planned contact with a customer (call, visit, inspection ...)."""

    _name = "property.care.touchpoint"
    _description = "Care Touchpoint"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    kind = fields.Selection(
        [
            ("plan", "Care Plan"),
            ("at_risk", "At-risk Care"),
            ("high_value", "High-value Invitation"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("customer_stage", "!=", False)],
    )
    unit_id = fields.Many2one("property.unit", index=True, check_company=True)
    building_id = fields.Many2one("property.building", index=True)
    project_id = fields.Many2one("property.project", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    plan_id = fields.Many2one("property.care.plan", index=True, ondelete="set null")
    line_id = fields.Many2one(
        "property.care.plan.line", string="Plan Line", ondelete="set null"
    )
    action = fields.Selection(ACTIONS, required=True, default="call")
    role = fields.Selection(ROLES, string="Responsible Role")
    trigger_date = fields.Date(readonly=True)
    repeat_index = fields.Integer(readonly=True, default=0)
    occurrence_date = fields.Date(
        readonly=True, help="Due date the plan gave this touchpoint."
    )
    occurrence_key = fields.Integer(
        readonly=True,
        help="Which occurrence of its plan line this is (unique key): the repeat "
        "number for a customer date, the year for a fixed date, the milestone for "
        "a project milestone. A corrected date moves the occurrence, it never "
        "plans it again.",
    )
    due_date = fields.Date(required=True, default=fields.Date.context_today)
    deadline = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("missed", "Missed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        tracking=True,
        index=True,
    )
    description = fields.Text()
    outcome = fields.Text()
    score = fields.Integer(
        help="Quick 1-5 score of the contact (0 = not scored).", aggregator="avg"
    )
    done_date = fields.Date(readonly=True, copy=False)
    done_on_time = fields.Boolean(readonly=True, copy=False)
    escalated_date = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    portal_visible = fields.Boolean(related="line_id.portal_visible")
    has_template = fields.Boolean(compute="_compute_has_template")
    portal_state = fields.Selection(
        [("confirmed", "Confirmed"), ("reschedule", "Another Day Requested")],
        string="Owner Answer",
        readonly=True,
        copy=False,
        tracking=True,
    )
    portal_requested_date = fields.Date(
        string="Day Asked by the Owner", readonly=True, copy=False
    )
    visit_ids = fields.One2many("property.care.visit", "touchpoint_id")

    _plan_occurrence_uniq = models.Constraint(
        "UNIQUE(partner_id, line_id, occurrence_key)",
        "A plan line gives a customer one touchpoint per occurrence.",
    )
    _proactive_open_uniq = models.UniqueIndex(
        PROACTIVE_OPEN_INDEX,
        "A customer has at most one open proactive touchpoint of each kind.",
    )
    _planned_deadline_idx = models.Index("(deadline) WHERE state = 'planned'")

    @api.depends("state", "deadline")
    @api.depends_context("date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for touchpoint in self:
            touchpoint.is_overdue = (
                touchpoint.state == "planned" and touchpoint.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        overdue = Domain("state", "=", "planned") & Domain(
            "deadline", "<", fields.Date.context_today(self)
        )
        return overdue if (operator == "=") == value else ~overdue

    @api.depends("line_id.template_id")
    def _compute_has_template(self):
        for touchpoint in self:
            touchpoint.has_template = bool(touchpoint.line_id.template_id)

    @api.depends("name", "partner_id.name")
    def _compute_display_name(self):
        for touchpoint in self:
            touchpoint.display_name = (
                f"{touchpoint.partner_id.name or ''}: {touchpoint.name or ''}"
            )

    @api.constrains("score")
    def _check_score(self):
        if any(not 0 <= touchpoint.score <= 5 for touchpoint in self):
            raise ValidationError(self.env._("The score goes from 1 to 5."))

    @api.constrains("due_date", "deadline")
    def _check_dates(self):
        for touchpoint in self:
            if touchpoint.deadline < touchpoint.due_date:
                raise ValidationError(
                    self.env._("The deadline cannot be before the due date.")
                )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        partner = self.partner_id
        if partner:
            self.building_id = partner.building_id
            self.project_id = partner.property_project_id
            self.unit_id = partner.unit_ids[:1]
            self.user_id = self.user_id or self._care_responsible(partner, self.unit_id)

    @api.model_create_multi
    def create(self, vals_list):
        touchpoints = super().create(vals_list)
        touchpoints.filtered(lambda t: t.state == "planned")._schedule_activities()
        return touchpoints

    # ---- actions -------------------------------------------------------------

    def action_done(self):
        """Mark done: the responsible's activity is closed with the outcome."""
        if any(t.state != "planned" for t in self):
            raise UserError(self.env._("Only planned touchpoints can be marked done."))
        if any(t.score and not 1 <= t.score <= 5 for t in self):
            raise UserError(self.env._("The score goes from 1 to 5."))
        today = fields.Date.context_today(self)
        care_type = self._care_activity_type()
        for touchpoint in self:
            touchpoint.write(
                {
                    "state": "done",
                    "done_date": today,
                    "done_on_time": today <= touchpoint.deadline,
                }
            )
            activities = touchpoint.activity_ids.filtered(
                lambda a: a.activity_type_id == care_type
            )
            activities.action_feedback(feedback=touchpoint.outcome or False)
        self._log_visits()
        return True

    def _log_visits(self):
        """A visit touchpoint done without a logged visit records one, so the
        household counts as visited this quarter."""
        todo = self.filtered(lambda t: t.action == "visit" and not t.visit_ids)
        self.env["property.care.visit"].create(
            [
                {
                    "partner_id": touchpoint.partner_id.id,
                    "unit_id": touchpoint.unit_id.id
                    or touchpoint.partner_id.unit_ids[:1].id,
                    "company_id": touchpoint.company_id.id,
                    "visitor_id": (touchpoint.user_id or self.env.user).id,
                    "date": touchpoint.done_date,
                    "score": touchpoint.score,
                    "needs": touchpoint.outcome,
                    "touchpoint_id": touchpoint.id,
                }
                for touchpoint in todo
            ]
        )

    def action_cancel(self):
        self.filtered(lambda t: t.state == "planned").write({"state": "cancelled"})
        self.activity_ids.unlink()
        return True

    def action_reset(self):
        to_reset = self.filtered(lambda t: t.state in ("missed", "cancelled"))
        to_reset.write({"state": "planned", "done_date": False})
        to_reset._schedule_activities()
        return True

    def action_send_message(self):
        """Send the plan line's message template to the customer, logged in
        the touchpoint's chatter."""
        for touchpoint in self:
            template = touchpoint.line_id.template_id
            if not template:
                raise UserError(
                    self.env._(
                        "The plan line of %s has no message template.",
                        touchpoint.display_name,
                    )
                )
            touchpoint.message_post_with_source(
                template,
                partner_ids=touchpoint.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_log_visit(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Visit"),
            "res_model": "property.care.visit",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_unit_id": self.unit_id.id,
                "default_touchpoint_id": self.id,
            },
        }

    # ---- activities ----------------------------------------------------------

    # ---- responsible ---------------------------------------------------------

    @api.model
    def _care_responsible(self, partner, unit=None):
        """The user who follows ``partner`` up (about ``unit``): the butler
        of the unit's grid, else the customer's butler, else the project's
        department head, else its manager. ``_care_responsible_sql`` is the
        same rule for the set-based generation (no unit there)."""
        unit = unit or self.env["property.unit"]
        project = unit.project_id or partner.property_project_id
        return (
            unit.building_id.butler_id
            or partner.butler_id
            or project.service_head_id
            or project.manager_id
        )

    @api.model
    def _care_responsible_sql(self, partner_alias, project_alias):
        """``_care_responsible`` of the customer row ``partner_alias`` joined
        to its project row ``project_alias``."""
        return SQL(
            "COALESCE(%s, %s, %s)",
            SQL.identifier(partner_alias, "butler_id"),
            SQL.identifier(project_alias, "service_head_id"),
            SQL.identifier(project_alias, "manager_id"),
        )

    # ---- activities ----------------------------------------------------------

    @api.model
    def _care_activity_type(self):
        return self.env.ref("property_care.mail_activity_type_care")

    def _schedule_activities(self):
        """One care activity per planned touchpoint for its responsible user,
        created in one batch through ``mail.activity`` (followers, systray
        counter, assignment notice), on its due date: the activity menu shows
        what is due today. Its summary is the touchpoint name, already in the
        responsible user's language."""
        todo = self.filtered("user_id")
        if not todo:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_type = self._care_activity_type()
        # the activities' record names: computed here for the batch at once,
        # then read from the cache by the activity (one record at a time)
        todo.mapped("display_name")
        activities = self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": touchpoint.id,
                    "activity_type_id": activity_type.id,
                    "summary": touchpoint.name,
                    "date_deadline": touchpoint.due_date,
                    "user_id": touchpoint.user_id.id,
                    "automated": True,
                }
                for touchpoint in todo
            ]
        )
        activities.flush_recordset(["res_name"])
        return activities

    def _schedule_activities_quietly(self):
        """The crons' way: the same activities without one assignment notice
        each (thousands a day): ``_notify_new_touchpoints`` sends each
        responsible user one notice for the whole run."""
        return self.with_context(mail_activity_quick_update=True)._schedule_activities()

    @api.model
    def _notify_new_touchpoints(self, touchpoints):
        """One notice per responsible user for ``touchpoints``, new in this
        run, in the user's own language."""
        per_user = touchpoints._read_group(
            [("id", "in", touchpoints.ids), ("user_id", "!=", False)],
            ["user_id"],
            ["__count", "deadline:min"],
        )
        for user, count, first_deadline in per_user:
            user_env = self.with_context(lang=user.lang).env
            self.env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=user_env._("%s new care touchpoints assigned to you", count),
                body=user_env._(
                    "%(count)s new care touchpoints are assigned to you, the first "
                    "due on %(date)s: see your activities.",
                    count=count,
                    date=format_date(user_env, first_deadline),
                ),
            )

    # ---- generation ----------------------------------------------------------

    @api.model
    def _care_window(self, today):
        return (
            today
            - timedelta(
                days=self.env["res.config.settings"]._property_param(
                    "property_care.catch_up_days"
                )
            ),
            today
            + timedelta(
                days=self.env["res.config.settings"]._property_param(
                    "property_care.lookahead_days"
                )
            ),
        )

    @api.model
    def _generate_batch(self, lines, id_from, id_to, today):
        """Create the touchpoints (and their activities) of ``lines`` for the
        customers with ``id_from <= id < id_to``. Returns the new ids."""
        window_start, window_end = self._care_window(today)
        lines.flush_recordset(["name"])
        new_ids = []
        for line in lines:
            self.env.cr.execute(
                line._generate_sql(id_from, id_to, window_start, window_end, today)
            )
            new_ids += [row[0] for row in self.env.cr.fetchall()]
        self.invalidate_model()
        self.browse(new_ids)._schedule_activities_quietly()
        return new_ids

    @api.model
    def _cron_generate(self, batch_size=None):
        """Daily: refresh the care stages, then create the touchpoints that
        fall due within the look-ahead window, one batch of customers at a
        time. Each batch is committed; a crash loses at most the batch in
        flight, which the next run recreates (ON CONFLICT DO NOTHING)."""
        self._generate_all(batch_size=batch_size, commit=True)

    @api.model
    def _generate_all(self, batch_size=None, commit=False):
        """Generate every due touchpoint; ``commit`` reports cron progress
        (and commits) after each batch of ``batch_size`` customers (setting
        by default)."""
        today = fields.Date.context_today(self)
        batch_size = max(
            1,
            batch_size
            or self.env["res.config.settings"]._property_param(
                "property_care.generate_batch_size"
            ),
        )
        self.env["res.partner"]._refresh_care_stages(batch_size=batch_size)
        lines = self.env["property.care.plan.line"].search(
            [("plan_id.active", "=", True)]
        )
        bounds = self._customer_batch_bounds(batch_size) if lines else []
        batches = list(itertools.pairwise(bounds))
        cron = self.env["ir.cron"]
        if batches and commit:
            cron._commit_progress(remaining=len(batches))
        new_ids = []
        for id_from, id_to in batches:
            new_ids += self._generate_batch(lines, id_from, id_to, today)
            if commit and not cron._commit_progress(1):
                return
        new_ids += self._generate_proactive(today)
        self._notify_new_touchpoints(self.browse(new_ids))
        if commit:
            cron._commit_progress()

    @api.model
    def _customer_batch_bounds(self, batch_size):
        """Customer id bounds cutting the customers into batches of
        ``batch_size`` (the last one shorter): batch i is
        ``bounds[i] <= id < bounds[i + 1]``. Counted in customers, not in
        ids, so that gaps in the ids (other contacts) add no batches."""
        self.env["res.partner"].flush_model(["customer_stage", "active"])
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                      FROM res_partner
                     WHERE customer_stage IS NOT NULL AND active
                ) customers
                 WHERE rank %% %(size)s = 0
                 UNION ALL
                SELECT max(id) + 1 FROM res_partner
                 WHERE customer_stage IS NOT NULL AND active
                HAVING count(*) > 0
                 ORDER BY 1
                """,
                size=batch_size,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _generate_proactive(self, today):
        """At-risk customers get one care touchpoint with their health reasons,
        high-value customers one club upgrade / referral invitation: one open
        at a time (partial unique index), and not again within the interval."""
        interval = self.env["res.config.settings"]._property_param(
            "property_care.proactive_interval_days"
        )
        days_allowed = self.env["res.config.settings"]._property_param(
            "property_care.proactive_days_allowed"
        )
        new_ids = []
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        proactive = [
            ("at_risk", "visit", lambda env: env._("At-risk care visit")),
            (
                "high_value",
                "upgrade",
                lambda env: env._("Club upgrade / referral invitation"),
            ),
        ]
        for level, action, translate in proactive:
            # named in the language of the responsible user
            names = {
                code: translate(self.with_context(lang=code).env) for code in langs
            }
            kind = level
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO property_care_touchpoint
                        (name, kind, partner_id, building_id, project_id, company_id,
                         action, role, due_date, deadline, user_id, state,
                         description, create_uid, create_date, write_uid, write_date)
                    SELECT COALESCE(%(names)s::jsonb ->> responsible.lang,
                                    %(name)s),
                           %(kind)s, p.id, p.building_id,
                           p.property_project_id,
                           COALESCE(pr.company_id, p.company_id, %(company)s),
                           %(action)s, 'butler', %(today)s, %(deadline)s,
                           %(responsible)s, 'planned', p.health_reasons,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM res_partner p
                 LEFT JOIN property_project pr ON pr.id = p.property_project_id
                 LEFT JOIN res_users u
                        ON u.id = %(responsible)s
                 LEFT JOIN res_partner responsible ON responsible.id = u.partner_id
                     WHERE p.health_level = %(level)s AND p.active
                       AND p.customer_stage IS NOT NULL
                       AND NOT EXISTS (
                            SELECT 1 FROM property_care_touchpoint t
                             WHERE t.partner_id = p.id AND t.kind = %(kind)s
                               AND (t.state = 'planned' OR t.create_date >= %(since)s))
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """,
                    names=json.dumps(names),
                    responsible=self._care_responsible_sql("p", "pr"),
                    name=translate(self.with_context(lang="en_US").env),
                    kind=kind,
                    company=self.env.company.id,
                    action=action,
                    today=today,
                    deadline=today + timedelta(days=days_allowed),
                    uid=self.env.uid,
                    now=fields.Datetime.now(),
                    level=level,
                    since=fields.Datetime.now() - timedelta(days=interval),
                )
            )
            new_ids += [row[0] for row in self.env.cr.fetchall()]
        self.invalidate_model()
        self.browse(new_ids)._schedule_activities_quietly()
        return new_ids

    # ---- trigger dates moved -------------------------------------------------

    @api.model
    def _move_for_partners(self, partners, triggers):
        """Planned plan touchpoints follow a corrected trigger date; done,
        missed and cancelled ones stay where they were."""
        touchpoints = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("state", "=", "planned"),
                ("kind", "=", "plan"),
                ("line_id.trigger", "in", triggers),
            ]
        )
        if not touchpoints:
            return
        to_cancel = self.browse()
        moves = {}
        for touchpoint in touchpoints:
            field = TRIGGER_FIELDS[touchpoint.line_id.trigger]
            new_trigger = touchpoint.partner_id[field]
            if not new_trigger:
                to_cancel |= touchpoint
                continue
            if new_trigger == touchpoint.trigger_date:
                continue
            occurrence = touchpoint.line_id._occurrence_date(
                new_trigger, touchpoint.repeat_index
            )
            moves[touchpoint] = (new_trigger, occurrence)
        taken = set()
        if moves:
            existing = self.search_read(
                [
                    ("partner_id", "in", partners.ids),
                    ("line_id", "in", [t.line_id.id for t in moves]),
                    ("id", "not in", [t.id for t in moves]),
                ],
                ["partner_id", "line_id", "occurrence_date"],
            )
            taken = {
                (r["partner_id"][0], r["line_id"][0], r["occurrence_date"])
                for r in existing
            }
        for touchpoint, (new_trigger, occurrence) in moves.items():
            key = (touchpoint.partner_id.id, touchpoint.line_id.id, occurrence)
            if key in taken:
                to_cancel |= touchpoint
                continue
            taken.add(key)
            deadline = occurrence + timedelta(days=touchpoint.line_id.days_allowed)
            touchpoint.write(
                {
                    "trigger_date": new_trigger,
                    "occurrence_date": occurrence,
                    "due_date": occurrence,
                    "deadline": deadline,
                }
            )
            touchpoint.activity_ids.write({"date_deadline": occurrence})
        to_cancel.action_cancel()

    # ---- escalation and missed -----------------------------------------------

    def _escalation_user(self):
        self.ensure_one()
        project = self.project_id
        head = project.service_head_id
        if head and head != self.user_id:
            return head
        return project.manager_id

    @api.model
    def _cron_follow_up(self, batch_size=500):
        """Daily: escalate overdue touchpoints once, then mark the ones past
        the grace period as missed, in committed batches."""
        today = fields.Date.context_today(self)
        cron = self.env["ir.cron"]
        overdue = Domain("state", "=", "planned") & Domain("deadline", "<", today)
        to_escalate = overdue & Domain("escalated_date", "=", False)
        grace = self.env["res.config.settings"]._property_param(
            "property_care.grace_days"
        )
        to_miss = Domain("state", "=", "planned") & Domain(
            "deadline", "<", today - timedelta(days=grace)
        )
        cron._commit_progress(
            remaining=self.search_count(to_escalate) + self.search_count(to_miss)
        )
        while batch := self.search(to_escalate, limit=batch_size, order="id"):
            batch._escalate(today)
            if not cron._commit_progress(len(batch)):
                return
        while batch := self.search(to_miss, limit=batch_size, order="id"):
            batch.write({"state": "missed"})
            batch.activity_ids.unlink()
            if not cron._commit_progress(len(batch)):
                return

    def _escalate(self, today):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for touchpoint in self:
            user = touchpoint._escalation_user()
            # written for the person it is escalated to: in their language
            env = self.with_context(
                lang=user.lang or touchpoint.company_id.partner_id.lang
            ).env
            message = env._(
                "Overdue since %(deadline)s (responsible: %(user)s): escalated.",
                deadline=touchpoint.deadline,
                user=touchpoint.user_id.name or env._("nobody"),
            )
            if user:
                touchpoint.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=env._("Overdue care touchpoint"),
                    note=message,
                    user_id=user.id,
                    date_deadline=today,
                )
            touchpoint.message_post(
                body=message,
                partner_ids=user.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
        self.write({"escalated_date": today})

    # ---- portal --------------------------------------------------------------

    def _portal_confirm(self):
        self.ensure_one()
        self.write({"portal_state": "confirmed", "portal_requested_date": False})
        self.message_post(
            body=self.env._("%s confirmed the appointment.", self.partner_id.name),
            subtype_xmlid="mail.mt_note",
        )

    def _portal_reschedule(self, requested_date, note):
        self.ensure_one()
        today = fields.Date.context_today(self)
        if not requested_date or requested_date < today:
            raise ValidationError(
                self.env._("Choose a day from today on for the appointment.")
            )
        self.write(
            {"portal_state": "reschedule", "portal_requested_date": requested_date}
        )
        text = self.env._(
            "%(owner)s asks for another day: %(date)s. %(note)s",
            owner=self.partner_id.name,
            date=requested_date,
            note=note or "",
        )
        self.message_post(body=text, subtype_xmlid="mail.mt_note")
        if self.user_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Owner asks for another day"),
                note=text,
                user_id=self.user_id.id,
                date_deadline=today,
            )
