from odoo import fields, models


class PropertySurveyParetoLine(models.TransientModel):
    _name = "property.survey.pareto.line"
    _description = "Dissatisfaction Pareto Line"
    _order = "sequence"

    pareto_id = fields.Many2one("property.survey.pareto", required=True, ondelete="cascade")
    sequence = fields.Integer()
    reason = fields.Char(required=True)
    dimension_id = fields.Many2one("property.survey.dimension")
    count = fields.Integer()
    share = fields.Float(string="Share (%)")
    cumulative_share = fields.Float(string="Cumulative (%)")
    vital = fields.Boolean(string="Vital Few", help="Among the reasons making up 80%.")
