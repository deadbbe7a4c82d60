from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_survey_draw_day = fields.Integer(
        string="Draw Day",
        config_parameter="property_survey.draw_day",
        default=28,
        help="Day of the month from which next month's samples are drawn.",
    )
    property_survey_satisfied_min_score = fields.Integer(
        string="Satisfied From Score",
        config_parameter="property_survey.satisfied_min_score",
        default=4,
    )
    property_survey_sample_mode = fields.Selection(
        [("fixed", "Fixed size"), ("statistical", "Confidence and margin")],
        string="Sample Size",
        config_parameter="property_survey.sample_mode",
        default="statistical",
    )
    property_survey_sample_size_fixed = fields.Integer(
        string="Fixed Sample Size",
        config_parameter="property_survey.sample_size_fixed",
        default=50,
    )
    property_survey_confidence_level = fields.Float(
        string="Confidence Level (%)",
        config_parameter="property_survey.confidence_level",
        default=95,
    )
    property_survey_margin_error = fields.Float(
        string="Margin of Error (%)",
        config_parameter="property_survey.margin_error",
        default=5,
    )
    property_survey_health_points_low = fields.Integer(
        string="Points for Last Score ≤ 3",
        config_parameter="property_survey.health_points_low",
        default=-15,
    )
    property_survey_health_points_high = fields.Integer(
        string="Points for Last Score 5",
        config_parameter="property_survey.health_points_high",
        default=5,
    )
    property_survey_weak_items_count = fields.Integer(
        string="Weakest Items Listed",
        config_parameter="property_survey.weak_items_count",
        default=5,
    )
    property_survey_pareto_vital_share = fields.Float(
        string="Pareto Vital Few Up To (%)",
        config_parameter="property_survey.pareto_vital_share",
        default=80,
    )

    def set_values(self):
        key = "property_survey.satisfied_min_score"
        before = self._property_int_param(key)
        res = super().set_values()
        if self._property_int_param(key) != before:
            self.env["survey.user_input"]._property_apply_satisfied_threshold()
        return res
