from odoo import api, fields, models
from odoo.tools import html2plaintext

CHANNEL_ACTIONS = ("sms", "greeting")


class PropertyCareTouchpoint(models.Model):
    _inherit = "property.care.touchpoint"

    channel_queued = fields.Boolean(
        "Sent to the Owner's Channel",
        readonly=True,
        copy=False,
        help="The message of this touchpoint was queued for the owner's channel.",
    )

    _channel_due_idx = models.Index(
        "(due_date) WHERE state = 'planned' AND action IN ('sms', 'greeting') "
        "AND channel_queued IS NOT TRUE"
    )

    def action_channel_send(self):
        """Send now, on the owner's channel (SMS, WeChat, e-mail or a call)."""
        self.filtered(
            lambda t: t.state == "planned" and t.action in CHANNEL_ACTIONS
        )._channel_enqueue()
        return True

    def _channel_enqueue(self):
        todo = self.filtered(lambda t: not t.channel_queued)
        if not todo:
            return
        self.env["property.channel.message"]._enqueue(
            [
                {
                    "event_key": f"property.care.touchpoint:{touchpoint.id}",
                    "partner_id": touchpoint.partner_id.id,
                    "company_id": touchpoint.company_id.id,
                    "res_model": self._name,
                    "res_id": touchpoint.id,
                    "subject": touchpoint.name,
                    "body": body,
                }
                for touchpoint, body in todo._channel_bodies().items()
            ]
        )
        todo.channel_queued = True

    def _channel_bodies(self):
        """{touchpoint: text}: the plan line's message template rendered for
        the owner (in the owner's language), else the touchpoint's text."""
        bodies = {}
        for template, touchpoints in self.grouped(
            lambda t: t.line_id.template_id
        ).items():
            if template:
                rendered = template._render_field(
                    "body_html", touchpoints.ids, compute_lang=True
                )
                bodies.update(
                    (t, html2plaintext(rendered[t.id]).strip()) for t in touchpoints
                )
            else:
                bodies.update((t, t.description or t.name) for t in touchpoints)
        return bodies

    @api.model
    def _cron_channel_send(self):
        """Queue the messages of the SMS / greeting touchpoints due today."""
        due = self.search(
            [
                ("state", "=", "planned"),
                ("action", "in", CHANNEL_ACTIONS),
                ("channel_queued", "=", False),
                ("due_date", "<=", fields.Date.context_today(self)),
            ]
        )
        due._channel_enqueue()

    def _channel_message_update(self, messages):
        """Log on the touchpoint what became of its message; a message that
        reached the owner (or their butler's call) closes the touchpoint."""
        by_touchpoint = {m.res_id: m for m in messages}
        for touchpoint in self:
            message = by_touchpoint[touchpoint.id]
            env = touchpoint.with_context(
                lang=touchpoint.user_id.lang or self.env.lang
            ).env
            channel = dict(message._fields["channel"]._description_selection(env)).get(
                message.channel
            )
            if message.state == "sent" and touchpoint.state == "planned":
                touchpoint.outcome = env._("Sent to the owner by %s.", channel)
                touchpoint.action_done()
                touchpoint.message_post(
                    body=env._(
                        "Message sent to %(owner)s by %(channel)s.",
                        owner=touchpoint.partner_id.name,
                        channel=channel,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            elif message.state in ("failed", "cancelled"):
                touchpoint.message_post(
                    body=env._(
                        "The message to %(owner)s was not sent: %(reason)s",
                        owner=touchpoint.partner_id.name,
                        reason=message.error,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
