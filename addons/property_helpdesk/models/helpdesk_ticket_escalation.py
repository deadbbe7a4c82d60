from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL

CRON_XMLID = "property_helpdesk.ir_cron_ticket_escalation"


class HelpdeskTicket(models.Model):
    """The escalation cron: woken at the next stored check, batched.

    Every ticket stores when the cron must next look at it (``next_check_at``);
    storing it wakes the cron then (``ir.cron._trigger``) instead of polling.
    A run flags breaches, warns and escalates what is due with batched writes,
    chatter notes, mails and activities, and sends each person told one digest.
    """

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _compute_next_check_at(self):
        res = super()._compute_next_check_at()
        self._property_wake_escalation(
            [at for at in self.mapped("next_check_at") if at]
        )
        return res

    @api.model
    def _property_wake_escalation(self, moments):
        """Trigger the escalation cron at the earliest of ``moments`` unless
        it is already due to run by then (one indexed query)."""
        if not moments:
            return
        cron = self.env.ref(CRON_XMLID, raise_if_not_found=False)
        if not cron:
            return
        at = min(moments)
        self.env.cr.execute(
            SQL(
                "SELECT 1 FROM ir_cron_trigger WHERE cron_id = %s AND call_at <= %s "
                "LIMIT 1",
                cron.id,
                at,
            )
        )
        if not self.env.cr.rowcount:
            cron._trigger(at)

    # ---- one run ----------------------------------------------------------

    def _escalation_events(self, now, levels):
        """Return ``(vals, recipients, events)`` of this ticket at ``now``:
        events are language-free tuples rendered by ``_escalation_text``."""
        self.ensure_one()
        vals, events = {}, []
        open_codes = self._open_milestones()
        for code in open_codes:
            deadline = self[f"{code}_deadline"]
            if deadline <= now and not self[f"{code}_breached"]:
                vals[f"{code}_breached"] = True
                events.append(("breach", code, deadline))
        recipients = self.env["res.users"]
        if not open_codes:
            return vals, recipients, events
        code = open_codes[0]
        policy = self.sla_policy_id
        deadline = self[f"{code}_deadline"]
        level = self.escalation_level if self.escalation_milestone == code else 0
        if (
            policy.warn_minutes
            and not level
            and self.warned_milestone != code
            and now < deadline
            and deadline - timedelta(minutes=policy.warn_minutes) > self.reported_date
        ):
            recipients = self._escalation_recipients(1)
            events.append(("warn", code, deadline))
            vals["warned_milestone"] = code
        step = timedelta(minutes=policy.escalation_step_minutes)
        new_level = level
        while new_level < levels and now >= deadline + step * new_level:
            new_level += 1
            recipients = self._escalation_recipients(new_level)
            events.append(("escalate", code, new_level, recipients))
        if new_level != level:
            vals.update({"escalation_milestone": code, "escalation_level": new_level})
        return vals, recipients, events

    @api.model
    def _escalation_text(self, event):
        """One line of chatter or digest for ``event``, in the context's language."""
        labels = self._milestone_labels()
        kind, code = event[0], event[1]
        if kind == "breach":
            return self.env._(
                "Deadline missed: %(milestone)s was due %(deadline)s.",
                milestone=labels[code],
                deadline=fields.Datetime.to_string(event[2]),
            )
        if kind == "warn":
            return self.env._(
                "Warning: %(milestone)s due %(deadline)s.",
                milestone=labels[code],
                deadline=fields.Datetime.to_string(event[2]),
            )
        return self.env._(
            "Escalated to level %(level)s (%(who)s): %(milestone)s overdue.",
            level=event[2],
            who=", ".join(event[3].mapped("name")) or "-",
            milestone=labels[code],
        )

    def _milestone_labels(self):
        """The milestones as a sentence names them, in the context's language."""
        return {
            "ack": self.env._("acknowledgement"),
            "dispatch": self.env._("dispatch"),
            "onsite": self.env._("arrival on site"),
            "resolve": self.env._("resolution"),
        }

    def _process_sla(self, now):
        """Flag breaches, warn and escalate what is due for ``self`` at ``now``.

        Batched: one write per group of tickets getting the same values, one
        batch of chatter notes per group of recipients, the apologies rendered
        and queued in one go, and one digest per person told.
        """
        if not self:
            return
        levels = self._escalation_levels()
        writes = defaultdict(list)
        notes = defaultdict(dict)  # (recipients, company) -> {ticket id: events}
        digests = defaultdict(list)  # user -> [(ticket, events)]
        apologise = self.browse()
        for ticket in self:
            vals, recipients, events = ticket._escalation_events(now, levels)
            if vals.get("resolve_breached") and not ticket.goodwill_done:
                apologise |= ticket
            if events:
                notes[recipients, ticket.company_id][ticket.id] = events
                for user in recipients:
                    digests[user].append((ticket, events))
            writes[tuple(sorted(vals.items()))].append(ticket.id)
        if apologise and (
            apology_sudo := self.env["res.config.settings"]
            ._property_param("property_helpdesk.goodwill_template_id")
            .sudo()
        ):
            apologise._goodwill_gestures(apology_sudo)
            writes = self._property_mark_goodwill(writes, apologise)
        for (recipients, company), events_by_ticket in notes.items():
            # the note is read by the company's staff: in its language
            self_lang = self.with_context(lang=company.partner_id.lang)
            self.browse(list(events_by_ticket))._message_log_batch(
                bodies={
                    ticket_id: Markup("<br/>").join(
                        self_lang._escalation_text(event) for event in events
                    )
                    for ticket_id, events in events_by_ticket.items()
                },
                partner_ids=recipients.partner_id.ids,
            )
        for vals, ids in writes.items():
            if vals:
                self.browse(ids).write(dict(vals))
        self._send_escalation_digests(digests)

    @api.model
    def _property_mark_goodwill(self, writes, tickets):
        """``writes`` with ``goodwill_done`` added to the values of ``tickets``."""
        done = set(tickets.ids)
        marked = defaultdict(list)
        for vals, ids in writes.items():
            for ticket_id in ids:
                key = vals + (("goodwill_done", True),) if ticket_id in done else vals
                marked[tuple(sorted(key))].append(ticket_id)
        return marked

    @api.model
    def _send_escalation_digests(self, digests):
        """One message per person told, in their language, listing their tickets."""
        for user, items in digests.items():
            env = self.with_context(lang=user.lang).env
            rows = Markup("").join(
                Markup('<li><a href="/odoo/helpdesk.ticket/%s">%s</a>: %s</li>')
                % (
                    ticket.id,
                    ticket.display_name,
                    Markup(" ").join(
                        env["helpdesk.ticket"]._escalation_text(event)
                        for event in events
                    ),
                )
                for ticket, events in items
            )
            env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=env._("Deadlines: %s ticket(s) need you", len(items)),
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (escape(env._("These tickets need you:")), rows),
                subtype_xmlid="mail.mt_note",
            )

    def _goodwill_gestures(self, template):
        """Apologise to the owners of ``self`` for a missed resolution deadline
        (the template rendered for all at once, mails queued in one batch) and
        ask each grid butler to follow up with one activity per ticket."""
        rendered = template._generate_template(
            self.ids, ("subject", "body_html", "email_from", "partner_to")
        )
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        author = self.env.user.partner_id
        reply_to = self._notify_get_reply_to(default=author.email_formatted)
        mails = []
        for ticket in self:
            values = rendered[ticket.id]
            partners = values.get("partner_ids") or []
            mails.append(
                {
                    "model": self._name,
                    "res_id": ticket.id,
                    "record_name": ticket.display_name,
                    "message_type": "comment",
                    "subtype_id": comment,
                    "is_internal": False,
                    "author_id": author.id,
                    "email_from": values.get("email_from") or author.email_formatted,
                    "reply_to": reply_to[ticket.id],
                    "subject": values.get("subject"),
                    "body": values.get("body_html"),
                    "body_html": values.get("body_html"),
                    "partner_ids": [fields.Command.set(partners)],
                    "recipient_ids": [fields.Command.set(partners)],
                    "auto_delete": template.auto_delete,
                }
            )
        self.env["mail.mail"].sudo().create(mails)
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        activities = []
        for ticket in self:
            butler = ticket.building_id.butler_id or ticket.user_id
            if not butler:
                continue
            env = ticket.with_context(lang=butler.lang).env
            activities.append(
                {
                    "res_model_id": model,
                    "res_id": ticket.id,
                    "activity_type_id": todo.id,
                    "user_id": butler.id,
                    "summary": env._("Goodwill gesture: resolution deadline missed"),
                    "note": env._(
                        "Call the owner, apologise and agree on a gesture of goodwill."
                    ),
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        # the butler hears of it in the escalation digest, not per activity
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            activities
        )

    # ---- the cron ---------------------------------------------------------

    @api.model
    def _cron_escalate(self, batch_size=500):
        """Act on the tickets whose next check is due: one indexed query a
        batch; then sleep until the next stored check.

        Idempotent: every action stores what it did (breach flags, warned
        milestone, escalation level), so a rerun finds nothing left to do.
        """
        now = fields.Datetime.now()
        cron = self.env["ir.cron"]
        seen = set()
        while tickets := self._escalate_due(now, batch_size):
            if seen & set(tickets.ids):
                break  # a ticket still due after processing: never loop on it
            seen.update(tickets.ids)
            if not cron._commit_progress(len(tickets)):
                break
        self.env.cr.execute(
            SQL(
                "SELECT min(next_check_at) FROM helpdesk_ticket "
                "WHERE next_check_at > %s AND active",
                now,
            )
        )
        self._property_wake_escalation([at for (at,) in self.env.cr.fetchall() if at])

    @api.model
    def _escalate_due(self, now, limit):
        """Process one batch of the tickets due at ``now``; return them.

        The due tickets are read with one query on the partial index, as
        the cron user (superuser: no record rules apply).
        """
        self.flush_model(["next_check_at", "active"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM helpdesk_ticket "
                "WHERE next_check_at <= %s AND active "
                "ORDER BY next_check_at LIMIT %s",
                now,
                limit,
            )
        )
        tickets = self.browse([row[0] for row in self.env.cr.fetchall()])
        tickets._process_sla(now)
        return tickets
