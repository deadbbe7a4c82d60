from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    channel_opt_out = fields.Boolean(
        "Unsubscribed from Messages",
        tracking=True,
        copy=False,
        help="The owner asked to receive no message from us, on any channel "
        "(replied STOP, or unsubscribed on the portal).",
    )
