from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

TRIGGERS = [
    ("subscription", "Subscription Date"),
    ("signing", "Signing Date"),
    ("handover", "Handover Date"),
    ("move_in", "Move-in Date"),
    ("birthday", "Birthday"),
    ("fixed", "Fixed Yearly Date"),
    ("milestone", "Project Milestone"),
]
# trigger -> date field of res.partner
TRIGGER_FIELDS = {
    "subscription": "subscription_date",
    "signing": "signing_date",
    "handover": "handover_date",
    "move_in": "move_in_date",
    "birthday": "birthday",
}
ACTIONS = [
    ("call", "Phone Call"),
    ("sms", "SMS"),
    ("visit", "Visit"),
    ("email", "Email"),
    ("inspection", "Quality Inspection"),
    ("greeting", "Greeting"),
    ("appointment", "Appointment"),
    ("upgrade", "Club Upgrade / Referral Invitation"),
]
ROLES = [
    ("butler", "Grid Butler"),
    ("service_head", "Department Head"),
    ("project_manager", "Project Manager"),
    ("sales", "Sales Consultant"),
]
MILESTONE_KINDS = [
    ("topping_out", "Topping-out"),
    ("open_day", "Open Day"),
    ("progress", "Construction Progress"),
    ("handover_notice", "Handover Notice"),
    ("other", "Other"),
]


def shift_date(date, months=0, days=0):
    """``date`` + ``months`` + ``days``; a month-end stays a month-end.

    relativedelta already clamps 31 January + 1 month to the end of February;
    in addition a trigger on the last day of a month lands on the last day of
    the target month (30 April + 3 months = 31 July), as SQL does in
    :func:`_sql_shift`.
    """
    if (date + timedelta(days=1)).day == 1:
        shifted = date + relativedelta(months=months, day=31)
    else:
        shifted = date + relativedelta(months=months)
    return shifted + timedelta(days=days)


def _sql_shift(date_sql, months_sql, days):
    """SQL twin of :func:`shift_date`."""
    return SQL(
        """(CASE WHEN (%(d)s + 1) = date_trunc('month', %(d)s + 1)::date
                THEN (date_trunc('month', %(d)s) + make_interval(months => %(m)s + 1)
                      - interval '1 day')::date
                ELSE (%(d)s + make_interval(months => %(m)s))::date
           END + %(days)s)""",
        d=date_sql,
        m=months_sql,
        days=days,
    )


