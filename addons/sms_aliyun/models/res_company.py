import secrets

from odoo import fields, models

from ..tools.sms_api import SmsApiAliyun


class ResCompany(models.Model):
    _inherit = "res.company"

    sms_provider = fields.Selection(
        selection_add=[("aliyun", "Send via Alibaba Cloud")],
        ondelete={"aliyun": "set default"},
    )
    sms_aliyun_access_key_id = fields.Char("AccessKey ID", groups="base.group_system")
    sms_aliyun_access_key_secret = fields.Char(
        "AccessKey Secret", groups="base.group_system"
    )
    sms_aliyun_endpoint = fields.Char(
        "Alibaba Cloud SMS Endpoint",
        default="dysmsapi.aliyuncs.com",
        groups="base.group_system",
    )
    sms_aliyun_protocol = fields.Selection(
        [("https", "HTTPS"), ("http", "HTTP")],
        "Alibaba Cloud SMS Protocol",
        default="https",
        groups="base.group_system",
    )
    sms_aliyun_report_token = fields.Char(
        "Delivery Report Token",
        default=lambda self: secrets.token_urlsafe(24),
        copy=False,
        groups="base.group_system",
        help="Secret part of the delivery report URL given to Alibaba Cloud.",
    )

    def _get_sms_api_class(self):
        self.ensure_one()
        if self.sms_provider == "aliyun":
            return SmsApiAliyun
        return super()._get_sms_api_class()

    def _sms_aliyun_report_url(self):
        self.ensure_one()
        token = self.sudo().sms_aliyun_report_token
        return f"{self.get_base_url()}/sms_aliyun/report/{token}"
