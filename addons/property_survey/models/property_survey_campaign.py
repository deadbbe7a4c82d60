import random
import secrets
from calendar import monthrange
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.sampling import largest_remainder, sample_size
from .property_survey_exclusion_rule import EXCLUSION_RULES


class PropertySurveyCampaign(models.Model):
    """The monthly satisfaction campaign of one project."""

    _name = "property.survey.campaign"
    _description = "Satisfaction Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, project_id"
    _check_company_auto = True

    def _default_param(self, key):
        return self.env["res.config.settings"]._property_param(f"property_survey.{key}")

    def _default_survey(self):
        return self.env.ref(
            "property_survey.survey_owner_satisfaction", raise_if_not_found=False
        )

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    month = fields.Date(
        required=True,
        tracking=True,
        help="First day of the month the campaign surveys.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        default=lambda self: self._default_survey(),
        domain=[("property_kind", "=", "satisfaction")],
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("drawn", "Sample Drawn"),
            ("inviting", "Inviting"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    sample_mode = fields.Selection(
        [("fixed", "Fixed size"), ("statistical", "Confidence and margin")],
        required=True,
        default=lambda self: self._default_param("sample_mode"),
        tracking=True,
    )
    sample_size_fixed = fields.Integer(
        string="Fixed Sample Size",
        default=lambda self: self._default_param("sample_size_fixed"),
        tracking=True,
    )
    confidence_level = fields.Float(
        string="Confidence Level (%)",
        default=lambda self: self._default_param("confidence_level"),
        tracking=True,
    )
    margin_error = fields.Float(
        string="Margin of Error (%)",
        default=lambda self: self._default_param("margin_error"),
        tracking=True,
    )
    seed = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
        help="Seed of the random draw: drawing again with it reproduces the sample.",
    )
    draw_date = fields.Datetime(readonly=True, copy=False)
    draw_rules = fields.Char(
        string="Rules Applied",
        readonly=True,
        copy=False,
        help="Exclusion rules that were switched on when the sample was drawn.",
    )
    population_count = fields.Integer(string="Households", readonly=True)
    eligible_count = fields.Integer(string="Eligible", readonly=True)
    excluded_count = fields.Integer(string="Excluded", readonly=True)
    sample_size = fields.Integer(readonly=True)
    household_ids = fields.One2many(
        "property.survey.household", "campaign_id", string="Sampled Households"
    )
    exclusion_ids = fields.One2many("property.survey.exclusion", "campaign_id")
    excluded_household_ids = fields.One2many(
        "property.survey.excluded.household", "campaign_id"
    )
    stratum_ids = fields.One2many("property.survey.stratum", "campaign_id")
    exclusion_summary = fields.Text(compute="_compute_exclusion_summary")
    answer_ids = fields.One2many("survey.user_input", "property_campaign_id")
    # stored, so that the results over years of campaigns read one row per
    # campaign instead of every answer
    invited_count = fields.Integer(compute="_compute_answer_figures", store=True)
    answered_count = fields.Integer(compute="_compute_answer_figures", store=True)
    satisfied_count = fields.Integer(compute="_compute_answer_figures", store=True)
    loyal_count = fields.Integer(
        string="Loyal", compute="_compute_answer_figures", store=True
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)",
        compute="_compute_answer_figures",
        store=True,
        digits=(5, 1),
        aggregator="avg",
    )
    loyalty_rate = fields.Float(
        string="Loyalty (%)",
        compute="_compute_answer_figures",
        store=True,
        digits=(5, 1),
        aggregator="avg",
    )

    _project_month_uniq = models.Constraint(
        "unique(project_id, month)", "A project has one campaign per month."
    )

    def init(self):
        # the strata of the draw (property.survey.stratum), one entry per
        # building in building order
        self.env.cr.execute(
            SQL(
                "ALTER TABLE %s"
                " ADD COLUMN IF NOT EXISTS stratum_building_ids int4[],"
                " ADD COLUMN IF NOT EXISTS stratum_eligible_counts int4[],"
                " ADD COLUMN IF NOT EXISTS stratum_proportional_sizes float8[],"
                " ADD COLUMN IF NOT EXISTS stratum_sample_sizes int4[]",
                SQL.identifier(self._table),
            )
        )

    @api.depends("project_id.name", "month")
    def _compute_name(self):
        for campaign in self:
            campaign.name = " ".join(
                part
                for part in (
                    campaign.project_id.name,
                    campaign.month and campaign.month.strftime("%Y-%m"),
                )
                if part
            )

    @api.depends("exclusion_ids.household_count")
    def _compute_exclusion_summary(self):
        labels = dict(
            self.env["property.survey.exclusion"]
            ._fields["exclusion_rule"]
            ._description_selection(self.env)
        )
        for campaign in self:
            # the campaign's figures, like excluded_count, whatever grid the
            # reader may see
            exclusions_sudo = campaign.sudo().exclusion_ids
            campaign.exclusion_summary = "\n".join(
                f"{labels[exclusion.exclusion_rule]}: {exclusion.household_count}"
                for exclusion in exclusions_sudo.sorted("exclusion_rule")
            )

    @api.depends(
        "answer_ids.state", "answer_ids.property_satisfied", "answer_ids.property_loyal"
    )
    def _compute_answer_figures(self):
        figures = defaultdict(lambda: defaultdict(int))
        for campaign, state, satisfied, loyal, count in (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("property_campaign_id", "in", self._origin.ids)],
                [
                    "property_campaign_id",
                    "state",
                    "property_satisfied",
                    "property_loyal",
                ],
                ["__count"],
            )
        ):
            fig = figures[campaign.id]
            fig["invited"] += count
            if state == "done":
                fig["answered"] += count
                fig["satisfied"] += count if satisfied else 0
                fig["loyal"] += count if loyal else 0
        for campaign in self:
            fig = figures[campaign.id]
            campaign.invited_count = fig["invited"]
            campaign.answered_count = fig["answered"]
            campaign.satisfied_count = fig["satisfied"]
            campaign.loyal_count = fig["loyal"]
            answered = fig["answered"]
            campaign.satisfaction_rate = (
                100.0 * fig["satisfied"] / answered if answered else 0.0
            )
            campaign.loyalty_rate = 100.0 * fig["loyal"] / answered if answered else 0.0

    @api.constrains("month")
    def _check_month(self):
        for campaign in self:
            if campaign.month.day != 1:
                raise ValidationError(
                    self.env._("A campaign month starts on the first day of a month.")
                )

    @api.constrains(
        "sample_mode", "sample_size_fixed", "confidence_level", "margin_error"
    )
    def _check_sampling(self):
        for campaign in self:
            if campaign.sample_mode == "fixed" and campaign.sample_size_fixed <= 0:
                raise ValidationError(
                    self.env._("A fixed sample size must be positive.")
                )
            if campaign.sample_mode == "statistical" and not (
                0 < campaign.confidence_level < 100 and 0 < campaign.margin_error < 100
            ):
                raise ValidationError(
                    self.env._(
                        "Confidence level and margin of error are percentages "
                        "strictly between 0 and 100."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    # ---- actions ---------------------------------------------------------------

    def action_draw(self):
        for campaign in self:
            campaign._draw()
        return True

    def action_invite(self):
        for campaign in self:
            campaign._invite_by_email()
        return True

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        for campaign in self:
            campaign.state = "inviting" if campaign.invited_count else "drawn"

    def action_view_households(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_survey_household_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"search_default_group_building": 1}
        return action

    def action_view_excluded(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_survey_excluded_household_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"search_default_group_rule": 1}
        return action

    def action_view_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.survey_user_input_action_property"
        )
        action["domain"] = [("property_campaign_id", "=", self.id)]
        return action

    def action_open_target_calculator(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Target Calculator"),
            "res_model": "property.survey.target.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }

    def action_open_pareto(self):
        self.ensure_one()
        pareto = self.env["property.survey.pareto"].create(
            {
                "project_id": self.project_id.id,
                "date_from": self.month,
                "date_to": self.month,
            }
        )
        return pareto.action_compute()

    # ---- sampling --------------------------------------------------------------

    def _draw(self):
        """Classify every household of the project and draw the sample.

        One statement classifies each unit of the project with the first
        enabled exclusion rule it meets, stores every excluded household
        with its rule and returns the eligible ones; the sample is then
        stratified by building (largest remainder) and drawn with the stored
        seed, so drawing again with the same seed gives the same sample.
        """
        self.ensure_one()
        self.check_access("write")
        if self.state in ("inviting", "closed") or self.invited_count:
            raise UserError(
                self.env._(
                    "The sample of %s cannot be drawn again: invitations went out "
                    "already.",
                    self.name,
                )
            )
        self.env.flush_all()
        households = self.env["property.survey.household"].sudo()
        self.env.cr.execute(
            SQL(
                "DELETE FROM property_survey_household WHERE campaign_id = %(id)s; "
                "DELETE FROM property_survey_exclusion WHERE campaign_id = %(id)s",
                id=self.id,
            )
        )
        households.invalidate_model()
        self.env["property.survey.exclusion"].invalidate_model()
        rules = self.env["property.survey.exclusion.rule"]._get_enabled()
        eligible = self._classify_households(rules)
        per_building = defaultdict(list)
        for unit_id, building_id, partner_id in eligible:
            per_building[building_id].append((unit_id, partner_id))
        size = sample_size(
            len(eligible),
            self.sample_mode,
            self.sample_size_fixed,
            self.confidence_level,
            self.margin_error,
        )
        quotas = largest_remainder(
            size, {building: len(rows) for building, rows in per_building.items()}
        )
        seed = self.seed or str(secrets.randbits(48))
        rng = random.Random(f"{seed}:{self.id}")
        sampled = []
        for building_id in sorted(per_building):
            rows = sorted(per_building[building_id])
            sampled += [
                (unit_id, building_id, partner_id)
                for unit_id, partner_id in rng.sample(rows, quotas[building_id])
            ]
        now = fields.Datetime.now()
        # one array per column: no VALUES list of thousands of rows to build
        # and parse
        if sampled:
            unit_ids, building_ids, partner_ids = zip(*sampled, strict=True)
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO property_survey_household
                        (campaign_id, unit_id, building_id, partner_id,
                         create_date, write_date)
                    SELECT %s, h.unit_id, h.building_id, h.partner_id, %s, %s
                      FROM unnest(%s::int4[], %s::int4[], %s::int4[])
                           AS h(unit_id, building_id, partner_id)
                    """,
                    self.id,
                    now,
                    now,
                    list(unit_ids),
                    list(building_ids),
                    list(partner_ids),
                )
            )
        buildings = sorted(per_building)
        eligible_counts = [len(per_building[b]) for b in buildings]
        self.env.cr.execute(
            SQL(
                """
                UPDATE property_survey_campaign
                   SET stratum_building_ids = %s::int4[],
                       stratum_eligible_counts = %s::int4[],
                       stratum_proportional_sizes = %s::float8[],
                       stratum_sample_sizes = %s::int4[]
                 WHERE id = %s
                """,
                buildings,
                eligible_counts,
                [size * count / len(eligible) for count in eligible_counts],
                [quotas[b] for b in buildings],
                self.id,
            )
        )
        self.env["property.survey.stratum"].invalidate_model()
        self.env["property.survey.exclusion"].invalidate_model()
        self.env["property.survey.excluded.household"].invalidate_model()
        households.invalidate_model()
        self.invalidate_recordset(
            ["exclusion_ids", "excluded_household_ids", "household_ids", "stratum_ids"]
        )
        excluded = sum(self.sudo().exclusion_ids.mapped("household_count"))
        # the audit trail is read by the company's staff: in its language
        env = self.with_context(lang=self.company_id.partner_id.lang).env
        rule_labels = dict(
            env["property.survey.exclusion"]
            ._fields["exclusion_rule"]
            ._description_selection(env)
        )
        self.write(
            {
                "seed": seed,
                "draw_date": now,
                "draw_rules": ", ".join(sorted(rule_labels[code] for code in rules)),
                "state": "drawn",
                "eligible_count": len(eligible),
                "excluded_count": excluded,
                "population_count": len(eligible) + excluded,
                "sample_size": len(sampled),
            }
        )
        self.message_post(
            body=env._(
                "Sample drawn with seed %(seed)s: %(sample)s of %(eligible)s eligible "
                "households, %(excluded)s excluded (%(summary)s).",
                seed=seed,
                sample=len(sampled),
                eligible=len(eligible),
                excluded=excluded,
                summary=self.with_env(env).exclusion_summary.replace("\n", ", ") or "-",
            )
        )
        return sampled

    def _classify_households(self, rules):
        """Store the excluded households of the project, return the eligible.

        Returns ``[(unit_id, building_id, partner_id)]``. The respondent of a
        household is its current owner (then co-owner, tenant, family member).
        The excluded households are stored one row per rule, their units,
        buildings and respondents as aligned arrays sorted by building and
        unit.
        """
        today = fields.Date.context_today(self)
        recent = rules.get("recently_surveyed")
        since = self.month - relativedelta(months=recent.months if recent else 0)
        now = fields.Datetime.now()
        # a one-pass statement over every unit: compiling it (JIT) costs more
        # than it saves; off for this statement only, not the transaction
        self.env.cr.execute(
            SQL("SELECT current_setting('jit'), set_config('jit', 'off', true)")
        )
        jit = self.env.cr.fetchone()[0]
        self.env.cr.execute(
            SQL(
                """
                WITH households AS (
                    SELECT u.id AS unit_id, u.building_id, u.sale_state, u.occupancy,
                           r.partner_id, p.email, p.phone,
                           p.property_survey_opt_out, p.relationship_category
                      FROM property_unit u
                 LEFT JOIN (
                           -- one pass over the project's residencies: cheaper
                           -- than a lookup per unit
                           SELECT DISTINCT ON (rs.unit_id) rs.unit_id, rs.partner_id
                             FROM property_residency rs
                            WHERE rs.project_id = %(project)s
                              AND rs.date_start <= %(today)s
                              AND (rs.date_end IS NULL OR rs.date_end >= %(today)s)
                         ORDER BY rs.unit_id,
                                  CASE rs.role WHEN 'owner' THEN 0
                                               WHEN 'co_owner' THEN 1
                                               WHEN 'tenant' THEN 2 ELSE 3 END,
                                  rs.date_start, rs.id
                           ) r ON r.unit_id = u.id
                 LEFT JOIN res_partner p ON p.id = r.partner_id
                     WHERE u.project_id = %(project)s AND u.active
                ), classified AS (
                    SELECT h.*, CASE
                        WHEN %(not_handed_over)s AND h.sale_state != 'handed_over'
                            THEN 'not_handed_over'
                        WHEN %(vacant)s AND h.occupancy != 'occupied' THEN 'vacant'
                        WHEN %(no_contact)s AND (h.partner_id IS NULL OR (
                                COALESCE(h.email, '') = ''
                                AND COALESCE(h.phone, '') = ''))
                            THEN 'no_contact'
                        WHEN %(opted_out)s AND h.property_survey_opt_out IS TRUE
                            THEN 'opted_out'
                        WHEN %(black_customer)s AND h.relationship_category = 'black'
                            THEN 'black_customer'
                        WHEN %(recently_surveyed)s AND recent.unit_id IS NOT NULL
                            THEN 'recently_surveyed'
                    END AS rule
                      FROM households h
                 LEFT JOIN (
                           SELECT DISTINCT ph.unit_id
                             FROM property_survey_household ph
                             JOIN property_survey_campaign pc ON pc.id = ph.campaign_id
                            WHERE ph.answered
                              AND pc.project_id = %(project)s
                              AND pc.month >= %(since)s AND pc.month < %(month)s
                           ) recent ON recent.unit_id = h.unit_id
                ), excluded AS (
                    INSERT INTO property_survey_exclusion
                        (campaign_id, exclusion_rule, household_count, unit_ids,
                         building_ids, partner_ids, create_uid, create_date,
                         write_uid, write_date)
                    SELECT %(campaign)s, rule, COUNT(*),
                           array_agg(unit_id ORDER BY building_id, unit_id),
                           array_agg(building_id ORDER BY building_id, unit_id),
                           array_agg(partner_id ORDER BY building_id, unit_id),
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM classified
                     WHERE rule IS NOT NULL
                  GROUP BY rule
                )
                SELECT unit_id, building_id, partner_id
                  FROM classified
                 WHERE rule IS NULL
                """,
                today=today,
                project=self.project_id.id,
                campaign=self.id,
                month=self.month,
                since=since,
                now=now,
                uid=self.env.uid,
                **{code: code in rules for code, _label in EXCLUSION_RULES},
            )
        )
        eligible = self.env.cr.fetchall()
        self.env.cr.execute(SQL("SELECT set_config('jit', %s, true)", jit))
        return eligible

    # ---- invitations -----------------------------------------------------------

    def _invite(self, households, channel, interviewer=False):
        """Create one ``survey.user_input`` per household through the survey.

        Households already invited are skipped; the database key (campaign,
        unit) refuses a second answer for a household even under concurrency.
        """
        self.ensure_one()
        if self.state not in ("drawn", "inviting"):
            raise UserError(
                self.env._("Draw the sample of %s before inviting.", self.name)
            )
        todo = households.filtered(lambda h: not h.user_input_id)
        answers = self.env["survey.user_input"]
        survey_sudo = self.survey_id.sudo()
        for household in todo:
            answer = survey_sudo._create_answer(
                partner=household.partner_id,
                check_attempts=False,
                property_campaign_id=self.id,
                property_household_id=household.id,
                property_unit_id=household.unit_id.id,
                property_channel=channel,
                property_interviewer_id=interviewer and interviewer.id,
            )
            household.sudo().write({"user_input_id": answer.id, "channel": channel})
            answers |= answer
        if answers and self.state == "drawn":
            self.state = "inviting"
        self.invalidate_recordset()
        return answers

    def _invite_by_email(self):
        households = self.household_ids.filtered(
            lambda h: not h.user_input_id and h.partner_id.email
        )
        answers = self._invite(households, "email")
        template = self.env.ref(
            "property_survey.mail_template_property_survey_invite",
            raise_if_not_found=False,
        )
        if template:
            for answer in answers:
                template.sudo().send_mail(
                    answer.id, email_layout_xmlid="mail.mail_notification_light"
                )
        self.message_post(
            body=self.env._("%s households invited by email.", len(answers))
        )
        return answers

    # ---- cron ------------------------------------------------------------------

    @api.model
    def _cron_draw_samples(self):
        """From the draw day on, prepare and draw next month's campaigns.

        Idempotent: one campaign per project and month (database key), and a
        drawn campaign is never drawn again by the cron.
        """
        today = fields.Date.context_today(self)
        draw_day = self._default_param("draw_day")
        if today.day < min(draw_day, monthrange(today.year, today.month)[1]):
            return
        month = (today + relativedelta(months=1)).replace(day=1)
        projects = self.env["property.project"].search([])
        existing = self.search(
            [("month", "=", month), ("project_id", "in", projects.ids)]
        )
        missing = projects - existing.project_id
        survey = self._default_survey()
        if missing and survey:
            existing |= self.create(
                [
                    {"project_id": project.id, "month": month, "survey_id": survey.id}
                    for project in missing
                ]
            )
        todo = existing.filtered(lambda c: c.state == "draft")
        self.env["ir.cron"]._commit_progress(remaining=len(todo))
        for campaign in todo:
            campaign._draw()
            if not self.env["ir.cron"]._commit_progress(1):
                break
