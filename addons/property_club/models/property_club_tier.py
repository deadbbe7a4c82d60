from odoo import api, fields, models


class PropertyClubTier(models.Model):
    """A card tier (铂金卡/金卡/银卡/蓝卡) and the rules that earn it.

    A member earns the best tier (lowest sequence) whose every set threshold
    they meet; a threshold left at zero is not required. The tier with no
    threshold at all is the entry tier.
    """

    _name = "property.club.tier"
    _description = "Club Card Tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10, help="Lower is better.")
    active = fields.Boolean(default=True)
    color = fields.Char(default="#1f6feb", help="Card colour (HTML).")
    validity_months = fields.Integer(
        default=12, required=True, help="How long a card of this tier is valid."
    )
    benefits = fields.Html(translate=True)
    min_ownership_years = fields.Integer(string="Years of Ownership")
    min_units = fields.Integer(string="Units Owned")
    min_referrals = fields.Integer(string="Referrals")
    min_events = fields.Integer(string="Club Events Attended")
    card_count = fields.Integer(compute="_compute_card_count")

    _code_uniq = models.Constraint("unique(code)", "A tier code must be unique.")
    _validity_positive = models.Constraint(
        "CHECK(validity_months > 0)", "A tier must be valid for at least one month."
    )

    def _compute_card_count(self):
        counts = dict(
            self.env["property.club.card"]._read_group(
                [("tier_id", "in", self.ids), ("state", "=", "active")],
                ["tier_id"],
                ["__count"],
            )
        )
        for tier in self:
            tier.card_count = counts.get(tier, 0)

    def _qualifies(self, metrics):
        """True when ``metrics`` (a dict of the member's figures) meet the rules."""
        self.ensure_one()
        return (
            metrics["ownership_years"] >= self.min_ownership_years
            and metrics["units"] >= self.min_units
            and metrics["referrals"] >= self.min_referrals
            and metrics["events"] >= self.min_events
        )

    @api.model
    def _best_for(self, metrics, tiers):
        """The best of ``tiers`` (sorted by sequence) that ``metrics`` earn."""
        return next((tier for tier in tiers if tier._qualifies(metrics)), tiers[-1:])
