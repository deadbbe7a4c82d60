from odoo import fields, models


class PropertySlaPolicy(models.Model):
    """A policy runs around the clock (the 3-1-2 default) or on a working
    calendar with its public holidays and make-up working days; a milestone
    may still run around the clock on a working-calendar policy."""

    _inherit = "property.sla.policy"

    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        check_company=True,
        help="Count the deadlines in this calendar's working hours, without "
        "its public holidays and with its make-up working days. Empty: "
        "around the clock.",
    )
    ack_around_clock = fields.Boolean(string="Acknowledge Around the Clock")
    dispatch_around_clock = fields.Boolean(string="Dispatch Around the Clock")
    onsite_around_clock = fields.Boolean(string="On Site Around the Clock")
    resolve_around_clock = fields.Boolean(string="Resolve Around the Clock")

    def _property_calendar(self, code):
        """The working calendar milestone ``code`` runs on (empty: around the clock)."""
        self.ensure_one()
        if self[f"{code}_around_clock"]:
            return self.env["resource.calendar"]
        return self.resource_calendar_id
