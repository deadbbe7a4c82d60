from odoo import api, fields, models

# provider-neutral failure types the Chinese providers' errors map to
PROVIDER_FAILURE_TYPES = [
    ("sms_template", "Template Not Approved"),
    ("sms_signature", "Signature Not Approved"),
    ("sms_rate_limit", "Rate Limited"),
]
# failures worth retrying later as they are: the provider or the network
TEMPORARY_FAILURE_TYPES = {"sms_server", "sms_rate_limit"}


class SmsSms(models.Model):
    _inherit = "sms.sms"

    failure_type = fields.Selection(selection_add=PROVIDER_FAILURE_TYPES)
    provider_template_code = fields.Char(readonly=True)
    provider_failure_reason = fields.Char(
        readonly=True,
        help="Error code and message the provider answered.",
    )
    provider_template_params = fields.Json(
        "Provider Template Parameters", readonly=True
    )

    def _get_provider_template(self, company):
        """Return (template code, parameters) to send this SMS with: its own
        mapped template, else the company's fallback template carrying the
        body, else (False, {})."""
        self.ensure_one()
        if self.provider_template_code:
            return self.provider_template_code, self.provider_template_params or {}
        if company.sms_fallback_template_code:
            return company.sms_fallback_template_code, {
                company.sms_fallback_template_param or "content": self.body or ""
            }
        return False, {}

    @api.model_create_multi
    def create(self, vals_list):
        # comment-mode composer: the template parameters were rendered per
        # record; each SMS finds its record through its message
        if template := self.env.context.get("sms_provider_template"):
            code, model, params_by_res_id = template
            message_ids = {vals.get("mail_message_id") for vals in vals_list} - {
                None,
                False,
            }
            res_id_by_message = {
                message.id: message.res_id
                for message in self.env["mail.message"].sudo().browse(message_ids)
                if message.model == model
            }
            for vals in vals_list:
                res_id = res_id_by_message.get(vals.get("mail_message_id"))
                if res_id and "provider_template_code" not in vals:
                    vals["provider_template_code"] = code
                    vals["provider_template_params"] = params_by_res_id.get(res_id, {})
        return super().create(vals_list)

    def _handle_call_result_hook(self, results):
        """Keep the provider's message id on the tracker (the SMS itself is
        deleted once sent) so that delivery reports find their notification,
        and the provider's error on the SMS."""
        refs = {
            r["uuid"]: r["sms_provider_ref"]
            for r in results
            if r.get("sms_provider_ref")
        }
        for sms in self.filtered(lambda s: s.uuid in refs and s.sms_tracker_id):
            sms.sms_tracker_id.sms_provider_ref = refs[sms.uuid]
        # and the provider's error, which core only passes to notifications
        reasons = {
            r["uuid"]: r["failure_reason"] for r in results if r.get("failure_reason")
        }
        for sms in self.filtered(lambda s: s.uuid in reasons):
            sms.provider_failure_reason = reasons[sms.uuid]
        return super()._handle_call_result_hook(results)
