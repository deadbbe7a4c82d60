from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCareConversion(models.Model):
    """A club event chosen as a conversion action registers the customer."""

    _inherit = "property.care.conversion"

    event_id = fields.Many2one(
        "event.event",
        string="Club Event",
        domain=[("is_club_activity", "=", True)],
        help="The club activity the black customer is invited to; they are "
        "registered when the action is logged.",
    )
    registration_id = fields.Many2one(
        "event.registration", readonly=True, copy=False, index="btree_not_null"
    )
    event_attended = fields.Boolean(
        compute="_compute_event_attended",
        store=True,
        help="The customer attended the event (their registration is marked "
        "attended at the event).",
    )

    @api.depends("registration_id.state")
    def _compute_event_attended(self):
        for action in self:
            action.event_attended = action.registration_id.state == "done"

    @api.constrains("action_type", "event_id")
    def _check_event(self):
        for action in self:
            if action.event_id and action.action_type != "event":
                raise ValidationError(
                    self.env._("Only an event invitation names a club event.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._register_to_events()
        return actions

    def write(self, vals):
        result = super().write(vals)
        if "event_id" in vals:
            self._register_to_events()
        return result

    def _register_to_events(self):
        """Register each customer once to the chosen event and link it."""
        todo = self.filtered(
            lambda a: a.event_id and a.registration_id.event_id != a.event_id
        )
        if not todo:
            return
        # Conversion staff need not be event organisers: the registration is
        # made for them, on exactly these events and customers.
        registrations_sudo = self.env["event.registration"].sudo()
        existing = registrations_sudo.search(
            [
                ("event_id", "in", todo.event_id.ids),
                ("partner_id", "in", todo.partner_id.ids),
                ("state", "!=", "cancel"),
            ]
        )
        by_key = {(r.event_id.id, r.partner_id.id): r for r in existing}
        missing = {
            (a.event_id.id, a.partner_id.id): a.partner_id
            for a in todo
            if (a.event_id.id, a.partner_id.id) not in by_key
        }
        created = registrations_sudo.create(
            [
                {
                    "event_id": event_id,
                    "partner_id": partner.id,
                    "name": partner.name,
                    "email": partner.email,
                    "phone": partner.phone,
                }
                for (event_id, _partner_id), partner in missing.items()
            ]
        )
        for registration in created:
            by_key[(registration.event_id.id, registration.partner_id.id)] = (
                registration
            )
        for action in todo:
            action.registration_id = by_key[(action.event_id.id, action.partner_id.id)]
