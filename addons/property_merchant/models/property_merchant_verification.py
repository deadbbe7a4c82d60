from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

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
FAILED = ("malformed", "unknown")


class PropertyMerchantVerification(models.Model):
    """Every card look-up a merchant makes: the audit trail and the throttle."""

    _name = "property.merchant.verification"
    _description = "Card Verification Attempt"
    _order = "create_date desc, id desc"

    merchant_id = fields.Many2one("res.partner", required=True, index=True)
    user_id = fields.Many2one("res.users", required=True, index=True)
    number_tail = fields.Char(
        string="Number (last digits)", help="Only the last 4 digits are kept."
    )
    status = fields.Selection(STATUSES, required=True, index=True)
    card_id = fields.Many2one("property.club.card", index=True)

    _user_date_idx = models.Index("(user_id, create_date)")

    @api.model
    def _failed_limit(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("property_merchant.verify_failed_limit_per_hour", 10)
        )

    @api.model
    def _verify(self, merchant, number):
        """Verify ``number`` for ``merchant`` as the current user.

        Logs the attempt; refuses once the user made more failed look-ups in
        the last hour than the configured limit (no card-number enumeration).
        Returns a dict safe to show to the merchant: status, reason, tier,
        discount and the holder's masked name.
        """
        self_sudo = self.sudo()
        since = fields.Datetime.now() - timedelta(hours=1)
        failed = self_sudo.search_count(
            [
                ("user_id", "=", self.env.uid),
                ("create_date", ">=", since),
                ("status", "in", (*FAILED, "throttled")),
            ]
        )
        tail = "".join(ch for ch in (number or "") if ch.isdigit())[-4:]
        if failed >= self._failed_limit():
            self_sudo.create(
                {
                    "merchant_id": merchant.id,
                    "user_id": self.env.uid,
                    "number_tail": tail,
                    "status": "throttled",
                }
            )
            raise UserError(
                self.env._(
                    "Too many failed card look-ups in the last hour. "
                    "Please try again later or contact the property service centre."
                )
            )
        status, card = self.env["property.club.card"]._verify_number(number)
        self_sudo.create(
            {
                "merchant_id": merchant.id,
                "user_id": self.env.uid,
                "number_tail": tail,
                "status": status,
                "card_id": card.id,
            }
        )
        result = {
            "status": status,
            "reason": dict(self._fields["status"]._description_selection(self.env))[
                status
            ],
            "number": card.display_name if card else "",
            "tier": card.tier_id.name if card else "",
            "holder": card._masked_holder_name() if card else "",
            "discount": 0.0,
            "offer": "",
        }
        if status == "valid":
            line = self.env["property.merchant.redemption"]._agreement_line(
                merchant, card.tier_id
            )
            result["discount"] = line.discount_percent
            result["offer"] = line.offer or ""
        return result
