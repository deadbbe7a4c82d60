from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.addons.property_club.tools import card_number
from odoo.exceptions import UserError
from odoo.tools import mute_logger

CENT = Decimal("0.01")


class PropertyMerchantRedemption(models.Model):
    """A purchase where a club card got its alliance discount."""

    _name = "property.merchant.redemption"
    _description = "Card Redemption"
    _order = "date desc, id desc"
    _check_company_auto = True

    merchant_id = fields.Many2one("res.partner", required=True, index=True)
    category_id = fields.Many2one(
        "property.merchant.category", related="agreement_id.category_id", store=True
    )
    agreement_id = fields.Many2one(
        "property.merchant.agreement", required=True, check_company=True
    )
    line_id = fields.Many2one("property.merchant.agreement.line", required=True)
    card_id = fields.Many2one(
        "property.club.card",
        required=True,
        index=True,
        check_company=True,
        groups="property_base.property_base_group_butler",
    )
    card_number = fields.Char(
        string="Card (last digits)",
        compute="_compute_card_number",
        store=True,
        help="Only the last 4 digits: merchants never see a full card number.",
    )
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
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="Recorded By", required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True)
    amount = fields.Monetary(string="Bill Amount", required=True)
    discount_percent = fields.Float(string="Discount (%)", digits=(5, 2))
    discount_amount = fields.Monetary(string="Saving")
    amount_paid = fields.Monetary()
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

    @api.depends("card_id.name")
    def _compute_card_number(self):
        for redemption in self:
            redemption.card_number = card_number.mask(redemption.sudo().card_id.name)

    @api.depends("card_id.partner_id.name")
    def _compute_holder_masked(self):
        for redemption in self:
            card_sudo = redemption.sudo().card_id
            redemption.holder_masked = (
                card_sudo._masked_holder_name() if card_sudo else ""
            )

    @api.model
    def _amount_cap(self):
        return Decimal(
            self.env["res.config.settings"]._property_param(
                "property_merchant.amount_cap"
            )
        )

    @api.model
    def _parse_amount(self, value):
        """The bill amount typed by the cashier as a ``Decimal`` of cents.

        Refuses, with a message saying what to type, anything that is not a
        finite number of at most two decimals between 0.01 and the cap set in
        Settings (``nan``, ``inf``, ``1e17``, ``0.001``, ``-5``, ``abc``...).
        """
        cap = self._amount_cap()
        hint = self.env._("Enter the bill amount in yuan, e.g. 128.50.")
        try:
            amount = Decimal(str(value).strip())
        except (InvalidOperation, ValueError):
            raise UserError(
                self.env._(
                    "“%(value)s” is not an amount. %(hint)s", value=value, hint=hint
                )
            ) from None
        if not amount.is_finite():
            raise UserError(
                self.env._("The bill amount must be a finite number. %s", hint)
            )
        if amount > cap:
            raise UserError(
                self.env._(
                    "The bill amount cannot exceed ¥%(cap)s (set by the property "
                    "service centre).",
                    cap=f"{cap:,.2f}",
                )
            )
        if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
            raise UserError(
                self.env._("The bill amount has at most two decimals (fen). %s", hint)
            )
        if amount < CENT:
            raise UserError(self.env._("The bill amount must be at least ¥0.01."))
        return amount.quantize(CENT)

    @api.model
    def _agreement_line(self, merchant, card):
        """The discount line of ``merchant``'s valid agreement for ``card``'s
        tier, in the card's company."""
        return (
            self.env["property.merchant.agreement.line"]
            .sudo()
            .search(
                [
                    ("agreement_id.merchant_id", "=", merchant.id),
                    ("agreement_id.company_id", "=", card.company_id.id),
                    ("tier_id", "=", card.tier_id.id),
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
        retry). The card must have been verified by the same cashier a few
        minutes before (Settings), and each verification serves once. The
        look-up is logged and throttled like a verification. A single-use
        offer is enforced by a unique key in the database, so concurrent
        submissions record it once.
        """
        if not client_token:
            raise UserError(self.env._("The form expired: reload the page."))
        existing = self.sudo().search(
            [("merchant_id", "=", merchant.id), ("client_token", "=", client_token)]
        )
        if existing:
            return existing
        amount = self._parse_amount(amount)
        Verification = self.env["property.merchant.verification"]
        status, card_sudo, _log = Verification._lookup(
            merchant, number, source="redeem"
        )
        if status != "valid":
            raise UserError(Verification._refusal_message(status))
        line = self._agreement_line(merchant, card_sudo)
        if not line:
            raise UserError(
                self.env._(
                    "You have no valid offer for %s cards.", card_sudo.tier_id.name
                )
            )
        if amount < Decimal(str(line.min_amount)):
            raise UserError(
                self.env._(
                    "This offer applies to bills of at least ¥%s.",
                    f"{line.min_amount:,.2f}",
                )
            )
        saving = (amount * Decimal(str(line.discount_percent)) / 100).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
        vals = {
            "merchant_id": merchant.id,
            "agreement_id": line.agreement_id.id,
            "line_id": line.id,
            "card_id": card_sudo.id,
            "tier_id": card_sudo.tier_id.id,
            "partner_id": card_sudo.partner_id.id,
            "user_id": self.env.uid,
            "amount": float(amount),
            "discount_percent": line.discount_percent,
            "discount_amount": float(saving),
            "amount_paid": float(amount - saving),
            "client_token": client_token,
            "single_use_key": f"{line.id}-{card_sudo.id}" if line.single_use else False,
        }
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                if not Verification._consume(merchant, card_sudo):
                    raise UserError(
                        self.env._(
                            "Verify the card first: a discount is recorded only "
                            "within %s minutes of verifying the card at this desk.",
                            Verification._redeem_window_minutes(),
                        )
                    )
                redemption_sudo = self.sudo().create(vals)
                redemption_sudo.flush_recordset()
                return redemption_sudo
        except IntegrityError:
            existing = self.sudo().search(
                [("merchant_id", "=", merchant.id), ("client_token", "=", client_token)]
            )
            if existing:
                return existing
            raise UserError(
                self.env._("This single-use offer was already redeemed with this card.")
            ) from None
