import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import card_number

CARD_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("expired", "Expired"),
    ("cancelled", "Cancelled"),
]


class PropertyClubCard(models.Model):
    """An owner-club card: a random number with a check digit, a tier, a life."""

    _name = "property.club.card"
    _description = "Owner Club Card"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Card Number",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: card_number.generate(),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    tier_id = fields.Many2one(
        "property.club.tier", required=True, tracking=True, index=True
    )
    color = fields.Char(related="tier_id.color")
    state = fields.Selection(
        CARD_STATES, default="draft", required=True, tracking=True, index=True
    )
    issue_date = fields.Date(readonly=True, copy=False)
    expiry_date = fields.Date(tracking=True, copy=False, index=True)
    tier_history_ids = fields.One2many("property.club.tier.history", "card_id")
    cancel_reason = fields.Char(
        readonly=True, copy=False, tracking=True, help="Why the card was cancelled."
    )
    qr_code = fields.Binary(
        string="QR Code",
        compute="_compute_qr_code",
        help="The code alliance merchants scan: it holds the card number.",
    )

    _number_uniq = models.Constraint("unique(name)", "A card number must be unique.")
    _live_card_uniq = models.UniqueIndex(
        "(partner_id, tier_id) WHERE state IN ('draft', 'active', 'suspended')",
        "A member holds one card per tier.",
    )

    @api.depends("name")
    def _compute_display_name(self):
        for card in self:
            number = card.name or ""
            card.display_name = " ".join(
                number[i : i + 4] for i in range(0, len(number), 4)
            )

    @api.depends("name")
    def _compute_qr_code(self):
        Report = self.env["ir.actions.report"]
        for card in self:
            card.qr_code = (
                base64.b64encode(Report.barcode("QR", card.name, width=240, height=240))
                if card.name
                else False
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for card in self:
            card.access_url = f"/my/club/card/{card.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        cards = super().create(vals_list)
        cards._record_tier_change(
            {card.id: self.env._("Card issued") for card in cards}, initial=True
        )
        return cards

    def write(self, vals):
        if "tier_id" in vals and not self.env.context.get("club_tier_reason_logged"):
            new_tier = self.env["property.club.tier"].browse(vals["tier_id"])
            changed = self.filtered(lambda c: c.tier_id != new_tier)
            reason = self.env.context.get("club_tier_reason") or self.env._(
                "Changed by %s", self.env.user.name
            )
            old = {card.id: card.tier_id for card in changed}
            result = super().write(vals)
            changed._record_tier_change(
                {card.id: reason for card in changed}, old_tiers=old
            )
            return result
        return super().write(vals)

    def _record_tier_change(self, reasons, old_tiers=None, initial=False):
        self.env["property.club.tier.history"].sudo().create(
            [
                {
                    "card_id": card.id,
                    "old_tier_id": False if initial else old_tiers[card.id].id,
                    "new_tier_id": card.tier_id.id,
                    "reason": reasons[card.id],
                }
                for card in self
            ]
        )

    def action_activate(self):
        for card in self:
            if card.state not in ("draft", "suspended", "expired"):
                raise UserError(
                    self.env._("Card %s cannot be activated.", card.display_name)
                )
        today = fields.Date.context_today(self)
        for card in self:
            vals = {"state": "active"}
            if card.state != "suspended":
                vals |= {
                    "issue_date": today,
                    "expiry_date": today
                    + relativedelta(months=card.tier_id.validity_months),
                }
            card.write(vals)
        self.partner_id.filtered(lambda p: p.club_state in (False, "left")).write(
            {
                "club_state": "member",
                "club_join_date": today,
                "club_state_reason": False,
            }
        )

    def action_suspend(self):
        if self.filtered(lambda c: c.state != "active"):
            raise UserError(self.env._("Only active cards can be suspended."))
        self.write({"state": "suspended"})

    def action_cancel(self, reason=None):
        self.write({"state": "cancelled", "cancel_reason": reason or False})

    def action_print_card(self):
        return self.env.ref("property_club.action_report_club_card").report_action(self)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Club card %s", self.display_name)

    # ---- verification ---------------------------------------------------

    @api.model
    def _verify_number(self, number, company=None):
        """Check a typed or scanned number.

        Returns ``(status, card)``: status is one of ``malformed``,
        ``unknown``, ``draft``, ``suspended``, ``cancelled``, ``expired``,
        ``valid``; ``card`` is the (sudo) card or an empty recordset. Only a
        well-formed number reaches the database, so random guesses are
        rejected for free. A card of another company than ``company`` (the
        current one by default) is unknown here.
        """
        cards = self.sudo().browse()
        if not card_number.is_well_formed(number):
            return "malformed", cards
        company = company or self.env.company
        cards = self.sudo().search(
            [
                ("name", "=", card_number.normalize(number)),
                ("company_id", "=", company.id),
            ],
            limit=1,
        )
        if not cards:
            return "unknown", cards
        today = fields.Date.context_today(self)
        if cards.state == "active" and cards.expiry_date and cards.expiry_date < today:
            return "expired", cards
        if cards.state == "active":
            return "valid", cards
        return cards.state, cards

    def _masked_holder_name(self):
        """The holder's family name followed by stars, e.g. 王**."""
        self.ensure_one()
        name = (self.sudo().partner_id.name or "").strip()
        return name[:1] + "*" * max(len(name) - 1, 2)

    # ---- crons ----------------------------------------------------------

    @api.model
    def _cron_expire_cards(self, batch_size=1000):
        """Mark active cards past their expiry date as expired (idempotent)."""
        domain = Domain("state", "=", "active") & Domain(
            "expiry_date", "<", fields.Date.context_today(self)
        )
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count(domain))
        while cards := self.search(domain, limit=batch_size, order="id"):
            cards.with_context(tracking_disable=True).write({"state": "expired"})
            if not cron._commit_progress(len(cards)):
                break

    @api.model
    def _cron_retier(self, batch_size=20000):
        """Give every active card the tier its holder earns today.

        Set-based, by batches of cards in id order (committed one by one):
        one statement computes each holder's figures and target tier and
        returns only the cards whose tier changes; those are written with
        one UPDATE and their tier history with one INSERT, each change with
        the figures that justify it. A card already in the right tier is
        left alone, so a second run changes nothing.
        """
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count([("state", "=", "active")]))
        last_id = 0
        while True:
            batch = self._retier_batch(last_id, batch_size)
            if not batch["count"]:
                break
            if batch["card_ids"]:
                self._retier_write(batch)
            last_id = batch["last_id"]
            if not cron._commit_progress(batch["count"]) or batch["count"] < batch_size:
                break

    @api.model
    def _retier_batch(self, last_id, limit):
        """The next ``limit`` active cards after ``last_id``: how many, the
        last id, and aligned lists of the cards whose tier changes (old and
        new tier, the holder's figures). One statement.

        A holder's figures are those of ``res.partner._club_metrics`` (an
        attended activity archived since still counts, as there); the
        target tier is the best active tier (sequence, id) whose every set
        threshold the figures meet, else the last one. A card is not moved
        into a tier in which its holder already has another live card.
        """
        today = fields.Date.context_today(self)
        query = SQL(
            """
            WITH batch AS (
                SELECT id, partner_id, tier_id FROM property_club_card
                 WHERE state = 'active' AND id > %(last_id)s
                 ORDER BY id LIMIT %(limit)s
            ), holders AS (
                SELECT DISTINCT partner_id FROM batch
            ), owned AS (
                SELECT r.partner_id, min(r.date_start) AS since,
                       count(DISTINCT r.unit_id) FILTER (
                           WHERE r.date_start <= %(today)s
                             AND (r.date_end IS NULL OR r.date_end >= %(today)s)
                       ) AS units
                  FROM property_residency r
                  JOIN holders h ON h.partner_id = r.partner_id
                 WHERE r.role IN ('owner', 'co_owner')
                 GROUP BY r.partner_id
            ), referred AS (
                SELECT p.referred_by_id AS partner_id, count(*) AS referrals
                  FROM res_partner p
                  JOIN holders h ON h.partner_id = p.referred_by_id
                 WHERE p.active AND p.customer_stage IN ('signed', 'owner')
                 GROUP BY p.referred_by_id
            ), attended AS (
                SELECT g.partner_id, count(*) AS events
                  FROM event_registration g
                  JOIN holders h ON h.partner_id = g.partner_id
                  JOIN event_event e ON e.id = g.event_id
                 WHERE g.active AND g.state = 'done'
                   AND e.is_club_activity AND e.date_begin >= %(window)s
                 GROUP BY g.partner_id
            ), metrics AS (
                SELECT h.partner_id,
                       COALESCE(extract(YEAR FROM age(%(today)s, o.since))::int, 0)
                           AS years,
                       COALESCE(o.units, 0) AS units,
                       COALESCE(f.referrals, 0) AS referrals,
                       COALESCE(a.events, 0) AS events
                  FROM holders h
                  LEFT JOIN owned o ON o.partner_id = h.partner_id
                  LEFT JOIN referred f ON f.partner_id = h.partner_id
                  LEFT JOIN attended a ON a.partner_id = h.partner_id
            ), target AS (
                SELECT m.*, COALESCE(
                           (SELECT t.id FROM property_club_tier t
                             WHERE t.active
                               AND m.years >= COALESCE(t.min_ownership_years, 0)
                               AND m.units >= COALESCE(t.min_units, 0)
                               AND m.referrals >= COALESCE(t.min_referrals, 0)
                               AND m.events >= COALESCE(t.min_events, 0)
                             ORDER BY t.sequence, t.id LIMIT 1),
                           (SELECT t.id FROM property_club_tier t WHERE t.active
                             ORDER BY t.sequence DESC, t.id DESC LIMIT 1)
                       ) AS tier_id
                  FROM metrics m
            ), moves AS (
                SELECT b.id, b.tier_id AS old_tier_id, t.tier_id AS new_tier_id,
                       t.years, t.units, t.referrals, t.events,
                       row_number() OVER (
                           PARTITION BY b.partner_id, t.tier_id ORDER BY b.id
                       ) AS n
                  FROM batch b
                  JOIN target t ON t.partner_id = b.partner_id
                 WHERE t.tier_id IS DISTINCT FROM b.tier_id
                   AND NOT EXISTS (
                       SELECT 1 FROM property_club_card o
                        WHERE o.partner_id = b.partner_id
                          AND o.tier_id = t.tier_id
                          AND o.state IN ('draft', 'active', 'suspended'))
            )
            SELECT (SELECT count(*) FROM batch), (SELECT max(id) FROM batch),
                   array_agg(id ORDER BY id), array_agg(old_tier_id ORDER BY id),
                   array_agg(new_tier_id ORDER BY id), array_agg(years ORDER BY id),
                   array_agg(units ORDER BY id), array_agg(referrals ORDER BY id),
                   array_agg(events ORDER BY id)
              FROM moves WHERE n = 1 AND new_tier_id IS NOT NULL
            """,
            last_id=last_id,
            limit=limit,
            today=today,
            window=self.env["res.partner"]._club_event_window(),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        count, last, ids, old, new, years, units, referrals, events = (
            self.env.cr.fetchone()
        )
        return {
            "count": count,
            "last_id": last,
            "card_ids": ids or [],
            "old_tier_ids": old or [],
            "new_tier_ids": new or [],
            "metrics": [
                {
                    "ownership_years": y,
                    "units": u,
                    "referrals": r,
                    "events": e,
                }
                for y, u, r, e in zip(
                    years or [], units or [], referrals or [], events or [], strict=True
                )
            ],
        }

    @api.model
    def _retier_write(self, batch):
        """Move the cards of ``batch`` (see ``_retier_batch``) with one
        UPDATE and record each change and its reason with one INSERT; the
        holders' stored tier follows through the ORM."""
        tiers = self.env["property.club.tier"].browse(
            set(batch["old_tier_ids"]) | set(batch["new_tier_ids"])
        )
        tier_by_id = {tier.id: tier for tier in tiers}
        reasons = [
            self._retier_reason(tier_by_id[old], tier_by_id[new], metrics)
            for old, new, metrics in zip(
                batch["old_tier_ids"],
                batch["new_tier_ids"],
                batch["metrics"],
                strict=True,
            )
        ]
        now = fields.Datetime.now()
        uid = self.env.uid
        self.env.cr.execute(
            SQL(
                """
                UPDATE property_club_card c
                   SET tier_id = v.tier_id, write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(ids)s::int[], %(tiers)s::int[]) AS v(id, tier_id)
                 WHERE c.id = v.id
                """,
                ids=batch["card_ids"],
                tiers=batch["new_tier_ids"],
                uid=uid,
                now=now,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_club_tier_history
                    (card_id, partner_id, company_id, date, old_tier_id,
                     new_tier_id, reason, user_id,
                     create_uid, create_date, write_uid, write_date)
                SELECT c.id, c.partner_id, c.company_id, %(now)s, v.old_tier_id,
                       c.tier_id, v.reason, %(uid)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(ids)s::int[], %(old)s::int[], %(reasons)s::text[])
                       AS v(id, old_tier_id, reason)
                  JOIN property_club_card c ON c.id = v.id
                """,
                ids=batch["card_ids"],
                old=batch["old_tier_ids"],
                reasons=reasons,
                uid=uid,
                now=now,
            )
        )
        cards = self.browse(batch["card_ids"])
        cards.invalidate_recordset(["tier_id", "write_uid", "write_date"])
        cards.modified(["tier_id"])
        self.env["property.club.tier.history"].invalidate_model()
        cards.invalidate_recordset(["tier_history_ids"])
        self.env.flush_all()

    def _retier_reason(self, old_tier, new_tier, metrics):
        """Why the card changed tier, in the language of its company's staff."""
        company = self.company_id or self.env.company
        env = self.with_context(lang=company.partner_id.lang).env
        return env._(
            "Re-tiering: %(years)s years of ownership, %(units)s units, "
            "%(referrals)s referrals, %(events)s club events attended: "
            "%(old)s → %(new)s",
            years=metrics["ownership_years"],
            units=metrics["units"],
            referrals=metrics["referrals"],
            events=metrics["events"],
            old=old_tier.with_env(env).name,
            new=new_tier.with_env(env).name,
        )
