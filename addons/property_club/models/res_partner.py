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
    club_state_reason = fields.Char(
        string="Membership Note",
        copy=False,
        tracking=True,
        help="Why the membership was suspended or ended.",
    )
    club_card_ids = fields.One2many("property.club.card", "partner_id")
    club_card_count = fields.Integer(compute="_compute_club_counts")
    club_registration_count = fields.Integer(compute="_compute_club_counts")
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

    def _compute_club_counts(self):
        cards = dict(
            self.env["property.club.card"]
            .sudo()
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        registrations = dict(
            self.env["event.registration"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("event_id.is_club_activity", "=", True),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.club_card_count = cards.get(partner, 0)
            partner.club_registration_count = registrations.get(partner, 0)

    def action_view_club_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_club.property_club_card_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_club_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_club.event_registration_action_club"
        )
        action["domain"] = [
            ("partner_id", "=", self.id),
            ("event_id.is_club_activity", "=", True),
        ]
        return action

    def action_club_membership(self):
        """Open the wizard that suspends or ends the membership with a reason."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Club Membership"),
            "res_model": "property.club.membership.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def _club_suspend(self, reason):
        """Suspend the membership: the member's active cards are suspended."""
        self.write({"club_state": "suspended", "club_state_reason": reason})
        cards = self.club_card_ids.filtered(lambda c: c.state == "active")
        cards.action_suspend()
        for card in cards:
            card.message_post(
                body=self.env._("Suspended with the membership: %s", reason)
            )

    def _club_leave(self, reason):
        """End the membership: every card still usable is cancelled."""
        self.write({"club_state": "left", "club_state_reason": reason})
        cards = self.club_card_ids.filtered(lambda c: c.state != "cancelled")
        cards.action_cancel(reason=self.env._("Left the owner club: %s", reason))

    def action_club_reinstate(self):
        """A suspended member is a member again; their suspended cards work."""
        suspended = self.filtered(lambda p: p.club_state == "suspended")
        suspended.write({"club_state": "member", "club_state_reason": False})
        suspended.club_card_ids.filtered(
            lambda c: c.state == "suspended"
        ).action_activate()

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
        months = self.env["res.config.settings"]._property_param(
            "property_club.event_window_months"
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
        setting = self.env["res.config.settings"]._property_param
        per_event = setting("property_club.health_points_event")
        max_events = setting("property_club.health_points_event_max")
        inactive = setting("property_club.health_points_inactive")
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