class PropertyCarePlanLine(models.Model):
    """One step of a care plan: when, what, who and how long to do it."""

    _name = "property.care.plan.line"
    _description = "Care Plan Line"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "property.care.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    trigger = fields.Selection(TRIGGERS, required=True, default="handover")
    fixed_month = fields.Integer(help="Month of the fixed yearly date (1-12).")
    fixed_day = fields.Integer(help="Day of the fixed yearly date (1-31).")
    milestone_kind = fields.Selection(MILESTONE_KINDS)
    offset = fields.Integer(help="Days or months after the trigger date.")
    offset_unit = fields.Selection(
        [("days", "Days"), ("months", "Months")], required=True, default="days"
    )
    repeat = fields.Selection(
        [("once", "Once"), ("yearly", "Every Year")], required=True, default="once"
    )
    action = fields.Selection(ACTIONS, required=True, default="call")
    role = fields.Selection(
        ROLES,
        string="Responsible Role",
        required=True,
        default="butler",
        help="Resolved through the customer's building and project; falls back "
        "to the grid butler, then the department head, then the project manager.",
    )
    days_allowed = fields.Integer(
        string="Days to Complete",
        default=7,
        help="The deadline is the due date plus these days.",
    )
    stage_ids = fields.Many2many(
        "property.care.stage",
        string="Customer Stages",
        help="Only customers currently in one of these stages get this touchpoint. "
        "Leave empty for every stage.",
    )
    template_id = fields.Many2one(
        "mail.template",
        string="Message Template",
        domain=[("model", "=", "property.care.touchpoint")],
    )
    note = fields.Text(translate=True, help="Instructions for the responsible user.")
    portal_visible = fields.Boolean(
        string="Shown on the Portal",
        help="Owners see these appointments on their portal and can confirm them "
        "or ask for another day.",
    )

    _days_allowed_positive = models.Constraint(
        "CHECK(days_allowed >= 0)", "The days to complete cannot be negative."
    )

    @api.constrains("trigger", "fixed_month", "fixed_day", "milestone_kind")
    def _check_trigger(self):
        for line in self:
            if line.trigger == "fixed" and not (
                1 <= line.fixed_month <= 12 and 1 <= line.fixed_day <= 31
            ):
                raise ValidationError(
                    self.env._(
                        "Line %s: a fixed yearly date needs a month (1-12) and a "
                        "day (1-31).",
                        line.name,
                    )
                )
            if line.trigger == "milestone" and not line.milestone_kind:
                raise ValidationError(
                    self.env._("Line %s: choose the project milestone kind.", line.name)
                )

    # ---- dates ---------------------------------------------------------------

    def _offset_months_days(self):
        self.ensure_one()
        if self.offset_unit == "months":
            return self.offset, 0
        return 0, self.offset

    def _occurrence_date(self, trigger_date, repeat_index=0):
        """Due date of occurrence ``repeat_index`` for ``trigger_date``."""
        self.ensure_one()
        months, days = self._offset_months_days()
        return shift_date(trigger_date, months + 12 * repeat_index, days)

    # ---- set-based generation ------------------------------------------------

    def _generate_sql(self, id_from, id_to, window_start, window_end, today):
        """One INSERT .. SELECT creating this line's touchpoints for the
        customers with ``id_from <= id < id_to`` whose occurrence falls in the
        window. The unique key (partner, line, occurrence key) with ON CONFLICT
        DO NOTHING makes a rerun create nothing twice, also after a corrected
        date moved the occurrence. The touchpoint is
        named after the line in the language of its responsible user.
        """
        self.ensure_one()
        plan = self.plan_id
        months, days = self._offset_months_days()
        joins = [SQL("")]
        if self.trigger in TRIGGER_FIELDS:
            trigger_sql = SQL.identifier("p", TRIGGER_FIELDS[self.trigger])
        elif self.trigger == "fixed":
            joins.append(
                SQL(
                    "CROSS JOIN generate_series(%s::int, %s::int) AS yr",
                    window_start.year - 1,
                    window_end.year + 1,
                )
            )
            trigger_sql = SQL(
                "(make_date(yr, %s, 1) + %s)", self.fixed_month, self.fixed_day - 1
            )
        else:
            joins.append(
                SQL(
                    """JOIN property_project_milestone ms
                         ON ms.project_id = p.property_project_id
                        AND ms.kind = %s AND ms.date IS NOT NULL""",
                    self.milestone_kind,
                )
            )
            trigger_sql = SQL("ms.date")
        if self.repeat == "yearly" and self.trigger not in ("fixed", "milestone"):
            offset_years = months // 12 + days // 365
            joins.append(
                SQL(
                    """CROSS JOIN LATERAL generate_series(
                           GREATEST(0, %(ys)s - extract(year FROM %(t)s)::int
                                       - %(oy)s - 2),
                           %(ye)s - extract(year FROM %(t)s)::int - %(oy)s + 2
                       ) AS k""",
                    ys=window_start.year,
                    ye=window_end.year,
                    t=trigger_sql,
                    oy=offset_years,
                )
            )
            index_sql = SQL("k")
        else:
            index_sql = SQL("0")
        # which occurrence: stays the same when a corrected date moves it
        key_sql = {"fixed": SQL("yr"), "milestone": SQL("ms.id")}.get(
            self.trigger, index_sql
        )
        occurrence_sql = _sql_shift(
            trigger_sql, SQL("(%s + 12 * %s)", months, index_sql), days
        )
        role_sql = {
            "butler": SQL("p.butler_id"),
            "service_head": SQL("pr.service_head_id"),
            "project_manager": SQL("pr.manager_id"),
            "sales": SQL("p.user_id"),
        }[self.role]
        filters = [SQL("TRUE")]
        if plan.project_ids:
            filters.append(SQL("p.property_project_id = ANY(%s)", plan.project_ids.ids))
        if self.stage_ids:
            filters.append(SQL("p.care_stage_id = ANY(%s)", self.stage_ids.ids))
        return SQL(
            """
            WITH occ AS (
                SELECT p.id AS partner_id, %(trigger)s AS trigger_date,
                       %(index)s AS repeat_index, %(occurrence)s AS occurrence_date,
                       %(key)s AS occurrence_key,
                       COALESCE(pr.company_id, p.company_id, %(company)s) AS company_id,
                       COALESCE(%(role)s, %(responsible)s) AS user_id,
                       p.property_project_id AS project_id,
                       p.building_id AS building_id
                  FROM res_partner p
             LEFT JOIN property_project pr ON pr.id = p.property_project_id
                       %(joins)s
                 WHERE p.id >= %(id_from)s AND p.id < %(id_to)s
                   AND p.active AND p.customer_stage IS NOT NULL
                   AND %(trigger)s IS NOT NULL
                   AND %(filters)s
            )
            INSERT INTO property_care_touchpoint
                (name, kind, partner_id, unit_id, building_id, project_id,
                 company_id, plan_id, line_id, action, role, trigger_date,
                 repeat_index, occurrence_date, occurrence_key, due_date, deadline,
                 user_id,
                 state, create_uid, create_date, write_uid, write_date)
            SELECT COALESCE(line.name ->> responsible.lang, line.name ->> 'en_US'),
                   'plan', occ.partner_id, unit.unit_id,
                   occ.building_id, occ.project_id, occ.company_id, %(plan)s,
                   %(line)s, %(action)s, %(role_code)s, occ.trigger_date,
                   occ.repeat_index, occ.occurrence_date, occ.occurrence_key,
                   occ.occurrence_date,
                   occ.occurrence_date + %(allowed)s, occ.user_id, 'planned',
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM occ
              JOIN property_care_plan_line line ON line.id = %(line)s
         LEFT JOIN res_users u ON u.id = occ.user_id
         LEFT JOIN res_partner responsible ON responsible.id = u.partner_id
         LEFT JOIN LATERAL (
                    SELECT r.unit_id FROM property_residency r
                     WHERE r.partner_id = occ.partner_id
                       AND r.date_start <= %(today)s
                       AND (r.date_end IS NULL OR r.date_end >= %(today)s)
                  ORDER BY r.role NOT IN ('owner', 'co_owner'), r.date_start
                     LIMIT 1
                   ) unit ON TRUE
             WHERE occ.company_id = %(company)s
               AND occ.occurrence_date BETWEEN %(ws)s AND %(we)s
            ON CONFLICT (partner_id, line_id, occurrence_key) DO NOTHING
            RETURNING id
            """,
            trigger=trigger_sql,
            index=index_sql,
            key=key_sql,
            occurrence=occurrence_sql,
            company=plan.company_id.id,
            role=role_sql,
            responsible=self.env["property.care.touchpoint"]._care_responsible_sql(
                "p", "pr"
            ),
            joins=SQL(" ").join(joins),
            id_from=id_from,
            id_to=id_to,
            filters=SQL(" AND ").join(filters),
            plan=plan.id,
            line=self.id,
            action=self.action,
            role_code=self.role,
            allowed=self.days_allowed,
            uid=self.env.uid,
            now=fields.Datetime.now(),
            today=today,
            ws=window_start,
            we=window_end,
        )
