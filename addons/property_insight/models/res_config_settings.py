from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_insight_history_months = fields.Integer(
        string="Months of History",
        config_parameter="property_insight.history_months",
        default=24,
        help="How many past months of survey answers the model learns from "
        "and the back-test replays.",
    )
    property_insight_unhappy_max_score = fields.Integer(
        string="Unhappy Up To Score",
        config_parameter="property_insight.unhappy_max_score",
        default=3,
        help="An overall survey score at or below this value counts as unhappy.",
    )
    property_insight_min_auc_percent = fields.Integer(
        string="Minimum AUC (%)",
        config_parameter="property_insight.min_auc_percent",
        default=60,
        help="The back-test's AUC (50 = guessing, 100 = perfect) the model must "
        "reach, besides beating the health score, to drive the work list.",
    )
    property_insight_work_list_size = fields.Integer(
        string="Households per Grid",
        config_parameter="property_insight.work_list_size",
        default=10,
        help="Work-list length of each grid butler per month.",
    )
    property_insight_risk_threshold_percent = fields.Integer(
        string="Risk Threshold (%)",
        config_parameter="property_insight.risk_threshold_percent",
        default=30,
        help="Only households at or above this predicted risk enter the work list.",
    )
    property_insight_allow_weak_model = fields.Boolean(
        string="Use a Model That Does Not Beat the Health Score",
        config_parameter="property_insight.allow_weak_model",
        help="Off by default: a model that does not beat the health score in "
        "its back-test makes no work list.",
    )

    @api.constrains(
        "property_insight_history_months",
        "property_insight_unhappy_max_score",
        "property_insight_min_auc_percent",
        "property_insight_work_list_size",
        "property_insight_risk_threshold_percent",
    )
    def _check_property_insight_settings(self):
        for settings in self:
            if not 2 <= settings.property_insight_history_months <= 120:
                raise ValidationError(
                    self.env._("The months of history are between 2 and 120.")
                )
            if not 1 <= settings.property_insight_unhappy_max_score <= 4:
                raise ValidationError(
                    self.env._("The unhappy score is between 1 and 4.")
                )
            if not 50 <= settings.property_insight_min_auc_percent <= 100:
                raise ValidationError(
                    self.env._("The minimum AUC is between 50 and 100 %.")
                )
            if settings.property_insight_work_list_size < 1:
                raise ValidationError(
                    self.env._("A work list holds at least one household.")
                )
            if not 0 <= settings.property_insight_risk_threshold_percent <= 100:
                raise ValidationError(
                    self.env._("The risk threshold is between 0 and 100 %.")
                )
