import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# A fact counts for the months after the month it happened in, up to a year:
# an event of month E is part of the features of months E+1 ... E+LOOKBACK.
LOOKBACK_MONTHS = 12
# "days since" when nothing happened within the look-back
NEVER_DAYS = 366


class PropertyInsightFeature(models.Model):
    """What the suite knew about one household at the start of one month.

    One row per unit (household) and month, built set-based in SQL from the
    signals of every installed addon: each addon adds its columns as fields
    and its SQL through ``_insight_feature_sources`` and
    ``_insight_feature_defs``. A value only uses facts dated before the
    month's first day, so a model trained on it cannot see the future.
    """

    _name = "property.insight.feature"
    _description = "Household Features of a Month"
    _order = "month desc, unit_id"
    _rec_name = "unit_id"

    month = fields.Date(required=True, readonly=True, index=True)
    unit_id = fields.Many2one(
        "property.unit", string="Household", required=True, readonly=True
    )
    building_id = fields.Many2one("property.building", readonly=True, index=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Owner", readonly=True)
    years_since_handover = fields.Float(readonly=True, digits=(6, 1))
    category_black = fields.Integer(string="Black customer", readonly=True)
    category_good = fields.Integer(string="Good relationship", readonly=True)
    category_changes_12m = fields.Integer(
        string="Relationship changes in 12 months", readonly=True
    )
    survey_answers_12m = fields.Integer(
        string="Survey answers in 12 months", readonly=True
    )
    survey_low_12m = fields.Integer(
        string="Unhappy survey answers in 12 months", readonly=True
    )
    survey_last_score = fields.Integer(string="Last survey score", readonly=True)
    # filled when property_helpdesk is installed (see _insight_helpdesk_*)
    hd_repairs_1m = fields.Integer(string="Repairs last month", readonly=True)
    hd_repairs_3m = fields.Integer(string="Repairs in 3 months", readonly=True)
    hd_repairs_12m = fields.Integer(string="Repairs in 12 months", readonly=True)
    hd_complaints_general_12m = fields.Integer(
        string="General complaints in 12 months", readonly=True
    )
    hd_complaints_important_12m = fields.Integer(
        string="Important complaints in 12 months", readonly=True
    )
    hd_complaints_major_12m = fields.Integer(
        string="Major complaints in 12 months", readonly=True
    )
    hd_breaches_12m = fields.Integer(
        string="Tickets past their deadline in 12 months", readonly=True
    )
    hd_low_callbacks_12m = fields.Integer(
        string="Dissatisfied callbacks in 12 months", readonly=True
    )
    hd_open_defects = fields.Integer(string="Open handover defects", readonly=True)

    _unit_month_uniq = models.Constraint(
        "unique(unit_id, month)", "A household has one feature row per month."
    )

    # ---- extension points -----------------------------------------------------

    @api.model
    def _insight_feature_sources(self):
        """Return ``{name: SQL}``, each query selecting dated facts per unit.

        Columns: ``unit_id``, ``date`` (the day the fact became known, a
        date) and any value the features of that source aggregate. Add-ons
        add their own.
        """
        return self._insight_helpdesk_sources() | {
            "survey": SQL(
                """
                SELECT h.unit_id, c.month AS date, h.overall_score AS score
                  FROM property_survey_household h
                  JOIN property_survey_campaign c ON c.id = h.campaign_id
                 WHERE h.answered
                """
            ),
            "relationship": SQL(
                """
                SELECT DISTINCT r.unit_id, h.id, h.date::date AS date
                  FROM property_relationship_history h
                  JOIN property_residency r ON r.partner_id = h.partner_id
                                           AND r.role IN ('owner', 'co_owner')
                """
            ),
        }

    @api.model
    def _insight_feature_states(self):
        """Return ``{name: SQL}``, each query selecting per unit the periods
        of a state: ``unit_id``, ``date_from`` (exclusive), ``date_to``
        (inclusive, NULL while it lasts) and the state's values. The periods
        of one unit never overlap."""
        return {
            "category": SQL(
                """
                SELECT unit_id, date_from, new_category,
                       lead(date_from) OVER (PARTITION BY unit_id
                                             ORDER BY date_from, id) AS date_to
                  FROM (SELECT DISTINCT r.unit_id, h.id, h.date AS date_from,
                                        h.new_category
                          FROM property_relationship_history h
                          JOIN property_residency r
                            ON r.partner_id = h.partner_id
                           AND r.role IN ('owner', 'co_owner')) changes
                """
            ),
        }

    @api.model
    def _insight_feature_defs(self):
        """Return the features, one dict each.

        * ``field``: the column of this model;
        * ``driver``: what the feature says about the household, for the work
          list (``repairs``, ``inactivity``, ``satisfaction``,
          ``relationship``, ``tenure``);
        * either ``source`` and ``agg``: an aggregate over the facts ``s`` of
          that source dated in the twelve months before the month, and ``k``,
          how many months before (1 = last month), with ``default`` when
          there is none; ``days_since=True`` turns a ``max(s.date)`` into the
          days before the month's first day;
        * or ``state`` and ``value``: an expression over the state ``s`` the
          household was in at the month's start (``default`` when none);
        * or ``expr``: an SQL expression over the grid row ``g`` (``unit_id``,
          ``month``, ``handover_date``).
        """
        low = self.env["res.config.settings"]._property_int_param(
            "property_insight.unhappy_max_score"
        )
        return [
            *self._insight_helpdesk_defs(),
            {
                "field": "years_since_handover",
                "driver": "tenure",
                "expr": SQL(
                    "COALESCE((g.month - g.handover_date) / 365.25, 0)::numeric(6,1)"
                ),
            },
            {
                "field": "category_black",
                "driver": "relationship",
                "state": "category",
                "value": SQL("(s.new_category = 'black')::int"),
                "default": 0,
            },
            {
                "field": "category_good",
                "driver": "relationship",
                "state": "category",
                "value": SQL("(s.new_category = 'good')::int"),
                "default": 0,
            },
            {
                "field": "category_changes_12m",
                "driver": "relationship",
                "source": "relationship",
                "agg": SQL("count(*)"),
                "default": 0,
            },
            {
                "field": "survey_answers_12m",
                "driver": "satisfaction",
                "source": "survey",
                "agg": SQL("count(*)"),
                "default": 0,
            },
            {
                "field": "survey_low_12m",
                "driver": "satisfaction",
                "source": "survey",
                "agg": SQL("count(*) FILTER (WHERE s.score <= %s)", low),
                "default": 0,
            },
            {
                "field": "survey_last_score",
                "driver": "satisfaction",
                "source": "survey",
                "agg": SQL("(array_agg(s.score ORDER BY s.date DESC))[1]"),
                "default": 0,
            },
        ]

    # ---- helpdesk signals -----------------------------------------------------
    # property_helpdesk does not depend on this addon nor this addon on it:
    # its tables are read when installed, the columns stay 0 otherwise.

    @api.model
    def _insight_has_helpdesk(self):
        return (
            "kind" in self.env.get("helpdesk.ticket", self.env["res.partner"])._fields
        )

    @api.model
    def _insight_helpdesk_sources(self):
        if not self._insight_has_helpdesk():
            return {}
        return {
            # a breach is a fact of the deadline it missed; a defect is open
            # for a later month until the month it was resolved in
            "hd_ticket": SQL(
                """
                SELECT t.unit_id, t.reported_date::date AS date, t.kind,
                       t.complaint_grade
                  FROM helpdesk_ticket t
                 WHERE t.unit_id IS NOT NULL AND t.reported_date IS NOT NULL
                """
            ),
            "hd_breach": SQL(
                """
                SELECT t.unit_id,
                       COALESCE(t.resolve_deadline, t.onsite_deadline,
                                t.dispatch_deadline, t.ack_deadline)::date AS date
                  FROM helpdesk_ticket t
                 WHERE t.unit_id IS NOT NULL AND t.is_breached
                """
            ),
            "hd_callback": SQL(
                """
                SELECT t.unit_id, c.done_date::date AS date, c.score
                  FROM property_ticket_callback c
                  JOIN helpdesk_ticket t ON t.id = c.ticket_id
                 WHERE t.unit_id IS NOT NULL AND c.done_date IS NOT NULL
                   AND c.score > 0
                """
            ),
            "hd_defect": SQL(
                """
                SELECT t.unit_id, t.reported_date::date AS date,
                       (date_part('year', t.resolve_date) * 12
                        + date_part('month', t.resolve_date) - 1)::int AS done_mi
                  FROM helpdesk_ticket t
                 WHERE t.unit_id IS NOT NULL AND t.kind = 'defect'
                   AND t.reported_date IS NOT NULL
                """
            ),
        }

    @api.model
    def _insight_helpdesk_defs(self):
        if not self._insight_has_helpdesk():
            return [
                {"field": name, "driver": "repairs", "expr": SQL("0")}
                for name in (
                    "hd_repairs_1m",
                    "hd_repairs_3m",
                    "hd_repairs_12m",
                    "hd_complaints_general_12m",
                    "hd_complaints_important_12m",
                    "hd_complaints_major_12m",
                    "hd_breaches_12m",
                    "hd_low_callbacks_12m",
                    "hd_open_defects",
                )
            ]
        low = self.env["res.config.settings"]._property_int_param(
            "property_insight.unhappy_max_score"
        )
        repairs = SQL("s.kind = 'repair'")
        return [
            {
                "field": "hd_repairs_1m",
                "driver": "repairs",
                "source": "hd_ticket",
                "agg": SQL("count(*) FILTER (WHERE %s AND k = 1)", repairs),
            },
            {
                "field": "hd_repairs_3m",
                "driver": "repairs",
                "source": "hd_ticket",
                "agg": SQL("count(*) FILTER (WHERE %s AND k <= 3)", repairs),
            },
            {
                "field": "hd_repairs_12m",
                "driver": "repairs",
                "source": "hd_ticket",
                "agg": SQL("count(*) FILTER (WHERE %s)", repairs),
            },
            *(
                {
                    "field": f"hd_complaints_{grade}_12m",
                    "driver": "repairs",
                    "source": "hd_ticket",
                    "agg": SQL(
                        "count(*) FILTER (WHERE s.kind = 'complaint'"
                        " AND s.complaint_grade = %s)",
                        grade,
                    ),
                }
                for grade in ("general", "important", "major")
            ),
            {
                "field": "hd_breaches_12m",
                "driver": "repairs",
                "source": "hd_breach",
                "agg": SQL("count(*)"),
            },
            {
                "field": "hd_low_callbacks_12m",
                "driver": "repairs",
                "source": "hd_callback",
                "agg": SQL("count(*) FILTER (WHERE s.score <= %s)", low),
            },
            {
                "field": "hd_open_defects",
                "driver": "repairs",
                "source": "hd_defect",
                "agg": SQL(
                    "count(*) FILTER (WHERE s.done_mi IS NULL OR s.done_mi >= s.mi + k)"
                ),
            },
        ]

    # ---- building -------------------------------------------------------------

    @api.model
    def _insight_feature_fields(self):
        return [feature["field"] for feature in self._insight_feature_defs()]

    @api.model
    def _history_start(self, target_month):
        months = self.env["res.config.settings"]._property_int_param(
            "property_insight.history_months"
        )
        return target_month - relativedelta(months=months)

    @api.model
    def _build_history(self, target_month):
        """The features the back-test and the scoring of ``target_month``
        read: the months of history and the target month itself."""
        self._build(self._history_start(target_month), target_month)

    @api.model
    def _build(self, first_month, last_month):
        """Compute (or recompute) every household's features for the months
        from ``first_month`` to ``last_month`` in one INSERT ... SELECT."""
        self.env.flush_all()
        self.env.cr.execute(self._build_query(first_month, last_month))
        self.invalidate_model()

    @api.model
    def _build_query(self, first_month, last_month):
        """One INSERT ... SELECT over units x months.

        Months are numbered (year * 12 + month - 1) so that "the twelve
        months before" is integer arithmetic: a fact of month ``mi`` is
        spread over the months ``mi + 1`` ... ``mi + 12`` and aggregated per
        unit and month, each source once.
        """
        defs = self._insight_feature_defs()
        sources = self._insight_feature_sources()
        states = self._insight_feature_states()
        first_mi = first_month.year * 12 + first_month.month - 1
        last_mi = last_month.year * 12 + last_month.month - 1
        ctes = [
            SQL(
                """
                months AS (
                    SELECT m::date AS month,
                           (date_part('year', m) * 12
                            + date_part('month', m) - 1)::int AS mi
                      FROM generate_series(%(first)s::date, %(last)s::date,
                                           interval '1 month') m),
                owners AS (
                    SELECT DISTINCT ON (unit_id) unit_id, partner_id
                      FROM property_residency
                     WHERE role IN ('owner', 'co_owner')
                  ORDER BY unit_id, role DESC, date_start DESC, id DESC),
                grid AS MATERIALIZED (
                    SELECT u.id AS unit_id, m.month, m.mi, u.building_id,
                           u.project_id, u.company_id, u.handover_date,
                           o.partner_id
                      FROM property_unit u
                      JOIN months m ON u.handover_date IS NULL
                                    OR u.handover_date < m.month
                 LEFT JOIN owners o ON o.unit_id = u.id
                     WHERE u.active AND u.sale_state = 'handed_over')
                """,
                first=first_month,
                last=last_month,
            )
        ]
        joins = []
        for name in dict.fromkeys(d["source"] for d in defs if "source" in d):
            alias = SQL.identifier(f"src_{name}")
            ctes.append(
                SQL(
                    """
                    %(alias)s AS (
                        SELECT s.unit_id, s.mi + k AS mi, %(aggs)s
                          FROM (SELECT s0.*,
                                       (date_part('year', s0.date) * 12
                                        + date_part('month', s0.date) - 1)::int AS mi
                                  FROM (%(source)s) s0
                                 WHERE s0.date >= %(since)s AND s0.date < %(until)s
                               ) s
                    CROSS JOIN generate_series(1, %(lookback)s) AS k
                         WHERE s.mi + k BETWEEN %(first_mi)s AND %(last_mi)s
                      GROUP BY 1, 2)
                    """,
                    alias=alias,
                    aggs=SQL(", ").join(
                        SQL("%s AS %s", d["agg"], SQL.identifier(d["field"]))
                        for d in defs
                        if d.get("source") == name
                    ),
                    source=sources[name],
                    since=first_month - relativedelta(months=LOOKBACK_MONTHS),
                    until=last_month,
                    lookback=LOOKBACK_MONTHS,
                    first_mi=first_mi,
                    last_mi=last_mi,
                )
            )
            joins.append(
                SQL(
                    "LEFT JOIN %(alias)s ON %(alias)s.unit_id = g.unit_id"
                    " AND %(alias)s.mi = g.mi",
                    alias=alias,
                )
            )
        for name in dict.fromkeys(d["state"] for d in defs if "state" in d):
            alias = SQL.identifier(f"state_{name}")
            ctes.append(
                SQL(
                    """
                    %(alias)s AS (
                        SELECT g.unit_id, g.mi, %(values)s
                          FROM grid g
                          JOIN (%(state)s) s
                            ON s.unit_id = g.unit_id AND s.date_from < g.month
                           AND (s.date_to IS NULL OR s.date_to >= g.month))
                    """,
                    alias=alias,
                    values=SQL(", ").join(
                        SQL("%s AS %s", d["value"], SQL.identifier(d["field"]))
                        for d in defs
                        if d.get("state") == name
                    ),
                    state=states[name],
                )
            )
            joins.append(
                SQL(
                    "LEFT JOIN %(alias)s ON %(alias)s.unit_id = g.unit_id"
                    " AND %(alias)s.mi = g.mi",
                    alias=alias,
                )
            )
        columns, values = [], []
        for d in defs:
            column = SQL.identifier(d["field"])
            columns.append(column)
            if "expr" in d:
                values.append(d["expr"])
                continue
            kind = "src" if "source" in d else "state"
            value = SQL(
                "%s.%s",
                SQL.identifier(f"{kind}_{d.get('source') or d['state']}"),
                column,
            )
            if d.get("days_since"):
                values.append(SQL("COALESCE(g.month - %s, %s)", value, NEVER_DAYS))
            else:
                values.append(SQL("COALESCE(%s, %s)", value, d.get("default", 0)))
        return SQL(
            """
            WITH %(ctes)s
            INSERT INTO property_insight_feature
                (unit_id, month, building_id, project_id, company_id, partner_id,
                 %(columns)s, create_uid, create_date, write_uid, write_date)
            SELECT g.unit_id, g.month, g.building_id, g.project_id, g.company_id,
                   g.partner_id, %(values)s,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM grid g
                   %(joins)s
            ON CONFLICT (unit_id, month) DO UPDATE
               SET building_id = EXCLUDED.building_id,
                   partner_id = EXCLUDED.partner_id,
                   %(updates)s,
                   write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            """,
            ctes=SQL(", ").join(ctes),
            columns=SQL(", ").join(columns),
            values=SQL(", ").join(values),
            joins=SQL(" ").join(joins),
            updates=SQL(", ").join(
                SQL("%s = EXCLUDED.%s", column, column) for column in columns
            ),
            uid=self.env.uid,
            now=fields.Datetime.now(),
        )

    # ---- demo ------------------------------------------------------------------

    @api.model
    def _demo_generate_history(self, project_id, months=24):
        """Demo: two years of 翠湖花园 history with a signal to find.

        About a third of the owners of a normal relationship see their
        butler mark them 良好关系 and back now and then; a household whose
        owner was re-categorised three times in twelve months answers the
        monthly survey unhappy with probability 0.7, any other with 0.15.
        Every month without a campaign gets one, answered by every household
        (the six recent campaigns of property_survey's demo stay as they
        are). Then the current month is scored. Called from the demo only.
        """
        rng = random.Random(2024)
        project = self.env["property.project"].browse(project_id)
        today = fields.Date.context_today(self)
        this_month = today.replace(day=1)
        units = self.env["property.unit"].search(
            [("project_id", "=", project.id), ("sale_state", "=", "handed_over")]
        )
        residencies = self.env["property.residency"].search(
            [("unit_id", "in", units.ids), ("role", "=", "owner")]
        )
        owner_of = {r.unit_id.id: r.partner_id for r in residencies}
        start = this_month - relativedelta(months=months + 12)
        changes = {}
        history = []
        for partner in sorted(set(owner_of.values()), key=lambda p: p.id):
            changes[partner.id] = []
            if partner.relationship_category != "normal" or rng.random() > 0.35:
                continue
            # pairs of changes that end where they started: the owner's
            # category today stays what it is
            for offset in range(0, months + 12 - 1, 2):
                if rng.random() < 0.35:
                    day = start + relativedelta(months=offset, days=rng.randrange(20))
                    back = day + relativedelta(days=20 + rng.randrange(20))
                    history += [
                        {
                            "partner_id": partner.id,
                            "old_category": "normal",
                            "new_category": "good",
                            "reason": "业主主动参与社区活动，管家上调为良好关系户",
                            "date": fields.Datetime.to_datetime(day),
                        },
                        {
                            "partner_id": partner.id,
                            "old_category": "good",
                            "new_category": "normal",
                            "reason": "业主对维修进度有意见，管家调回一般关系",
                            "date": fields.Datetime.to_datetime(back),
                        },
                    ]
                    changes[partner.id] += [day, back]
        self.env["property.relationship.history"].sudo().create(history)
        campaign_model = self.env["property.survey.campaign"]
        existing = set(
            campaign_model.search([("project_id", "=", project.id)]).mapped("month")
        )
        households = []
        for offset in range(months, 0, -1):
            month = this_month - relativedelta(months=offset)
            if month in existing:
                continue
            campaign = campaign_model.create(
                {
                    "project_id": project.id,
                    "month": month,
                    "sample_mode": "fixed",
                    "sample_size_fixed": len(owner_of),
                    "state": "closed",
                }
            )
            for unit in units.filtered(lambda u: u.id in owner_of):
                partner = owner_of[unit.id]
                recent = sum(
                    month - relativedelta(months=12) <= day < month
                    for day in changes[partner.id]
                )
                unhappy = rng.random() < (0.7 if recent >= 3 else 0.15)
                households.append(
                    {
                        "campaign_id": campaign.id,
                        "unit_id": unit.id,
                        "building_id": unit.building_id.id,
                        "partner_id": partner.id,
                        "channel": "phone",
                        "answered": True,
                        "overall_score": rng.choice([2, 3] if unhappy else [4, 5, 5]),
                    }
                )
        self.env["property.survey.household"].create(households)
        self.env["property.insight.risk"]._score_month(this_month)
