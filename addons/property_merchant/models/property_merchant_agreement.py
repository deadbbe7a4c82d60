from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class PropertyMerchantAgreement(models.Model):
    """What an alliance merchant grants to club members, tier by tier."""

    _name = "property.merchant.agreement"
    _description = "Merchant Alliance Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    merchant_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_alliance_merchant", "=", True)],
    )
    category_id = fields.Many2one(
        "property.merchant.category",
        compute="_compute_category_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_start = fields.Date(required=True, default=fields.Date.context_today)
    date_end = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    terms = fields.Html(translate=True)
    line_ids = fields.One2many(
        "property.merchant.agreement.line",
        "agreement_id",
        string="Discounts",
        copy=True,
    )

    _dates_ordered = models.Constraint(
        "CHECK(date_end >= date_start)", "An agreement cannot end before it starts."
    )

    @api.depends("merchant_id.merchant_category_id")
    def _compute_category_id(self):
        for agreement in self:
            agreement.category_id = (
                agreement.merchant_id.merchant_category_id or agreement.category_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("property.merchant.agreement")
                    or "/"
                )
        return super().create(vals_list)

    def action_activate(self):
        for agreement in self:
            if not agreement.line_ids:
                raise ValidationError(
                    self.env._("Set the discount of at least one tier first.")
                )
        self.write({"state": "active"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    @api.model
    def _valid_domain(self, day=None):
        day = day or fields.Date.context_today(self)
        return (
            Domain("state", "=", "active")
            & Domain("date_start", "<=", day)
            & Domain("date_end", ">=", day)
        )

    @api.model
    def _cron_expire(self, batch_size=1000):
        """Agreements past their end date stop granting discounts (batched,
        idempotent: an expired agreement is no longer selected)."""
        domain = Domain("state", "=", "active") & Domain(
            "date_end", "<", fields.Date.context_today(self)
        )
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count(domain))
        while agreements := self.search(domain, limit=batch_size, order="id"):
            # no chatter tracking message per agreement on a nightly run
            agreements.with_context(tracking_disable=True).write({"state": "expired"})
            if not cron._commit_progress(len(agreements)):
                break
