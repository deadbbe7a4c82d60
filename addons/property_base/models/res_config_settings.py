from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_health_base_score = fields.Integer(
        string="Starting Health Score",
        config_parameter="property_base.health_base_score",
        default=80,
    )
    property_health_at_risk_below = fields.Integer(
        string="At Risk Below",
        config_parameter="property_base.health_at_risk_below",
        default=60,
    )
    property_health_watch_below = fields.Integer(
        string="Watch Below",
        config_parameter="property_base.health_watch_below",
        default=75,
    )
    property_health_high_value_from = fields.Integer(
        string="High Value From",
        config_parameter="property_base.health_high_value_from",
        default=95,
    )
