from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    """Settings of the helpdesk clocks: holds and appointments."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    property_pause_major_complaints = fields.Boolean(
        string="Hold Major Complaints",
        config_parameter="property_helpdesk.pause_major_complaints",
        default=False,
        help="Let staff put major complaints on hold too; otherwise their "
        "clocks never stop.",
    )
