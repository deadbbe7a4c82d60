from odoo import fields, models


class PropertySurveyHousehold(models.Model):
    _inherit = "property.survey.household"

    channel = fields.Selection(
        selection_add=[("sms", "SMS"), ("wechat", "WeChat")],
        ondelete={"sms": "set null", "wechat": "set null"},
    )
