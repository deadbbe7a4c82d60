from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sms_aliyun_access_key_id = fields.Char(
        related="company_id.sms_aliyun_access_key_id", readonly=False
    )
    sms_aliyun_access_key_secret = fields.Char(
        related="company_id.sms_aliyun_access_key_secret", readonly=False
    )
    sms_aliyun_endpoint = fields.Char(
        related="company_id.sms_aliyun_endpoint", readonly=False
    )
    sms_aliyun_report_url = fields.Char(
        "Delivery Report URL", compute="_compute_sms_aliyun_report_url"
    )

    def _compute_sms_aliyun_report_url(self):
        for settings in self:
            settings.sms_aliyun_report_url = (
                settings.company_id._sms_aliyun_report_url()
            )
