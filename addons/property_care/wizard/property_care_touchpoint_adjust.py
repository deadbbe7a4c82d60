from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCareTouchpointAdjust(models.TransientModel):
    """An officer's correction of a touchpoint's figures, with a reason.

    State, done date and on-time flag are written only by the touchpoint's
    own steps; when one of them is wrong (a call made but marked missed), the
    officer corrects it here: the reason is posted in the touchpoint's
    chatter and the touchpoint is marked adjusted.
    """

    _name = "property.care.touchpoint.adjust"
    _description = "Adjust a Care Touchpoint"

    touchpoint_id = fields.Many2one(
        "property.care.touchpoint", required=True, readonly=True, ondelete="cascade"
    )
    state = fields.Selection(
        selection=lambda self: (
            self.env["property.care.touchpoint"]
            ._fields["state"]
            ._description_selection(self.env)
        ),
        compute="_compute_from_touchpoint",
        store=True,
        readonly=False,
        required=True,
    )
    done_date = fields.Date(
        compute="_compute_from_touchpoint", store=True, readonly=False
    )
    done_on_time = fields.Boolean(
        compute="_compute_from_touchpoint", store=True, readonly=False
    )
    reason = fields.Text(required=True)

    @api.depends("touchpoint_id")
    def _compute_from_touchpoint(self):
        for wizard in self:
            touchpoint = wizard.touchpoint_id
            wizard.state = touchpoint.state
            wizard.done_date = touchpoint.done_date
            wizard.done_on_time = touchpoint.done_on_time

    def action_apply(self):
        self.ensure_one()
        if self.state == "done" and not self.done_date:
            raise ValidationError(self.env._("A done touchpoint needs its done date."))
        today = fields.Date.context_today(self)
        if self.done_date and self.done_date > today:
            raise ValidationError(
                self.env._("A touchpoint cannot be done in the future.")
            )
        done = self.state == "done"
        self.touchpoint_id._property_adjust(
            {
                "state": self.state,
                "done_date": self.done_date if done else False,
                "done_on_time": self.done_on_time if done else False,
            },
            self.reason,
        )
        return {"type": "ir.actions.act_window_close"}
