from odoo import api, fields, models
from odoo.exceptions import ValidationError

# the largest cap a user may set (a billion yuan); the statement's upper-case
# words are tested for every bill up to it and for totals of many such bills
MAX_AMOUNT_CAP = 10**9


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_merchant_verify_failed_limit = fields.Integer(
        string="Refused Look-ups per Cashier",
        config_parameter="property_merchant.verify_failed_limit_per_hour",
        default=10,
        help="A cashier whose card look-ups were refused this many times in the "
        "throttle window gets no answer until the window ends.",
    )
    property_merchant_verify_failed_limit_merchant = fields.Integer(
        string="Refused Look-ups per Merchant",
        config_parameter="property_merchant.verify_failed_limit_merchant",
        default=30,
        help="The same limit for all the cashiers of one merchant together.",
    )
    property_merchant_verify_window_hours = fields.Integer(
        string="Throttle Window (hours)",
        config_parameter="property_merchant.verify_window_hours",
        default=1,
        help="Length of the window in which refused look-ups are counted.",
    )
    property_merchant_redeem_window_minutes = fields.Integer(
        string="Redeem Within (minutes)",
        config_parameter="property_merchant.redeem_window_minutes",
        default=5,
        help="A discount can be recorded only this many minutes after the same "
        "cashier verified the card; each verification serves once.",
    )
    property_merchant_amount_cap = fields.Integer(
        string="Largest Bill Amount (¥)",
        config_parameter="property_merchant.amount_cap",
        default=100000,
        help="Bills above this amount are refused at the merchant desk.",
    )

    @api.constrains(
        "property_merchant_verify_failed_limit",
        "property_merchant_verify_failed_limit_merchant",
        "property_merchant_verify_window_hours",
        "property_merchant_redeem_window_minutes",
        "property_merchant_amount_cap",
    )
    def _check_property_merchant_settings(self):
        for settings in self:
            if (
                min(
                    settings.property_merchant_verify_failed_limit,
                    settings.property_merchant_verify_failed_limit_merchant,
                    settings.property_merchant_verify_window_hours,
                    settings.property_merchant_redeem_window_minutes,
                    settings.property_merchant_amount_cap,
                )
                < 1
            ):
                raise ValidationError(
                    self.env._("The merchant alliance limits must be at least 1.")
                )
            if settings.property_merchant_amount_cap > MAX_AMOUNT_CAP:
                raise ValidationError(
                    self.env._(
                        "The largest bill amount cannot exceed ¥%s.",
                        f"{MAX_AMOUNT_CAP:,}",
                    )
                )
