from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    ticket_count = fields.Integer(compute="_compute_helpdesk_counts")
    defect_count = fields.Integer(compute="_compute_helpdesk_counts")
    handover_inspection_count = fields.Integer(compute="_compute_helpdesk_counts")

    def _compute_helpdesk_counts(self):
        tickets = {
            (unit.id, kind): count
            for unit, kind, count in self.env["helpdesk.ticket"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id", "kind"], ["__count"]
            )
        }
        inspections = dict(
            self.env["property.handover.inspection"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.defect_count = tickets.get((unit.id, "defect"), 0)
            unit.ticket_count = (
                sum(count for (uid, _kind), count in tickets.items() if uid == unit.id)
                - unit.defect_count
            )
            unit.handover_inspection_count = inspections.get(unit, 0)

    def _action_helpdesk(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_tickets(self):
        return self._action_helpdesk(
            "property_helpdesk.helpdesk_ticket_action_property",
            [("unit_id", "=", self.id), ("kind", "!=", "defect")],
            {"default_unit_id": self.id},
        )

    def action_view_defects(self):
        return self._action_helpdesk(
            "property_helpdesk.helpdesk_ticket_action_property",
            [("unit_id", "=", self.id), ("kind", "=", "defect")],
            {"default_unit_id": self.id, "default_kind": "defect"},
        )

    def action_view_handover_inspections(self):
        return self._action_helpdesk(
            "property_helpdesk.property_handover_inspection_action",
            [("unit_id", "=", self.id)],
            {"default_unit_id": self.id},
        )
