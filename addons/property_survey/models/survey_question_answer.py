from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    property_dimension_id = fields.Many2one(
        "property.survey.dimension",
        string="Dimension",
        ondelete="restrict",
        help="The service dimension a dissatisfaction reason points at.",
    )
