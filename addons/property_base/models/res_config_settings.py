from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_health_base_score = fields.Integer(
        string="Starting Health Score",
        config_parameter="property_base.health_base_score",
        default=80,
        help="Score of an owner before any signal adds or removes points (0-100).",
    )
    property_health_at_risk_below = fields.Integer(
        string="At Risk Below",
        config_parameter="property_base.health_at_risk_below",
        default=60,
        help="Owners scoring below this are At Risk.",
    )
    property_health_watch_below = fields.Integer(
        string="Watch Below",
        config_parameter="property_base.health_watch_below",
        default=75,
        help="Owners scoring below this (and not At Risk) are on the Watch list.",
    )
    property_health_high_value_from = fields.Integer(
        string="High Value From",
        config_parameter="property_base.health_high_value_from",
        default=95,
        help="Owners scoring at least this are High Value.",
    )
    property_health_points_black = fields.Integer(
        string="Black Customer",
        config_parameter="property_base.health_points_black",
        default=-30,
        help="Points added to the score of a black customer (negative: a risk).",
    )
    property_health_points_good = fields.Integer(
        string="Good Relationship",
        config_parameter="property_base.health_points_good",
        default=10,
        help="Points added to the score of a customer in good relationship.",
    )
    property_health_points_experience_officer = fields.Integer(
        string="Customer Experience Officer",
        config_parameter="property_base.health_points_experience_officer",
        default=10,
        help="Points added to the score of a customer experience officer.",
    )

    @api.model
    def _property_int_param(self, key):
        """Integer value of the ``property_*`` system parameter ``key``.

        Read by business code instead of ``get_param`` with a literal
        default: a parameter missing from the database falls back to the
        default of the Settings field storing it, the one place that number
        is written in Python.
        """
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        if value not in (None, False, ""):
            return int(value)
        for field in self._fields.values():
            if getattr(field, "config_parameter", None) == key:
                return int(field.default(self) if callable(field.default) else 0)
        raise KeyError(key)
