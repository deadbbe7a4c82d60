import secrets

from odoo import fields, models

from ..tools.sms_api import SmsApiTencentCloud


class ResCompany(models.Model):
    _inherit = "res.company"

    sms_provider = fields.Selection(
        selection_add=[("tencentcloud", "Send via Tencent Cloud")],
        ondelete={"tencentcloud": "set default"},
    )
    sms_tencentcloud_secret_id = fields.Char("SecretId", groups="base.group_system")
    sms_tencentcloud_secret_key = fields.Char("SecretKey", groups="base.group_system")
    sms_tencentcloud_sdk_app_id = fields.Char(
        "SMS SdkAppId",
        groups="base.group_system",
        help="SMS application ID, e.g. 1400006666.",
    )
    sms_tencentcloud_region = fields.Char(
        "Tencent Cloud Region", default="ap-guangzhou", groups="base.group_system"
    )
    sms_tencentcloud_endpoint = fields.Char(
        "Tencent Cloud SMS Endpoint",
        default="sms.tencentcloudapi.com",
        groups="base.group_system",
    )
    sms_tencentcloud_protocol = fields.Selection(
        [("https", "HTTPS"), ("http", "HTTP")],
        "Tencent Cloud SMS Protocol",
        default="https",
        groups="base.group_system",
    )
    sms_tencentcloud_report_token = fields.Char(
        "Tencent Cloud Delivery Report Token",
        default=lambda self: secrets.token_urlsafe(24),
        copy=False,
        groups="base.group_system",
        help="Secret part of the delivery report URL given to Tencent Cloud.",
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.sms_provider == "tencentcloud":
            return SmsApiTencentCloud
        return super()._get_sms_api_class()

    def _sms_tencentcloud_report_url(self):
        self.ensure_one()
        token = self.sudo().sms_tencentcloud_report_token
        return f"{self.get_base_url()}/sms_tencentcloud/report/{token}"
