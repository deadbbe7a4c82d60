from odoo import fields, models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    property_kind = fields.Selection(
        [
            ("satisfaction", "Owner Satisfaction"),
            ("inspection", "Touchpoint Inspection"),
        ],
        string="Property Use",
        index=True,
        help="Satisfaction questionnaires are used by monthly campaigns; inspection "
        "checklists are weighted by their answer scores.",
    )
    property_touchpoint = fields.Char(
        string="Touchpoint",
        help="The touchpoint an inspection checklist scores (mystery shopper, "
        "sales-site comfort check ...).",
    )
