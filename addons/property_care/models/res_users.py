from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    care_visit_quota = fields.Integer(
        string="Monthly Visit Quota",
        help="Overrides the monthly visit quota of the user's role (0 = use the "
        "role's quota from the settings).",
    )
