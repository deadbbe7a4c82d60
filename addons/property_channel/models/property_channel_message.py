import json
import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.addons.sms_template_code.models.sms_sms import TEMPORARY_FAILURE_TYPES
from odoo.tools import SQL, plaintext2html

_logger = logging.getLogger(__name__)

CHANNELS = [
    ("email", "E-mail"),
    ("wechat", "WeChat"),
    ("sms", "SMS"),
    ("call", "Staff Call"),
]
# preferred_channel of property_base -> channel
PREFERRED_TO_CHANNEL = {
    "email": "email",
    "wechat": "wechat",
    "sms": "sms",
    "phone": "call",
    "visit": "call",
}
BATCH_SIZE = 500
STALE_SENDING = timedelta(hours=1)


class PropertyChannelMessage(models.Model):
    """One message for one owner, queued for the owner's channel.

    Feature addons queue messages with ``_enqueue`` under a key naming the
    event: a second enqueue of the same (event, owner) does nothing. The cron
    picks the channel, sends in batches, retries temporary errors with
    backoff and tells the source record (``_channel_message_update``)."""

    _name = "property.channel.message"
    _description = "Owner Message"
    _order = "id desc"
    _rec_name = "subject"

    event_key = fields.Char(required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    res_model = fields.Char("Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        "Source ID", model_field="res_model", readonly=True
    )
    subject = fields.Char(required=True, readonly=True)
    body = fields.Text(required=True, readonly=True)
    sms_template_code = fields.Char("SMS Template Code", readonly=True)
    sms_template_params = fields.Json("SMS Template Parameters", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("sending", "Sending"),
            ("sent", "Sent"),
            ("delivered", "Delivered"),
            ("failed", "Failed"),
            ("cancelled", "Not Sent"),
        ],
        required=True,
        default="queued",
        readonly=True,
        index=True,
    )
    error = fields.Char(readonly=True)
    attempt_count = fields.Integer("Attempts", readonly=True)
    next_attempt_date = fields.Datetime(readonly=True, default=fields.Datetime.now)
    sent_date = fields.Datetime(readonly=True)

    _event_partner_uniq = models.Constraint(
        "UNIQUE(event_key, partner_id)",
        "An owner gets one message per event.",
    )
    _queued_due_idx = models.Index("(next_attempt_date) WHERE state = 'queued'")
    _partner_sent_idx = models.Index(
        "(partner_id, sent_date) WHERE sent_date IS NOT NULL"
    )

    # ---- queueing ------------------------------------------------------------

    @api.model
    def _enqueue(self, vals_list):
        """Queue messages; (event_key, partner_id) already queued are skipped
        by the database key. Returns the new messages."""
        ids = []
        now = fields.Datetime.now()
        for start in range(0, len(vals_list), 5000):
            rows = [
                SQL(
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb,"
                    " 'queued', 0, %s, %s, %s, %s, %s)",
                    vals["event_key"],
                    vals["partner_id"],
                    vals.get("company_id") or self.env.company.id,
                    vals.get("res_model"),
                    vals.get("res_id") or None,
                    vals["subject"],
                    vals["body"],
                    vals.get("sms_template_code"),
                    json.dumps(vals["sms_template_params"])
                    if vals.get("sms_template_params")
                    else None,
                    vals.get("next_attempt_date") or now,
                    self.env.uid,
                    now,
                    self.env.uid,
                    now,
                )
                for vals in vals_list[start : start + 5000]
            ]
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO property_channel_message
                        (event_key, partner_id, company_id, res_model, res_id,
                         subject, body, sms_template_code, sms_template_params,
                         state, attempt_count, next_attempt_date,
                         create_uid, create_date, write_uid, write_date)
                    VALUES %s
                    ON CONFLICT (event_key, partner_id) DO NOTHING
                    RETURNING id
                    """,
                    SQL(", ").join(rows),
                )
            )
            ids += [row[0] for row in self.env.cr.fetchall()]
        if ids:
            self.env.ref("property_channel.ir_cron_property_channel_send")._trigger()
        return self.browse(ids)

    # ---- actions -------------------------------------------------------------

    def action_retry(self):
        """Send failed messages again (staff fixed the number, the balance...)."""
        self.filtered(lambda m: m.state == "failed").write(
            {
                "state": "queued",
                "attempt_count": 0,
                "error": False,
                "next_attempt_date": fields.Datetime.now(),
            }
        )
        self.env.ref("property_channel.ir_cron_property_channel_send")._trigger()
        return True

    def action_open_source(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ---- channel choice --------------------------------------------------------

    @api.model
    def _channel_reachable(self, partners, channel):
        """Partners of ``partners`` who can receive on ``channel``."""
        if channel == "email":
            return partners.filtered(lambda p: p.email and not p.is_blacklisted)
        if channel == "sms":
            return partners.filtered(
                lambda p: p.phone_sanitized and not p.phone_sanitized_blacklisted
            )
        if channel == "call":
            return partners
        return partners.browse()  # WeChat: see property_channel_wechat

    @api.model
    def _channel_by_partner(self, partners):
        """{partner: channel}: the preferred channel when usable, else the
        first usable one of the fallback order (a staff call at worst)."""
        order = self.env["res.config.settings"]._property_channel_fallback_order()
        if "call" not in order:
            order.append("call")
        reachable = {
            channel: set(self._channel_reachable(partners, channel).ids)
            for channel in order
        }
        result = {}
        for partner in partners:
            preferred = PREFERRED_TO_CHANNEL.get(partner.preferred_channel)
            if preferred and partner.id in reachable.get(preferred, ()):
                result[partner] = preferred
                continue
            result[partner] = next(c for c in order if partner.id in reachable[c])
        return result

    # ---- sending ---------------------------------------------------------------

    @api.model
    def _cron_send(self):
        """Send what is due, batch by batch, committing each batch: a batch is
        marked *sending* and committed before the providers are called, so a
        crash never sends a message twice."""
        self._fail_stale_sending()
        while True:
            batch = self._claim_due_batch(BATCH_SIZE)
            if not batch:
                break
            self.env["ir.cron"]._commit_progress(0)
            batch._send()
            remaining = self.search_count(self._due_domain())
            if not self.env["ir.cron"]._commit_progress(
                len(batch), remaining=remaining
            ):
                break
        next_due = self.search(
            [("state", "=", "queued")], order="next_attempt_date", limit=1
        ).next_attempt_date
        if next_due:
            self.env.ref("property_channel.ir_cron_property_channel_send")._trigger(
                next_due
            )

    @api.model
    def _due_domain(self):
        return [
            ("state", "=", "queued"),
            ("next_attempt_date", "<=", fields.Datetime.now()),
        ]

    @api.model
    def _claim_due_batch(self, limit):
        batch = self.search(
            self._due_domain(), order="next_attempt_date, id", limit=limit
        ).try_lock_for_update()
        batch.write({"state": "sending"})
        return batch

    @api.model
    def _fail_stale_sending(self):
        """Messages left *sending* by a crash are not sent again blindly: the
        provider may have got them. Staff can retry them."""
        self.search(
            [
                ("state", "=", "sending"),
                ("write_date", "<", fields.Datetime.now() - STALE_SENDING),
            ]
        ).write(
            {
                "state": "failed",
                "error": self.env._(
                    "Interrupted while sending: check before retrying."
                ),
            }
        )

    def _send(self):
        """Send this batch of claimed messages on each owner's channel."""
        settings = self.env["res.config.settings"]
        now = fields.Datetime.now()
        opted_out = self.filtered(lambda m: m.partner_id.channel_opt_out)
        opted_out.write(
            {"state": "cancelled", "error": self.env._("The owner unsubscribed.")}
        )
        todo = self - opted_out
        # daily cap per owner: sent today + sent earlier in this batch
        cap = settings._property_int_param("property_channel.daily_cap")
        today_start = datetime.combine(now.date(), time.min)
        sent_today = dict(
            self._read_group(
                [
                    ("partner_id", "in", todo.partner_id.ids),
                    ("sent_date", ">=", today_start),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        capped = self.browse()
        for message in todo.sorted("id"):
            count = sent_today.get(message.partner_id, 0)
            if count >= cap:
                capped |= message
            else:
                sent_today[message.partner_id] = count + 1
        capped.write(
            {"state": "queued", "next_attempt_date": today_start + timedelta(days=1)}
        )
        todo -= capped
        channels = self._channel_by_partner(todo.partner_id)
        by_channel = defaultdict(lambda: self.browse())
        for message in todo:
            by_channel[channels[message.partner_id]] |= message
        rate = settings._property_int_param("property_channel.rate_per_minute")
        for channel, messages in by_channel.items():
            # per-provider rate limit: the rest waits for the next minute
            later = messages[rate:]
            later.write(
                {"state": "queued", "next_attempt_date": now + timedelta(minutes=1)}
            )
            messages = messages[:rate]
            messages.write({"channel": channel})
            getattr(messages, f"_send_{channel}")()
        self._notify_sources()

    def _mark_sent(self):
        self.write(
            {"state": "sent", "error": False, "sent_date": fields.Datetime.now()}
        )

    def _mark_error(self, error, temporary):
        """A temporary error is retried later with exponential backoff until
        the attempts of the settings are spent."""
        settings = self.env["res.config.settings"]
        max_attempts = settings._property_int_param("property_channel.max_attempts")
        delay = settings._property_int_param("property_channel.retry_minutes")
        now = fields.Datetime.now()
        for attempts, messages in self.grouped(lambda m: m.attempt_count + 1).items():
            if temporary and attempts < max_attempts:
                messages.write(
                    {
                        "state": "queued",
                        "attempt_count": attempts,
                        "error": error,
                        "next_attempt_date": now
                        + timedelta(minutes=delay * 2 ** (attempts - 1)),
                    }
                )
            else:
                messages.write(
                    {"state": "failed", "attempt_count": attempts, "error": error}
                )

    def _send_email(self):
        """Hand the e-mails to Odoo's mail queue, which sends and retries them."""
        self.env["mail.mail"].sudo().create(
            [
                {
                    "subject": message.subject,
                    "body_html": plaintext2html(message.body),
                    "recipient_ids": [(4, message.partner_id.id)],
                    "email_from": message.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "model": message.res_model,
                    "res_id": message.res_id,
                }
                for message in self
            ]
        )
        self._mark_sent()

    def _send_sms(self):
        sms_sudo = (
            self.env["sms.sms"]
            .sudo()
            .create(
                [
                    {
                        "number": message.partner_id.phone_sanitized,
                        "partner_id": message.partner_id.id,
                        "body": message.body,
                        "provider_template_code": message.sms_template_code,
                        "provider_template_params": message.sms_template_params,
                        "record_company_id": message.company_id.id,
                    }
                    for message in self
                ]
            )
        )
        self.env["sms.tracker"].sudo().create(
            [
                {"sms_uuid": sms.uuid, "channel_message_id": message.id}
                for message, sms in zip(self, sms_sudo, strict=True)
            ]
        )
        sms_sudo.send(unlink_failed=False, unlink_sent=False, raise_exception=False)
        failure_labels = dict(
            self.env["sms.sms"]._fields["failure_type"]._description_selection(self.env)
        )
        sent = self.browse()
        errors = defaultdict(lambda: self.browse())
        for message, sms in zip(self, sms_sudo, strict=True):
            if sms.state in ("pending", "sent", "process"):
                sent |= message
            else:
                reason = (
                    sms.provider_failure_reason
                    or failure_labels.get(sms.failure_type)
                    or sms.failure_type
                )
                errors[reason, sms.failure_type in TEMPORARY_FAILURE_TYPES] |= message
        sent._mark_sent()
        for (reason, temporary), messages in errors.items():
            messages._mark_error(reason, temporary=temporary)
        sms_sudo.to_delete = True

    def _send_wechat(self):
        # only chosen when property_channel_wechat says the owner is reachable
        self._mark_error(self.env._("WeChat is not set up."), temporary=False)

    def _send_call(self):
        """No channel reaches the owner: the butler calls and tells them."""
        activity_type = self.env.ref("mail.mail_activity_data_call")
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": message.partner_id.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._("Call to tell: %s", message.subject),
                    "note": plaintext2html(message.body),
                    "user_id": (message.partner_id.butler_id or message.create_uid).id,
                    "date_deadline": fields.Date.context_today(self),
                }
                for message in self
            ]
        )
        self._mark_sent()

    def _notify_sources(self):
        """Let each source record log what happened to its messages."""
        for res_model, messages in self.grouped("res_model").items():
            model = self.env.get(res_model) if res_model else None
            if model is not None and hasattr(model, "_channel_message_update"):
                model.browse(
                    messages.mapped("res_id")
                ).exists()._channel_message_update(messages)
