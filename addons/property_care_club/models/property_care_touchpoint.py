from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyCareTouchpoint(models.Model):
    """The high-value invitation offers the next club tier and takes referrals."""

    _inherit = "property.care.touchpoint"

    club_tier_id = fields.Many2one(related="partner_id.club_tier_id")
    offered_tier_id = fields.Many2one(
        "property.club.tier",
        compute="_compute_offered_tier_id",
        help="The next better tier than the customer's current one (a first "
        "card of the entry tier for a customer who is not a member yet).",
    )
    offer_accepted_date = fields.Date(readonly=True, copy=False)
    referral_partner_id = fields.Many2one(
        "res.partner",
        string="Referred Buyer",
        copy=False,
        help="A buyer this owner introduced (老带新); recorded on the buyer as "
        "'referred by' and counted by the club's tiering rules.",
    )

    @api.depends("kind", "partner_id.club_tier_id")
    def _compute_offered_tier_id(self):
        tiers = self.env["property.club.tier"].search([], order="sequence desc")
        for touchpoint in self:
            current = touchpoint.partner_id.club_tier_id
            if touchpoint.kind != "high_value":
                touchpoint.offered_tier_id = False
            elif not current:
                touchpoint.offered_tier_id = tiers[:1]
            else:
                better = tiers.filtered(lambda t, c=current: t.sequence < c.sequence)
                touchpoint.offered_tier_id = better[:1]

    def action_accept_tier_offer(self):
        """The customer accepted: their card moves to the offered tier, once."""
        for touchpoint in self:
            if touchpoint.offer_accepted_date:
                raise UserError(
                    self.env._("The offer of %s was already accepted.", touchpoint.name)
                )
            tier = touchpoint.offered_tier_id
            if not tier:
                raise UserError(
                    self.env._(
                        "%s already holds the best tier.",
                        touchpoint.partner_id.display_name,
                    )
                )
            partner = touchpoint.partner_id
            card = partner.club_card_ids.filtered(lambda c: c.state == "active")[:1]
            if not card:
                card = partner.action_join_club()[:1]
            card.with_context(
                club_tier_reason=self.env._(
                    "Upgrade offered by care touchpoint %s", touchpoint.display_name
                )
            ).write({"tier_id": tier.id})
            touchpoint.offer_accepted_date = fields.Date.context_today(self)
            touchpoint.message_post(
                body=self.env._(
                    "%(partner)s accepted the %(tier)s card.",
                    partner=partner.display_name,
                    tier=tier.display_name,
                )
            )
        return True

    def action_record_referral(self):
        """Record the referred buyer as introduced by this customer."""
        for touchpoint in self:
            buyer = touchpoint.referral_partner_id
            if not buyer:
                raise UserError(self.env._("Choose the buyer who was referred."))
            if buyer == touchpoint.partner_id:
                raise UserError(self.env._("A customer cannot refer themselves."))
            if buyer.referred_by_id and buyer.referred_by_id != touchpoint.partner_id:
                raise UserError(
                    self.env._(
                        "%(buyer)s was already referred by %(other)s.",
                        buyer=buyer.display_name,
                        other=buyer.referred_by_id.display_name,
                    )
                )
            buyer.referred_by_id = touchpoint.partner_id
        return True
