from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_care_helpdesk_recovery_days = fields.Integer(
        string="Days to Call after a Failed Ticket",
        config_parameter="property_care_helpdesk.recovery_days",
        default=2,
        help="A breached or reopened ticket gives the owner a service-recovery "
        "call by their butler, due within this many days.",
    )
