from collections import defaultdict

from odoo import fields, models

# owner message state -> broadcast log state
MESSAGE_TO_LOG_STATE = {
    "queued": "queued",
    "sending": "queued",
    "sent": "sent",
    "delivered": "sent",
    "failed": "failed",
    "cancelled": "failed",
}


class PropertyProjectMilestone(models.Model):
    _inherit = "property.project.milestone"

    def action_channel_broadcast(self):
        """Queue the broadcast for every buyer on their own channel; the
        recipients tab shows each one's channel and status."""
        Log = self.env["property.project.milestone.log"]
        for milestone in self:
            milestone._render(self.env["res.partner"])  # validate placeholders
            recipients = milestone._recipients()
            new_messages = self.env["property.channel.message"]._enqueue(
                [
                    {
                        "event_key": f"property.project.milestone:{milestone.id}",
                        "partner_id": partner.id,
                        "company_id": milestone.company_id.id,
                        "res_model": self._name,
                        "res_id": milestone.id,
                        "subject": milestone.subject,
                        "body": milestone._render(partner),
                    }
                    for partner in recipients
                ]
            )
            logged = milestone.log_ids.partner_id
            Log.create(
                [
                    {
                        "milestone_id": milestone.id,
                        "partner_id": partner.id,
                        "state": "queued",
                    }
                    for partner in new_messages.partner_id - logged
                ]
            )
            milestone.last_sent = fields.Datetime.now()
            milestone.message_post(
                body=self.env._(
                    "Broadcast queued for %s new recipients on their channels.",
                    len(new_messages),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _channel_message_update(self, messages):
        logs = self.env["property.project.milestone.log"].search(
            [
                ("milestone_id", "in", self.ids),
                ("partner_id", "in", messages.partner_id.ids),
            ]
        )
        log_by_key = {(log.milestone_id.id, log.partner_id.id): log for log in logs}
        groups = defaultdict(lambda: self.env["property.project.milestone.log"])
        for message in messages:
            log = log_by_key.get((message.res_id, message.partner_id.id))
            if log:
                groups[
                    MESSAGE_TO_LOG_STATE[message.state], message.channel, message.error
                ] |= log
        now = fields.Datetime.now()
        for (state, channel, error), group in groups.items():
            group.write(
                {"state": state, "channel": channel, "reason": error, "date": now}
            )
