from odoo import fields, models
from odoo.exceptions import UserError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sms_sign_name = fields.Char(related="company_id.sms_sign_name", readonly=False)
    sms_fallback_template_code = fields.Char(
        related="company_id.sms_fallback_template_code", readonly=False
    )
    sms_fallback_template_param = fields.Char(
        related="company_id.sms_fallback_template_param", readonly=False
    )
    sms_test_number = fields.Char(
        "Test Number", help="Mobile number receiving the test SMS, e.g. 13800138000."
    )

    def action_sms_provider_test(self):
        """Save the settings, send the fallback template to the test number
        through the company's provider now, and say what it answered."""
        self.ensure_one()
        if not self.sms_test_number:
            raise UserError(
                self.env._("Enter the mobile number to send the test SMS to.")
            )
        number = self.sms_test_number
        self.execute()
        company = self.company_id
        sms_sudo = (
            self.env["sms.sms"]
            .sudo()
            .create(
                {
                    "number": number,
                    "body": self.env._("Test SMS from %s", company.name),
                    "record_company_id": company.id,
                    "state": "process",
                }
            )
        )
        sms_api = company._get_sms_api_class()(self.env)
        sms_api._set_company(company)
        result = sms_api._send_sms_batch(
            [
                {
                    "content": sms_sudo.body,
                    "numbers": [{"uuid": sms_sudo.uuid, "number": number}],
                }
            ]
        )[0]
        sms_sudo.unlink()
        if result["state"] not in ("success", "processing", "sent"):
            raise UserError(
                self.env._(
                    "The provider refused the test SMS: %s",
                    result.get("failure_reason") or result["state"],
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Test SMS sent to %s.", number),
            },
        }
