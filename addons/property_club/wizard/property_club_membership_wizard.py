from odoo import fields, models


class PropertyClubMembershipWizard(models.TransientModel):
    """Suspend or end club memberships, with the reason the owner was given."""

    _name = "property.club.membership.wizard"
    _description = "Suspend or End a Club Membership"

    partner_ids = fields.Many2many("res.partner", string="Members", required=True)
    action = fields.Selection(
        [
            ("suspend", "Suspend (cards suspended)"),
            ("leave", "Leave the club (cards cancelled)"),
        ],
        required=True,
        default="suspend",
    )
    reason = fields.Char(required=True)

    def action_apply(self):
        self.ensure_one()
        if self.action == "suspend":
            self.partner_ids.filtered(lambda p: p.club_state == "member")._club_suspend(
                self.reason
            )
        else:
            self.partner_ids.filtered(
                lambda p: p.club_state in ("member", "suspended")
            )._club_leave(self.reason)
        return {"type": "ir.actions.act_window_close"}
