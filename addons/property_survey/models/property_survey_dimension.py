from odoo import fields, models


class PropertySurveyDimension(models.Model):
    """A service dimension owners judge (security, cleaning, parking ...)."""

    _name = "property.survey.dimension"
    _description = "Satisfaction Dimension"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "unique(code)", "A dimension code must be unique."
    )
