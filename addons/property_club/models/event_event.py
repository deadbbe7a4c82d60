from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    is_club_activity = fields.Boolean(
        string="Owner Club Activity",
        index=True,
        help="Family days, seniors' classes, owner forums, site open days: "
        "attendance counts for tiering and owner health.",
    )
    club_tier_ids = fields.Many2many(
        "property.club.tier",
        string="Reserved to Tiers",
        help="Leave empty to open the activity to every club member.",
    )
