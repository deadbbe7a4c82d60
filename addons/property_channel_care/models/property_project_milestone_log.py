from odoo import fields, models
from odoo.addons.property_channel.models.property_channel_message import CHANNELS


class PropertyProjectMilestoneLog(models.Model):
    _inherit = "property.project.milestone.log"

    state = fields.Selection(
        selection_add=[("queued", "Queued")], ondelete={"queued": "set default"}
    )
    channel = fields.Selection(CHANNELS, readonly=True)
