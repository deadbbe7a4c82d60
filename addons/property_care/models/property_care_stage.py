from odoo import fields, models

STAGE_CODES = [
    ("pre_sale", "Pre-sale"),
    ("signing", "Subscription and Signing"),
    ("awaiting", "Awaiting Handover"),
    ("handover", "Handover"),
    ("settling", "Settling In"),
    ("warranty", "Warranty Responsibility"),
    ("journey", "Journey Together"),
    ("four_year", "Four-Year Appointment"),
]


class PropertyCareStage(models.Model):
    """One of the eight "6+2" care stages (温馨牵手 ... 四年之约)."""

    _name = "property.care.stage"
    _description = "Care Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(STAGE_CODES, required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    fold = fields.Boolean(string="Folded in Kanban")

    _code_uniq = models.Constraint("unique(code)", "A care stage code must be unique.")
