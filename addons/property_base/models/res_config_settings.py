from odoo import api, fields, models
from odoo.tools import str2bool


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
    def _property_param(self, key):
        """Value of the system parameter ``key``, typed like the Settings
        field that stores it (integer, float, boolean, char/selection,
        many2one as a record).

        The one way business code reads a setting: a parameter missing from
        the database falls back to the declared default of that field, the
        one place its number is written, exactly as the Settings page shows
        it (``get_values``).
        """
        field = next(
            (
                field
                for field in self._fields.values()
                if getattr(field, "config_parameter", None) == key
            ),
            None,
        )
        if field is None:
            raise KeyError(key)
        default = field.default(self) if field.default else False
        if isinstance(default, models.BaseModel):
            default = default.id
        value = self.env["ir.config_parameter"].sudo().get_param(key, default)
        if field.type == "integer":
            return int(value or 0)
        if field.type == "float":
            return float(value or 0.0)
        if field.type == "boolean":
            return str2bool(value, False) if isinstance(value, str) else bool(value)
        if field.type == "many2one":
            return self.env[field.comodel_name].browse(int(value or 0)).exists()
        return value

    @api.model
    def _property_int_param(self, key):
        """Integer value of the setting stored in system parameter ``key``."""
        return int(self._property_param(key))
