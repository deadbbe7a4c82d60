from odoo import models


class PropertyCareVisit(models.Model):
    _name = "property.care.visit"
    _inherit = ["property.care.visit", "property.care.ticket.mixin"]
    _ticket_link_field = "care_visit_id"

    def _ticket_text(self):
        self.ensure_one()
        return (
            self.env._(
                "Raised during a visit to %(customer)s",
                customer=self.partner_id.display_name,
            ),
            "\n".join(filter(None, [self.needs, self.follow_up])),
        )
