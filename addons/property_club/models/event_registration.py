from odoo import api, models
from odoo.exceptions import ValidationError


class EventRegistration(models.Model):
    _inherit = "event.registration"

    @api.constrains("event_id", "partner_id")
    def _check_club_tier(self):
        for registration in self:
            tiers = registration.event_id.club_tier_ids
            if not tiers:
                continue
            tier = registration.partner_id.club_tier_id
            if tier not in tiers:
                raise ValidationError(
                    self.env._(
                        "%(event)s is reserved to %(tiers)s card holders; "
                        "%(partner)s holds %(tier)s.",
                        event=registration.event_id.name,
                        tiers=", ".join(tiers.mapped("name")),
                        partner=registration.partner_id.name
                        or self.env._("an anonymous attendee"),
                        tier=tier.name or self.env._("no active card"),
                    )
                )
