from odoo import api, fields, models
from odoo.exceptions import ValidationError

FALLBACK_ORDERS = [
    ("email,wechat,sms,call", "E-mail, WeChat, SMS, then a staff call"),
    ("wechat,sms,email,call", "WeChat, SMS, e-mail, then a staff call"),
    ("sms,wechat,email,call", "SMS, WeChat, e-mail, then a staff call"),
]


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_channel_fallback_order = fields.Selection(
        FALLBACK_ORDERS,
        string="Channel Fallback Order",
        config_parameter="property_channel.fallback_order",
        default="email,wechat,sms,call",
        help="Channels tried, in this order, for an owner whose preferred "
        "channel cannot be used.",
    )
    property_channel_daily_cap = fields.Integer(
        string="Messages per Owner per Day",
        config_parameter="property_channel.daily_cap",
        default=3,
        help="Further messages wait for the next day.",
    )
    property_channel_max_attempts = fields.Integer(
        string="Sending Attempts",
        config_parameter="property_channel.max_attempts",
        default=5,
        help="Attempts on temporary errors (provider busy, rate limited) "
        "before a message is marked failed.",
    )
    property_channel_retry_minutes = fields.Integer(
        string="First Retry After (minutes)",
        config_parameter="property_channel.retry_minutes",
        default=10,
        help="Delay before the first retry; doubled at each attempt.",
    )
    property_channel_rate_per_minute = fields.Integer(
        string="Messages per Minute per Channel",
        config_parameter="property_channel.rate_per_minute",
        default=600,
        help="Most messages sent to one provider (SMS, e-mail, WeChat) each minute.",
    )

    @api.constrains(
        "property_channel_daily_cap",
        "property_channel_max_attempts",
        "property_channel_retry_minutes",
        "property_channel_rate_per_minute",
    )
    def _check_property_channel_numbers(self):
        for settings in self:
            if (
                min(
                    settings.property_channel_daily_cap,
                    settings.property_channel_max_attempts,
                    settings.property_channel_retry_minutes,
                    settings.property_channel_rate_per_minute,
                )
                < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The channel settings must be whole numbers of at least 1."
                    )
                )

    @api.model
    def _property_channel_fallback_order(self):
        order = self.env["ir.config_parameter"].sudo().get_param(
            "property_channel.fallback_order"
        ) or self._fields["property_channel_fallback_order"].default(self)
        return order.split(",")
