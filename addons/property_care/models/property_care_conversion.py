from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCareConversion(models.Model):
    """One action to win a black customer back (黑色客户转化)."""

    _name = "property.care.conversion"
    _description = "Black-customer Conversion Action"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("relationship_category", "=", "black")],
    )
    project_id = fields.Many2one(
        related="partner_id.property_project_id", store=True, index=True
    )
    building_id = fields.Many2one(related="partner_id.building_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    action_type = fields.Selection(
        [
            ("notice", "Personal Notice"),
            ("event", "Event Invitation"),
            ("surprise", "Surprise Service"),
            ("visit", "Visit"),
        ],
        required=True,
        default="notice",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Done By", default=lambda self: self.env.user
    )
    message = fields.Text(
        compute="_compute_message",
        store=True,
        readonly=False,
        help="For a personal notice: the text, naming the customer and their home.",
    )
    outcome = fields.Text()
    relationship_category = fields.Selection(
        related="partner_id.relationship_category", string="Current Category"
    )

    @api.depends("partner_id", "action_type")
    def _compute_message(self):
        for action in self:
            if action.action_type != "notice" or action.message:
                continue
            partner = action.partner_id
            # a letter to the customer: in the customer's language
            action.message = action.with_context(lang=partner.lang).env._(
                "Dear %(name)s of %(unit)s, thank you for your patience. We would "
                "like to hear how we can serve you better.",
                name=partner.name or "",
                unit=partner.unit_ids[:1].display_name or "",
            )

    @api.depends("partner_id", "action_type", "date")
    def _compute_display_name(self):
        types = dict(self._fields["action_type"]._description_selection(self.env))
        for action in self:
            action.display_name = " · ".join(
                part
                for part in (
                    types.get(action.action_type),
                    action.partner_id.name,
                    action.date and fields.Date.to_string(action.date),
                )
                if part
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(action.date > today for action in self):
            raise ValidationError(
                self.env._("A conversion action cannot be logged in the future.")
            )
