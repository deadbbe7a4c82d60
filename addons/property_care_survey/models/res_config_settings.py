from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_care_survey_winback_days = fields.Integer(
        string="Days to Visit Neutral Households",
        config_parameter="property_care_survey.winback_days",
        default=14,
        help="When a satisfaction campaign closes, each household that scored 3 "
        "gets a conversion visit by its butler, due within this many days.",
    )
