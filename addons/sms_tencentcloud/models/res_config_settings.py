from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sms_tencentcloud_secret_id = fields.Char(
        related="company_id.sms_tencentcloud_secret_id", readonly=False
    )
    sms_tencentcloud_secret_key = fields.Char(
        related="company_id.sms_tencentcloud_secret_key", readonly=False
    )
    sms_tencentcloud_sdk_app_id = fields.Char(
        related="company_id.sms_tencentcloud_sdk_app_id", readonly=False
    )
    sms_tencentcloud_region = fields.Char(
        related="company_id.sms_tencentcloud_region", readonly=False
    )
    sms_tencentcloud_report_url = fields.Char(
        "Tencent Cloud Delivery Report URL",
        compute="_compute_sms_tencentcloud_report_url",
    )

    def _compute_sms_tencentcloud_report_url(self):
        for settings in self:
            settings.sms_tencentcloud_report_url = (
                settings.company_id._sms_tencentcloud_report_url()
            )
