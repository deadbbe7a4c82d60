from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import TEMPLATE_PATH
from .property_relationship_history import RELATIONSHIP_CATEGORIES

HEALTH_LEVELS = [
    ("at_risk", "At Risk"),
    ("watch", "Watch"),
    ("healthy", "Healthy"),
    ("high_value", "High Value"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    customer_stage = fields.Selection(
        [
            ("prospect", "Prospect"),
            ("subscriber", "Subscriber"),
            ("signed", "Signed"),
            ("owner", "Owner"),
        ],
        tracking=True,
        index=True,
        help="Where this person stands in the buying journey. Empty for contacts "
        "that are not property customers.",
    )
    subscription_date = fields.Date(tracking=True)
    signing_date = fields.Date(tracking=True)
    handover_date = fields.Date(tracking=True)
    move_in_date = fields.Date(string="Move-in Date", tracking=True)
    birthday = fields.Date()
    residency_ids = fields.One2many("property.residency", "partner_id")
    unit_ids = fields.Many2many(
        "property.unit",
        compute="_compute_unit_ids",
        search="_search_unit_ids",
        string="Current Units",
    )
    property_unit_count = fields.Integer(
        string="Units",
        compute="_compute_property_unit_count",
        help="Units the customer currently owns, rents or lives in.",
    )
    property_project_id = fields.Many2one(
        "property.project",
        compute="_compute_property_place",
        store=True,
        index=True,
    )
    building_id = fields.Many2one(
        "property.building",
        compute="_compute_property_place",
        store=True,
        index=True,
    )
    butler_id = fields.Many2one(
        "res.users",
        string="Responsible Butler",
        compute="_compute_butler_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
        help="The grid butler of the customer's building; can be overridden.",
    )
    relationship_category = fields.Selection(
        RELATIONSHIP_CATEGORIES,
        default="normal",
        tracking=True,
        index=True,
        copy=False,
    )
    relationship_reason = fields.Text(copy=False)
    relationship_history_ids = fields.One2many(
        "property.relationship.history", "partner_id"
    )
    habits = fields.Text()
    hobbies = fields.Char()
    occupation = fields.Char()
    preferred_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("sms", "SMS"),
            ("wechat", "WeChat"),
            ("email", "Email"),
            ("visit", "Visit"),
        ]
    )
    wechat_id = fields.Char(string="WeChat ID")
    is_experience_officer = fields.Boolean(
        string="Customer Experience Officer",
        tracking=True,
        help="Owner who volunteers to test and review services (客户体验官).",
    )
    health_score = fields.Integer(readonly=True, copy=False, aggregator="avg")
    health_level = fields.Selection(
        HEALTH_LEVELS, readonly=True, copy=False, index=True
    )
    health_reasons = fields.Text(readonly=True, copy=False)
    health_date = fields.Datetime(
        string="Health Computed On", readonly=True, copy=False
    )

    @api.depends("residency_ids.partner_id")
    @api.depends_context("date")
    def _compute_unit_ids(self):
        for partner in self:
            partner.unit_ids = partner.residency_ids.filtered("is_current").unit_id

    @api.depends_context("date")
    def _compute_property_unit_count(self):
        counts = dict(
            self.env["property.residency"]._read_group(
                [("partner_id", "in", self.ids), ("is_current", "=", True)],
                ["partner_id"],
                ["unit_id:count_distinct"],
            )
        )
        for partner in self:
            partner.property_unit_count = counts.get(partner, 0)

    def _search_unit_ids(self, operator, value):
        return [
            (
                "residency_ids",
                "any",
                [("is_current", "=", True), ("unit_id", operator, value)],
            )
        ]

    @api.depends(
        "residency_ids.unit_id.building_id",
        "residency_ids.role",
        "residency_ids.date_end",
    )
    def _compute_property_place(self):
        for partner in self:
            residencies = partner.residency_ids.filtered("is_current").sorted(
                lambda r: (r.role not in ("owner", "co_owner"), r.date_start)
            )
            partner.building_id = residencies[:1].building_id
            partner.property_project_id = residencies[:1].project_id

    @api.depends("building_id.butler_id")
    def _compute_butler_id(self):
        for partner in self:
            partner.butler_id = partner.building_id.butler_id

    @api.model
    def _property_customer_domain(self):
        return Domain("customer_stage", "!=", False)

    @api.model
    def get_import_templates(self):
        if not self.env.context.get("default_customer_stage"):
            return super().get_import_templates()
        return [
            {
                "label": self.env._("Import Template for Property Customers"),
                "template": TEMPLATE_PATH % "res_partner",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        categorized = [
            vals
            for vals in vals_list
            if (vals.get("relationship_category") or "normal") != "normal"
        ]
        if categorized:
            self._check_relationship_change_allowed()
            for vals in categorized:
                if not (vals.get("relationship_reason") or "").strip():
                    raise ValidationError(
                        self.env._(
                            "Give a reason for the relationship category of %s.",
                            vals.get("name") or self.env._("a new customer"),
                        )
                    )
        partners = super().create(vals_list)
        if categorized:
            new_partners = partners.filtered(
                lambda p: p.relationship_category != "normal"
            )
            history_sudo = self.env["property.relationship.history"].sudo()
            history_sudo.create(
                [
                    {
                        "partner_id": partner.id,
                        "company_id": (partner.company_id or self.env.company).id,
                        "old_category": False,
                        "new_category": partner.relationship_category,
                        "reason": partner.relationship_reason.strip(),
                    }
                    for partner in new_partners
                ]
            )
        return partners

    def write(self, vals):
        if "relationship_category" in vals:
            self._log_relationship_change(vals)
        return super().write(vals)

    @api.model
    def _check_relationship_change_allowed(self):
        """Only officers set a relationship category (through their wizard).

        The form shows the category read-only with the officer's "Change"
        button; this refuses the same write made by a butler over RPC.
        """
        if self.env.su or self.env.user.has_group(
            "property_base.property_base_group_officer"
        ):
            return
        raise AccessError(
            self.env._(
                "Only an Owner Relations officer can change a customer's "
                "relationship category."
            )
        )

    def _log_relationship_change(self, vals):
        """Keep one history line per real category change; a reason is mandatory."""
        changed = self.filtered(
            lambda p: p.relationship_category != vals["relationship_category"]
        )
        if not changed:
            return
        self._check_relationship_change_allowed()
        reason = (vals.get("relationship_reason") or "").strip()
        if not reason:
            raise ValidationError(
                self.env._("Give a reason when changing a relationship category.")
            )
        history_sudo = self.env["property.relationship.history"].sudo()
        history_sudo.create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": (partner.company_id or self.env.company).id,
                    "old_category": partner.relationship_category,
                    "new_category": vals["relationship_category"],
                    "reason": reason,
                }
                for partner in changed
            ]
        )

    def action_change_relationship(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Relationship Category"),
            "res_model": "property.relationship.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def action_view_property_residencies(self):
        """Smart button of the contact: the customer's units (residencies)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_residency_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_current": 1,
        }
        return action

    def action_compute_health(self):
        self._compute_property_health()

    # ---- owner health -------------------------------------------------------

    def _property_health_signals(self):
        """Return ``{partner_id: [(code, reason, points), ...]}`` for ``self``.

        Add-ons extend this method to contribute their own signals, with one
        batched query for the whole recordset. Negative points signal risk,
        positive points signal value.
        """
        signals = defaultdict(list)
        points = self._property_health_points()
        for partner in self:
            if partner.relationship_category == "black":
                signals[partner.id].append(
                    ("black", self.env._("Black customer"), points["black"])
                )
            elif partner.relationship_category == "good":
                signals[partner.id].append(
                    ("good", self.env._("Good relationship"), points["good"])
                )
            if partner.is_experience_officer:
                signals[partner.id].append(
                    (
                        "experience_officer",
                        self.env._("Customer experience officer"),
                        points["experience_officer"],
                    )
                )
        return signals

    @api.model
    def _property_health_points(self):
        """Points per base signal, as set on the Settings page."""
        param = self.env["res.config.settings"]._property_int_param
        return {
            "black": param("property_base.health_points_black"),
            "good": param("property_base.health_points_good"),
            "experience_officer": param(
                "property_base.health_points_experience_officer"
            ),
        }

    @api.model
    def _property_health_thresholds(self):
        param = self.env["res.config.settings"]._property_int_param
        return {
            "base": param("property_base.health_base_score"),
            "at_risk": param("property_base.health_at_risk_below"),
            "watch": param("property_base.health_watch_below"),
            "high_value": param("property_base.health_high_value_from"),
        }

    def _compute_property_health(self):
        """Store score, level and reasons for ``self`` with one UPDATE."""
        if not self:
            return
        thresholds = self._property_health_thresholds()
        # the reasons are read by the company's staff: write them in its language
        signals = {}
        for company, partners in self.grouped(
            lambda partner: partner.company_id or self.env.company
        ).items():
            signals.update(
                partners.with_context(
                    lang=company.partner_id.lang
                )._property_health_signals()
            )
        now = fields.Datetime.now()
        rows = []
        for partner in self:
            partner_signals = signals.get(partner.id, [])
            score = max(
                0, min(100, thresholds["base"] + sum(s[2] for s in partner_signals))
            )
            if score < thresholds["at_risk"]:
                level = "at_risk"
            elif score < thresholds["watch"]:
                level = "watch"
            elif score >= thresholds["high_value"]:
                level = "high_value"
            else:
                level = "healthy"
            reasons = "\n".join(
                f"{'+' if s[2] > 0 else ''}{s[2]} {s[1]}" for s in partner_signals
            )
            rows.append(SQL("(%s, %s, %s, %s)", partner.id, score, level, reasons))
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET health_score = v.score, health_level = v.level,
                       health_reasons = v.reasons, health_date = %(now)s
                  FROM (VALUES %(rows)s) AS v(id, score, level, reasons)
                 WHERE p.id = v.id
                """,
                now=now,
                rows=SQL(", ").join(rows),
            )
        )
        self.invalidate_recordset(
            ["health_score", "health_level", "health_reasons", "health_date"]
        )

    @api.model
    def _cron_property_health(self, batch_size=1000):
        """Recompute every property customer's health, in committed batches.

        The computation is a pure function of current data, so a crash mid-run
        loses nothing: the next run simply recomputes.
        """
        domain = self._property_customer_domain()
        last_id = 0
        remaining = self.search_count(domain)
        self.env["ir.cron"]._commit_progress(remaining=remaining)
        while True:
            batch = self.search(
                domain & Domain("id", ">", last_id), order="id", limit=batch_size
            )
            if not batch:
                break
            batch._compute_property_health()
            last_id = batch[-1].id
            if not self.env["ir.cron"]._commit_progress(len(batch)):
                break
