from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.amount_words import amount_to_chinese


class PropertyMerchantStatement(models.Model):
    """One merchant's redemptions of one month, to settle with the alliance."""

    _name = "property.merchant.statement"
    _description = "Merchant Monthly Statement"
    _order = "month desc, merchant_id"

    merchant_id = fields.Many2one("res.partner", required=True, index=True)
    month = fields.Date(required=True, index=True, help="First day of the month.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    redemption_ids = fields.One2many("property.merchant.redemption", "statement_id")
    redemption_count = fields.Integer(readonly=True)
    amount_total = fields.Monetary(readonly=True)
    discount_total = fields.Monetary(string="Savings Granted", readonly=True)
    amount_total_words = fields.Char(string="Amount in Words", compute="_compute_words")
    discount_total_words = fields.Char(
        string="Savings in Words", compute="_compute_words"
    )

    _merchant_month_uniq = models.Constraint(
        "unique(merchant_id, month, company_id)",
        "One statement per merchant, month and company.",
    )

    @api.depends("amount_total", "discount_total")
    def _compute_words(self):
        for statement in self:
            statement.amount_total_words = amount_to_chinese(statement.amount_total)
            statement.discount_total_words = amount_to_chinese(statement.discount_total)

    @api.depends("merchant_id", "month")
    def _compute_display_name(self):
        for statement in self:
            statement.display_name = (
                f"{statement.merchant_id.name} {statement.month:%Y-%m}"
                if statement.month
                else statement.merchant_id.name
            )

    @api.model
    def _generate(self, month):
        """Create (or complete) the statements of ``month``; safe to rerun."""
        date_from = month.replace(day=1)
        date_to = date_from + relativedelta(months=1)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_merchant_statement
                    (merchant_id, month, company_id, create_uid, create_date,
                     write_uid, write_date)
                SELECT DISTINCT r.merchant_id, %(month)s, r.company_id,
                       %(uid)s, now(), %(uid)s, now()
                  FROM property_merchant_redemption r
                 WHERE r.date >= %(date_from)s AND r.date < %(date_to)s
                ON CONFLICT (merchant_id, month, company_id) DO NOTHING
                """,
                month=date_from,
                uid=self.env.uid,
                date_from=date_from,
                date_to=date_to,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE property_merchant_redemption r
                   SET statement_id = s.id
                  FROM property_merchant_statement s
                 WHERE s.merchant_id = r.merchant_id AND s.month = %(month)s
                   AND s.company_id = r.company_id
                   AND r.date >= %(date_from)s AND r.date < %(date_to)s
                   AND r.statement_id IS NULL
                RETURNING s.id
                """,
                month=date_from,
                date_from=date_from,
                date_to=date_to,
            )
        )
        touched = self.browse({row[0] for row in self.env.cr.fetchall()})
        self.env["property.merchant.redemption"].invalidate_model(["statement_id"])
        self.invalidate_model()
        totals = self.env["property.merchant.redemption"]._read_group(
            [("statement_id", "in", touched.ids)],
            ["statement_id"],
            ["__count", "amount:sum", "discount_amount:sum"],
        )
        for statement, count, amount, discount in totals:
            statement.write(
                {
                    "redemption_count": count,
                    "amount_total": amount,
                    "discount_total": discount,
                }
            )
        return self.search([("month", "=", date_from)])

    @api.model
    def _cron_generate_last_month(self):
        today = fields.Date.context_today(self)
        self._generate(today - relativedelta(months=1))

    def _get_report_base_filename(self):
        self.ensure_one()
        return f"Statement {self.display_name}"

    def action_print(self):
        return self.env.ref(
            "property_merchant.action_report_merchant_statement"
        ).report_action(self)
