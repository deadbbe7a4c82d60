from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from ..const import TEMPLATE_PATH


class PropertyResidency(models.Model):
    """Links a person to a unit with a role over a period of time."""

    _name = "property.residency"
    _description = "Residency"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    role = fields.Selection(
        [
            ("owner", "Owner"),
            ("co_owner", "Co-owner"),
            ("tenant", "Tenant"),
            ("family", "Family Member"),
        ],
        required=True,
        default="owner",
    )
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Until")
    is_current = fields.Boolean(
        compute="_compute_is_current", search="_search_is_current", string="Current"
    )

    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A residency cannot end before it starts.",
    )

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for residency in self:
            residency.is_current = residency.date_start <= today and (
                not residency.date_end or residency.date_end >= today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        current = Domain("date_start", "<=", today) & (
            Domain("date_end", "=", False) | Domain("date_end", ">=", today)
        )
        return current if (operator == "=") == value else ~current

    @api.depends("partner_id", "unit_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for residency in self:
            residency.display_name = (
                f"{residency.partner_id.name} - {residency.unit_id.display_name}"
                f" ({roles.get(residency.role, '')})"
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_link_allowed(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if "partner_id" in vals or "unit_id" in vals:
            self._check_link_allowed([vals])
        return super().write(vals)

    @api.model
    def _check_link_allowed(self, vals_list):
        """A user links only customers and units they may already work on.

        Without this, a butler could attach any owner of another grid to a
        unit of their own grid (the residency rule only looks at the unit) and
        so pull that owner, profile and history into their grid.
        """
        if self.env.su:
            return
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        units = self.env["property.unit"].browse(
            {vals["unit_id"] for vals in vals_list if vals.get("unit_id")}
        )
        try:
            partners.check_access("read")
            units.check_access("read")
        except AccessError as error:
            raise AccessError(
                self.env._(
                    "You can only link a customer you can already see to a "
                    "unit of your own grid."
                )
            ) from error

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Residencies"),
                "template": TEMPLATE_PATH % "property_residency",
            }
        ]

    @api.constrains("partner_id", "unit_id", "date_start", "date_end")
    def _check_no_overlap(self):
        """One person holds at most one residency per unit at any date:
        one query for the whole batch (an import of thousands), not a
        comparison of every pair."""
        self.flush_model(["partner_id", "unit_id", "date_start", "date_end"])
        self.env.cr.execute(
            SQL(
                """
                SELECT r.id
                  FROM property_residency r
                  JOIN property_residency o
                    ON o.partner_id = r.partner_id AND o.unit_id = r.unit_id
                   AND o.id != r.id
                   AND o.date_start <= COALESCE(r.date_end, 'infinity')
                   AND r.date_start <= COALESCE(o.date_end, 'infinity')
                 WHERE r.id = ANY(%s)
                 LIMIT 1
                """,
                self.ids,
            )
        )
        for (residency_id,) in self.env.cr.fetchall():
            residency = self.browse(residency_id)
            raise ValidationError(
                self.env._(
                    "%(partner)s already has a residency on %(unit)s "
                    "overlapping %(start)s - %(end)s.",
                    partner=residency.partner_id.name,
                    unit=residency.unit_id.display_name,
                    start=residency.date_start,
                    end=residency.date_end or self.env._("open"),
                )
            )
