from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round, mute_logger


class PropertyMerchantRedemption(models.Model):
    """A purchase where a club card got its alliance discount."""

    _name = "property.merchant.redemption"
    _description = "Card Redemption"
    _order = "date desc, id desc"

    merchant_id = fields.Many2one("res.partner", required=True, index=True)
    category_id = fields.Many2one(
        "property.merchant.category", related="agreement_id.category_id", store=True
    )
    agreement_id = fields.Many2one("property.merchant.agreement", required=True)
    line_id = fields.Many2one("property.merchant.agreement.line", required=True)
    card_id = fields.Many2one("property.club.card", required=True, index=True)
    card_number = fields.Char(related="card_id.display_name", string="Card Number")
    tier_id = fields.Many2one("property.club.tier", required=True)
    holder_masked = fields.Char(
        string="Holder", compute="_compute_holder_masked", store=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        index=True,
        groups="property_base.property_base_group_butler",
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Recorded By", required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True)
    amount = fields.Float(string="Bill Amount", digits=(12, 2), required=True)
    discount_percent = fields.Float(string="Discount (%)", digits=(5, 2))
    discount_amount = fields.Float(string="Saving", digits=(12, 2))
    amount_paid = fields.Float(digits=(12, 2))
    client_token = fields.Char(required=True, copy=False)
    single_use_key = fields.Char(
        copy=False, help="Set for single-use offers: one redemption per card and offer."
    )
    statement_id = fields.Many2one(
        "property.merchant.statement", index=True, ondelete="set null", copy=False
    )

    _client_token_uniq = models.Constraint(
        "unique(merchant_id, client_token)",
        "This redemption was already recorded.",
    )
    _single_use_uniq = models.Constraint(
        "unique(single_use_key)", "This single-use offer was already redeemed."
    )
    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "The bill amount must be positive."
    )

    @api.depends("card_id.partner_id.name")
    def _compute_holder_masked(self):
        for redemption in self:
            redemption.holder_masked = (
                redemption.card_id._masked_holder_name() if redemption.card_id else ""
            )

    @api.model
    def _agreement_line(self, merchant, tier):
        """The discount line of ``merchant``'s valid agreement for ``tier``."""
        return (
            self.env["property.merchant.agreement.line"]
            .sudo()
            .search(
                [
                    ("agreement_id.merchant_id", "=", merchant.id),
                    ("tier_id", "=", tier.id),
                    (
                        "agreement_id",
                        "any",
                        self.env["property.merchant.agreement"]._valid_domain(),
                    ),
                ],
                order="discount_percent desc",
                limit=1,
            )
        )

    @api.model
    def _redeem(self, merchant, number, amount, client_token):
        """Record a redemption once, whatever the number of submissions.

        The same ``client_token`` returns the first record (double click,
        retry); a single-use offer is enforced by a unique key in the
        database, so concurrent submissions record it once.
        """
        if not client_token:
            raise UserError(self.env._("The form expired: reload the page."))
        existing = self.sudo().search(
            [("merchant_id", "=", merchant.id), ("client_token", "=", client_token)]
        )
        if existing:
            return existing
        try:
            amount = float(amount)
        except (TypeError, ValueError):
            raise UserError(self.env._("Enter the bill amount.")) from None
        if amount <= 0:
            raise UserError(self.env._("The bill amount must be positive."))
        status, card = self.env["property.club.card"]._verify_number(number)
        if status != "valid":
            labels = dict(
                self.env["property.merchant.verification"]
                ._fields["status"]
                ._description_selection(self.env)
            )
            raise UserError(self.env._("This card cannot be used: %s.", labels[status]))
        line = self._agreement_line(merchant, card.tier_id)
        if not line:
            raise UserError(
                self.env._("You have no valid offer for %s cards.", card.tier_id.name)
            )
        saving = float_round(amount * line.discount_percent / 100, 2)
        vals = {
            "merchant_id": merchant.id,
            "agreement_id": line.agreement_id.id,
            "line_id": line.id,
            "card_id": card.id,
            "tier_id": card.tier_id.id,
            "partner_id": card.partner_id.id,
            "user_id": self.env.uid,
            "amount": amount,
            "discount_percent": line.discount_percent,
            "discount_amount": saving,
            "amount_paid": amount - saving,
            "client_token": client_token,
            "single_use_key": f"{line.id}-{card.id}" if line.single_use else False,
        }
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return self.sudo().create(vals)
        except IntegrityError:
            existing = self.sudo().search(
                [("merchant_id", "=", merchant.id), ("client_token", "=", client_token)]
            )
            if existing:
                return existing
            raise UserError(
                self.env._("This single-use offer was already redeemed with this card.")
            ) from None
