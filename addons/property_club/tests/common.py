from odoo.addons.property_base.tests.common import PropertyBaseCommon


class ClubCommon(PropertyBaseCommon):
    """Base fixtures plus the shipped tiers and an active Silver card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.platinum = cls.env.ref("property_club.tier_platinum")
        cls.gold = cls.env.ref("property_club.tier_gold")
        cls.silver = cls.env.ref("property_club.tier_silver")
        cls.blue = cls.env.ref("property_club.tier_blue")
        cls.card_a = cls.env["property.club.card"].create(
            {"partner_id": cls.owner_a.id, "tier_id": cls.silver.id}
        )
        cls.card_a.action_activate()
        cls.card_b = cls.env["property.club.card"].create(
            {"partner_id": cls.owner_b.id, "tier_id": cls.blue.id}
        )
        cls.card_b.action_activate()

    def _club_event(self, name, tiers=None, **vals):
        return self.env["event.event"].create(
            {
                "name": name,
                "is_club_activity": True,
                "club_tier_ids": [
                    (6, 0, (tiers or self.env["property.club.tier"]).ids)
                ],
                "date_begin": "2030-01-01 09:00:00",
                "date_end": "2030-01-01 12:00:00",
                **vals,
            }
        )
