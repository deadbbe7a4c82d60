from odoo import api, fields, models
from odoo.addons.property_helpdesk.models.property_sla_policy import TICKET_KINDS


class PropertyCareTicketMixin(models.AbstractModel):
    """A care record whose outcome needs action opens one ticket for the unit."""

    _name = "property.care.ticket.mixin"
    _description = "Care Record Opening a Ticket"

    needs_action = fields.Boolean(
        help="The owner raised something the service team must act on: saving "
        "opens a ticket for the unit (once).",
    )
    ticket_kind = fields.Selection(TICKET_KINDS, string="Ticket Type", default="repair")
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._open_tickets()
        return records

    def write(self, vals):
        result = super().write(vals)
        if vals.get("needs_action"):
            self._open_tickets()
        return result

    def _ticket_text(self):
        """Return ``(title, description)`` of the ticket this record opens."""
        raise NotImplementedError

    def _open_tickets(self):
        """Open the ticket of each record that needs action and has none."""
        todo = self.filtered(lambda r: r.needs_action and not r.ticket_id)
        if not todo:
            return
        vals_list = []
        for record in todo:
            title, description = record._ticket_text()
            vals_list.append(
                {
                    "name": title,
                    "description": description,
                    "kind": record.ticket_kind or "repair",
                    "partner_id": record.partner_id.id,
                    "unit_id": record.unit_id.id,
                    "company_id": record.company_id.id,
                    "staff_entry_reason": self.env._(
                        "Raised during %s", record._description
                    ),
                    record._ticket_link_field: record.id,
                }
            )
            if vals_list[-1]["kind"] == "complaint":
                # graded by the service team afterwards; general until then
                vals_list[-1]["complaint_grade"] = "general"
        tickets = self.env["helpdesk.ticket"].create(vals_list)
        for record, ticket in zip(todo, tickets, strict=True):
            record.ticket_id = ticket

    def action_open_ticket(self):
        """Open (once) and show the ticket of this record."""
        self.ensure_one()
        if not self.ticket_id:
            self.needs_action = True
            self._open_tickets()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }
