from odoo import models


class SmsComposer(models.TransientModel):
    _inherit = "sms.composer"

    def _prepare_mass_sms_values(self, records):
        results = super()._prepare_mass_sms_values(records)
        if self.template_id.provider_template_code:
            params = self.template_id._render_provider_params(records.ids)
            for record in records:
                results[record.id].update(
                    provider_template_code=self.template_id.provider_template_code,
                    provider_template_params=params[record.id],
                )
        return results

    def _action_send_sms_comment(self, records=None):
        records = records if records is not None else self._get_records()
        if not self.template_id.provider_template_code or not records:
            return super()._action_send_sms_comment(records=records)
        # the SMS are created by the records' message_post: carry the rendered
        # parameters in their context
        records = records.with_context(
            sms_provider_template=(
                self.template_id.provider_template_code,
                records._name,
                self.template_id._render_provider_params(records.ids),
            )
        )
        return super()._action_send_sms_comment(records=records)
