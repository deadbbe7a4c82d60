from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.property_club.tools import card_number
from odoo.tools import SQL

STATUSES = [
    ("valid", "Valid"),
    ("malformed", "Invalid number"),
    ("unknown", "Unknown card"),
    ("draft", "Not activated"),
    ("suspended", "Suspended"),
    ("expired", "Expired"),
    ("cancelled", "Cancelled"),
    ("throttled", "Refused (too many failed attempts)"),
]


class PropertyMerchantVerification(models.Model):
    """Every card look-up a merchant makes: the audit trail and the throttle.

    A look-up comes from the verify form or from the redeem form; each one is
    logged with the last 4 digits only. A redemption consumes one recent
    successful verification of the same card by the same cashier.
    """

    _name = "property.merchant.verification"
    _description = "Card Verification Attempt"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    merchant_id = fields.Many2one("res.partner", required=True, index=True)
    user_id = fields.Many2one("res.users", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    number_tail = fields.Char(
        string="Number (last digits)", help="Only the last 4 digits are kept."
    )
    status = fields.Selection(STATUSES, required=True, index=True)
    source = fields.Selection(
        [("verify", "Verification"), ("redeem", "Redemption")],
        required=True,
        default="verify",
        help="The merchant desk form the look-up came from.",
    )
    card_id = fields.Many2one("property.club.card", index=True, check_company=True)
    consumed = fields.Boolean(
        readonly=True,
        copy=False,
        help="A redemption was recorded on this verification: it cannot be "
        "used for another one.",
    )

    _user_date_idx = models.Index("(user_id, create_date)")

    # ---- settings ---------------------------------------------------------

    @api.model
    def _setting(self, name):
        return self.env["res.config.settings"]._property_param(
            f"property_merchant.{name}"
        )

    @api.model
    def _failed_limit(self):
        return self._setting("verify_failed_limit_per_hour")

    @api.model
    def _failed_limit_merchant(self):
        return self._setting("verify_failed_limit_merchant")

    @api.model
    def _window_hours(self):
        return self._setting("verify_window_hours")

    @api.model
    def _redeem_window_minutes(self):
        return self._setting("redeem_window_minutes")

    # ---- look-ups ---------------------------------------------------------

    @api.model
    def _lookup(self, merchant, number, source="verify"):
        """Log a look-up of ``number`` by the current user for ``merchant``.

        Refused (status ``throttled``, no look-up at all) once the cashier or
        the merchant made the configured number of refused look-ups in the
        current window. Every answer other than ``valid`` counts, whatever
        the reason (unknown, malformed, draft, suspended, expired, cancelled).
        Returns ``(status, card_sudo, log_sudo)``.
        """
        Throttle = self.env["property.merchant.throttle"].sudo()
        window = Throttle._window(self._window_hours())
        keys = [("user", self.env.uid), ("merchant", merchant.id)]
        counts = Throttle._counts(keys, window)
        tail = "".join(ch for ch in (number or "") if ch.isdigit())[-4:]
        vals = {
            "merchant_id": merchant.id,
            "user_id": self.env.uid,
            "company_id": self.env.company.id,
            "number_tail": tail,
            "source": source,
        }
        if (
            counts.get(keys[0], 0) >= self._failed_limit()
            or counts.get(keys[1], 0) >= self._failed_limit_merchant()
        ):
            log_sudo = self.sudo().create({**vals, "status": "throttled"})
            return "throttled", self.env["property.club.card"].sudo(), log_sudo
        status, card_sudo = self.env["property.club.card"]._verify_number(
            number, self.env.company
        )
        if status != "valid":
            Throttle._bump(keys, window)
        log_sudo = self.sudo().create(
            {**vals, "status": status, "card_id": card_sudo.id}
        )
        return status, card_sudo, log_sudo

    @api.model
    def _refusal_message(self, status):
        """What the cashier is told: no more than they need to act."""
        if status == "throttled":
            return self.env._(
                "Too many refused card look-ups. Please try again later or "
                "contact the property service centre."
            )
        if status == "malformed":
            return self.env._(
                "This is not a club card number: check the digits or scan again."
            )
        return self.env._(
            "This card is not accepted. The holder can ask the property service centre."
        )

    @api.model
    def _verify(self, merchant, number):
        """Verify ``number`` for ``merchant`` as the current user.

        Returns a dict safe to show to the cashier: ``accepted``, ``message``
        and, only for an accepted card, the masked number, tier, the holder's
        masked name and the discount.
        """
        status, card_sudo, _log = self._lookup(merchant, number)
        result = {
            "accepted": status == "valid",
            "message": self._refusal_message(status),
            "number": "",
            "tier": "",
            "holder": "",
            "discount": 0.0,
            "offer": "",
        }
        if status == "valid":
            line = self.env["property.merchant.redemption"]._agreement_line(
                merchant, card_sudo
            )
            result.update(
                {
                    "message": self.env._("Valid card"),
                    "number": card_number.mask(card_sudo.name),
                    "tier": card_sudo.tier_id.name,
                    "holder": card_sudo._masked_holder_name(),
                    "discount": line.discount_percent,
                    "offer": line.offer or "",
                }
            )
        return result

    @api.model
    def _consume(self, merchant, card):
        """Use up the latest unconsumed successful verification of ``card``
        by the current user for ``merchant`` within the redeem window.

        One UPDATE with a row lock: two concurrent redemptions cannot consume
        the same verification. Returns whether one was found.
        """
        self.env.flush_all()
        since = self.env.cr.now() - timedelta(minutes=self._redeem_window_minutes())
        self.env.cr.execute(
            SQL(
                """
                UPDATE property_merchant_verification v
                   SET consumed = TRUE
                 WHERE v.id = (
                        SELECT id FROM property_merchant_verification
                         WHERE user_id = %(uid)s AND merchant_id = %(merchant)s
                           AND card_id = %(card)s AND status = 'valid'
                           AND source = 'verify' AND consumed IS NOT TRUE
                           AND create_date >= %(since)s
                         ORDER BY id DESC
                         LIMIT 1
                           FOR UPDATE
                       )
                   AND v.consumed IS NOT TRUE
                RETURNING v.id
                """,
                uid=self.env.uid,
                merchant=merchant.id,
                card=card.id,
                since=since,
            )
        )
        consumed = bool(self.env.cr.fetchall())
        self.invalidate_model(["consumed"])
        return consumed
