from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    property_project_id = fields.Many2one(
        related="user_input_id.property_project_id", store=True, index=True
    )
    property_month = fields.Date(related="user_input_id.property_month", store=True)
    property_role = fields.Selection(related="question_id.property_role", store=True)
    property_dimension_id = fields.Many2one(
        related="question_id.property_dimension_id", store=True
    )
    property_satisfied_pct = fields.Float(
        string="Satisfied (%)",
        compute="_compute_property_satisfied_pct",
        store=True,
        aggregator="avg",
        help="100 when a scored dimension answer is satisfied, else 0: its average "
        "is the satisfaction rate of the dimension.",
    )

    _property_pareto_idx = models.Index(
        "(property_project_id, property_month) WHERE property_role = 'reasons'"
    )

    @api.depends("value_scale", "answer_type", "question_id.property_role")
    def _compute_property_satisfied_pct(self):
        threshold = self.env["res.config.settings"]._property_param(
            "property_survey.satisfied_min_score"
        )
        for line in self:
            line.property_satisfied_pct = (
                100.0
                if line.question_id.property_role
                and line.answer_type == "scale"
                and line.value_scale >= threshold
                else 0.0
            )

    @api.constrains("value_scale", "question_id")
    def _check_property_scale(self):
        for line in self:
            question = line.question_id
            if (
                line.answer_type == "scale"
                and question.property_role
                and not question.scale_min <= line.value_scale <= question.scale_max
            ):
                raise ValidationError(
                    self.env._(
                        "The answer %(value)s to “%(question)s” is out of range: "
                        "scores go from %(min)s to %(max)s.",
                        value=line.value_scale,
                        question=question.title,
                        min=question.scale_min,
                        max=question.scale_max,
                    )
                )
