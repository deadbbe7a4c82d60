from odoo import fields, models


class SmsTracker(models.Model):
    _inherit = "sms.tracker"

    sms_provider_ref = fields.Char(
        "Provider Message ID",
        readonly=True,
        index="btree_not_null",
        help="Identifier of the message at the SMS provider, matched by its "
        "delivery reports.",
    )
