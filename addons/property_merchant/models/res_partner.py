from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_alliance_merchant = fields.Boolean(
        string="Alliance Merchant", index=True, help="Member of the 邻里联盟."
    )
    merchant_category_id = fields.Many2one("property.merchant.category")
    merchant_agreement_ids = fields.One2many(
        "property.merchant.agreement", "merchant_id", string="Agreements"
    )
    merchant_redemption_count = fields.Integer(
        string="Alliance Redemptions", compute="_compute_merchant_redemption_count"
    )

    def _compute_merchant_redemption_count(self):
        counts = dict(
            self.env["property.merchant.redemption"]
            .sudo()
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.merchant_redemption_count = counts.get(partner, 0)

    def action_view_merchant_redemptions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_merchant.property_merchant_redemption_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        return action
