from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    property_channel = fields.Selection(
        selection_add=[("sms", "SMS"), ("wechat", "WeChat")],
        ondelete={"sms": "set null", "wechat": "set null"},
    )
