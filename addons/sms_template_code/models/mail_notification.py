from odoo import fields, models


class MailNotification(models.Model):
    _inherit = "mail.notification"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_template", "Template Not Approved"),
            ("sms_signature", "Signature Not Approved"),
            ("sms_rate_limit", "Rate Limited"),
        ],
    )
