from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sms_sign_name = fields.Char(
        "SMS Signature",
        help="Approved signature (签名) the provider puts in front of every SMS, "
        "e.g. 翠湖物业.",
    )
    sms_fallback_template_code = fields.Char(
        "Fallback Template Code",
        help="Approved provider template used for SMS written without a mapped "
        "template (e.g. typed in the composer): its single parameter carries "
        "the text.",
    )
    sms_fallback_template_param = fields.Char(
        "Fallback Template Parameter",
        default="content",
        help="Name of the parameter of the fallback template that receives the text.",
    )
