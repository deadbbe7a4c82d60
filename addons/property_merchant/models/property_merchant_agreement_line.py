from odoo import fields, models


class PropertyMerchantAgreementLine(models.Model):
    """The discount one tier gets under an agreement."""

    _name = "property.merchant.agreement.line"
    _description = "Discount per Card Tier"
    _order = "agreement_id, tier_sequence"

    agreement_id = fields.Many2one(
        "property.merchant.agreement", required=True, ondelete="cascade", index=True
    )
    merchant_id = fields.Many2one(related="agreement_id.merchant_id", store=True)
    tier_id = fields.Many2one("property.club.tier", required=True)
    tier_sequence = fields.Integer(related="tier_id.sequence", store=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    min_amount = fields.Monetary(
        string="Minimum Bill",
        help="The discount applies to bills of at least this amount (0: any bill).",
    )
    discount_percent = fields.Float(string="Discount (%)", digits=(5, 2), required=True)
    single_use = fields.Boolean(
        help="Each card may use this offer once (e.g. a welcome gift)."
    )
    offer = fields.Char(translate=True, help="What the member gets, in a few words.")

    _tier_uniq = models.Constraint(
        "unique(agreement_id, tier_id)", "One discount per tier and agreement."
    )
    _min_amount_positive = models.Constraint(
        "CHECK(min_amount >= 0)", "The minimum bill cannot be negative."
    )
    _discount_range = models.Constraint(
        "CHECK(discount_percent > 0 AND discount_percent <= 100)",
        "A discount is between 0 and 100 %.",
    )
