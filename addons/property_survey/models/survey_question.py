from odoo import fields, models

PROPERTY_ROLES = [
    ("overall", "Overall satisfaction"),
    ("loyalty", "Loyalty"),
    ("dimension", "Service dimension"),
    ("reasons", "Dissatisfaction reasons"),
    ("comment", "Free comment"),
]


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    property_role = fields.Selection(
        PROPERTY_ROLES,
        string="Satisfaction Role",
        help="What this question measures in owner-satisfaction results.",
    )
    property_dimension_id = fields.Many2one(
        "property.survey.dimension", string="Dimension", ondelete="restrict"
    )
