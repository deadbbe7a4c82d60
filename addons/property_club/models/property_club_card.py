import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

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
    def _cron_retier(self, batch_size=1000):
        """Give every active card the tier its holder earns today.

        Batched by card id; a card already in the right tier is left alone,
        so a second run changes nothing. Each change is recorded with the
        figures that justify it.
        """
        tiers = self.env["property.club.tier"].search([])
        if not tiers:
            return
        domain = Domain("state", "=", "active")
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count(domain))
        last_id = 0
        while cards := self.search(
            domain & Domain("id", ">", last_id), limit=batch_size, order="id"
        ):
            cards._retier(tiers)
            last_id = cards[-1].id
            if not cron._commit_progress(len(cards)):
                break

    def _retier(self, tiers):
        metrics = self.partner_id._club_metrics()
        by_tier = {}
        for card in self:
            partner_metrics = metrics[card.partner_id.id]
            tier = tiers._best_for(partner_metrics, tiers)
            if tier and tier != card.tier_id:
                by_tier.setdefault(tier, []).append((card, partner_metrics))
        for tier, changes in by_tier.items():
            cards = self.browse([card.id for card, _m in changes])
            old = {card.id: card.tier_id for card in cards}
            # the tier history records each change and its reason: no chatter
            # tracking message per card on a run over every member
            cards.with_context(
                club_tier_reason_logged=True, tracking_disable=True
            ).write({"tier_id": tier.id})
            cards._record_tier_change(
                {
                    card.id: card._retier_reason(old[card.id], tier, partner_metrics)
                    for card, partner_metrics in changes
                },
                old_tiers=old,
            )

    def _retier_reason(self, old_tier, new_tier, metrics):
        """Why the card changed tier, in the language of its company's staff."""
        env = self.with_context(lang=self.company_id.partner_id.lang).env
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
