from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    club_state = fields.Selection(
        [("member", "Member"), ("suspended", "Suspended"), ("left", "Left")],
        string="Club Membership",
        tracking=True,
        copy=False,
    )
    club_join_date = fields.Date(string="Joined the Club", copy=False)
    club_card_ids = fields.One2many("property.club.card", "partner_id")
    club_tier_id = fields.Many2one(
        "property.club.tier",
        compute="_compute_club_tier_id",
        store=True,
        index=True,
    )
    referred_by_id = fields.Many2one(
        "res.partner",
        index=True,
        help="The owner who introduced this buyer (老带新).",
    )
    referral_ids = fields.One2many("res.partner", "referred_by_id", string="Referrals")

    @api.depends("club_card_ids.state", "club_card_ids.tier_id")
    def _compute_club_tier_id(self):
        for partner in self:
            active = partner.club_card_ids.filtered(lambda c: c.state == "active")
            partner.club_tier_id = active.sorted(lambda c: c.tier_id.sequence)[
                :1
            ].tier_id

    def action_join_club(self):
        """Issue and activate a card of the tier each partner earns today."""
        tiers = self.env["property.club.tier"].search([])
        metrics = self._club_metrics()
        cards = self.env["property.club.card"].create(
            [
                {
                    "partner_id": partner.id,
                    "tier_id": tiers._best_for(metrics[partner.id], tiers).id,
                }
                for partner in self
            ]
        )
        cards.action_activate()
        return cards

    @api.model
    def _club_event_window(self):
        months = self.env["res.config.settings"]._club_setting(
            "property_club_event_window_months"
        )
        return fields.Date.context_today(self) - relativedelta(months=months)

    def _club_metrics(self):
        """Tiering figures of ``self`` with four grouped queries.

        Returns ``{partner_id: {"ownership_years", "units", "referrals",
        "events"}}``.
        """
        today = fields.Date.context_today(self)
        owner_roles = ("owner", "co_owner")
        Residency = self.env["property.residency"].sudo()
        first_owned = dict(
            Residency._read_group(
                [("partner_id", "in", self.ids), ("role", "in", owner_roles)],
                ["partner_id"],
                ["date_start:min"],
            )
        )
        units = dict(
            Residency._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("role", "in", owner_roles),
                    ("is_current", "=", True),
                ],
                ["partner_id"],
                ["unit_id:count_distinct"],
            )
        )
        referrals = dict(
            self.sudo()._read_group(
                [
                    ("referred_by_id", "in", self.ids),
                    ("customer_stage", "in", ("signed", "owner")),
                ],
                ["referred_by_id"],
                ["__count"],
            )
        )
        events = dict(
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("event_id.is_club_activity", "=", True),
                    ("event_id.date_begin", ">=", self._club_event_window()),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        result = defaultdict(dict)
        for partner in self:
            since = first_owned.get(partner)
            result[partner.id] = {
                "ownership_years": relativedelta(today, since).years if since else 0,
                "units": units.get(partner, 0),
                "referrals": referrals.get(partner, 0),
                "events": events.get(partner, 0),
            }
        return result

    def _property_health_signals(self):
        signals = super()._property_health_signals()
        members = self.filtered(lambda p: p.club_state == "member")
        if not members:
            return signals
        setting = self.env["res.config.settings"]._club_setting
        per_event = setting("property_club_health_points_event")
        max_events = setting("property_club_health_points_event_max")
        inactive = setting("property_club_health_points_inactive")
        metrics = members._club_metrics()
        for partner in members:
            events = metrics[partner.id]["events"]
            if events:
                signals[partner.id].append(
                    (
                        "club_events",
                        self.env._("%s club activities attended", events),
                        min(per_event * events, max_events),
                    )
                )
            else:
                signals[partner.id].append(
                    (
                        "club_inactive",
                        self.env._("Club member with no activity attended"),
                        inactive,
                    )
                )
        return signals
