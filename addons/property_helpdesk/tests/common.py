from odoo.addons.property_base.tests.common import PropertyBaseCommon


class HelpdeskCommon(PropertyBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        cls.service_head = cls.officer
        cls.project.service_head_id = cls.service_head
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.cat_parking = cls.env.ref("property_helpdesk.category_parking")
        cls.cat_cleaning = cls.env.ref("property_helpdesk.category_cleaning")
        cls.done_stage = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _ticket(self, **vals):
        defaults = {
            "name": "Leaking pipe",
            "description": "Water under the sink",
            "unit_id": self.unit_a1.id,
            "partner_id": self.owner_a.id,
            "reported_date": "2030-01-01 08:00:00",
        }
        return self.Ticket.create({**defaults, **vals})

    def _close(self, ticket, **vals):
        ticket.write({"stage_id": self.done_stage.id, **vals})
