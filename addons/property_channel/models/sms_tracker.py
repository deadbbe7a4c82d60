from odoo import fields, models


class SmsTracker(models.Model):
    _inherit = "sms.tracker"

    channel_message_id = fields.Many2one(
        "property.channel.message", index="btree_not_null", ondelete="cascade"
    )

    def _action_update_from_sms_state(
        self, sms_state, failure_type=False, failure_reason=False
    ):
        res = super()._action_update_from_sms_state(
            sms_state, failure_type=failure_type, failure_reason=failure_reason
        )
        # delivery reports: "sent" is the operator's delivered
        if sms_state == "sent":
            self.channel_message_id.filtered(lambda m: m.state == "sent").write(
                {"state": "delivered"}
            )
        return res

    def _action_update_from_provider_error(self, provider_error):
        res = super()._action_update_from_provider_error(provider_error)
        _status, _failure_type, failure_reason = res
        self.channel_message_id.filtered(
            lambda m: m.state in ("sent", "delivered")
        ).write({"state": "failed", "error": failure_reason or provider_error})
        self.channel_message_id._notify_sources()
        return res
