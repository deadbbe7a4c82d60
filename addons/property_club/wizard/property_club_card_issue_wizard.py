from psycopg2 import IntegrityError

from odoo import fields, models
from odoo.tools import mute_logger, split_every


class PropertyClubCardIssueWizard(models.TransientModel):
    """Issue club cards to many selected owners at once.

    One card per member and tier: owners who already hold a live card of the
    tier are skipped (and a unique index makes a concurrent run harmless), so
    running it twice issues nothing more. Cards are created in batches of the
    size set in Settings.
    """

    _name = "property.club.card.issue.wizard"
    _description = "Issue Club Cards in Bulk"

    partner_ids = fields.Many2many("res.partner", string="Owners", required=True)
    tier_id = fields.Many2one(
        "property.club.tier",
        help="Leave empty to give each owner the tier they earn today.",
    )
    activate = fields.Boolean(
        string="Activate Now",
        default=True,
        help="Activate the cards at once (validity starts today).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "partner_ids" in fields_list
            and self.env.context.get("active_model") == "res.partner"
            and self.env.context.get("active_ids")
        ):
            values["partner_ids"] = [(6, 0, self.env.context["active_ids"])]
        return values

    def _issue(self):
        """Create the missing cards; return them."""
        self.ensure_one()
        Card = self.env["property.club.card"]
        partners = self.partner_ids.filtered(lambda p: p.club_state != "left")
        tiers = self.env["property.club.tier"].search([])
        batch_size = self.env["res.config.settings"]._property_param(
            "property_club.issue_batch_size"
        )
        issued = Card
        for batch in split_every(
            batch_size, partners.ids, self.env["res.partner"].browse
        ):
            if self.tier_id:
                wanted = dict.fromkeys(batch, self.tier_id)
            else:
                metrics = batch._club_metrics()
                wanted = {
                    partner: tiers._best_for(metrics[partner.id], tiers)
                    for partner in batch
                }
            held = {
                (partner.id, tier.id)
                for partner, tier in Card._read_group(
                    [
                        ("partner_id", "in", batch.ids),
                        ("state", "in", ("draft", "active", "suspended")),
                    ],
                    ["partner_id", "tier_id"],
                )
            }
            vals_list = [
                {
                    "partner_id": partner.id,
                    "tier_id": tier.id,
                    "company_id": self.company_id.id,
                }
                for partner, tier in wanted.items()
                if tier and (partner.id, tier.id) not in held
            ]
            issued |= self._create_cards(vals_list)
        if self.activate:
            issued.action_activate()
        return issued

    def _create_cards(self, vals_list):
        Card = self.env["property.club.card"]
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                cards = Card.create(vals_list)
                cards.flush_recordset()
                return cards
        except IntegrityError:
            # a concurrent run issued some of them: keep what is still missing
            cards = Card
            for vals in vals_list:
                try:
                    with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                        card = Card.create(vals)
                        card.flush_recordset()
                        cards |= card
                except IntegrityError:
                    continue
            return cards

    def action_issue(self):
        cards = self._issue()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_club.property_club_card_action"
        )
        action["domain"] = [("id", "in", cards.ids)]
        action["context"] = {}
        if not cards:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "message": self.env._(
                        "Every selected owner already holds a card of this tier."
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return action
