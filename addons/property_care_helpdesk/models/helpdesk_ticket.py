from datetime import timedelta

from odoo import fields, models
from odoo.addons.property_helpdesk.models.property_sla_policy import MILESTONES

BREACH_FIELDS = tuple(f"{code}_breached" for code, _label in MILESTONES)


class HelpdeskTicket(models.Model):
    """Tickets opened by care, and service recovery when a ticket goes wrong."""

    _inherit = "helpdesk.ticket"

    care_touchpoint_id = fields.Many2one(
        "property.care.touchpoint",
        string="From Touchpoint",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    care_visit_id = fields.Many2one(
        "property.care.visit",
        string="From Visit",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    recovery_touchpoint_ids = fields.One2many(
        "property.care.touchpoint", "recovery_ticket_id", string="Service Recovery"
    )

    _care_touchpoint_uniq = models.UniqueIndex(
        "(care_touchpoint_id) WHERE care_touchpoint_id IS NOT NULL",
        "A touchpoint opens one ticket.",
    )
    _care_visit_uniq = models.UniqueIndex(
        "(care_visit_id) WHERE care_visit_id IS NOT NULL",
        "A visit opens one ticket.",
    )

    def write(self, vals):
        breached = self if any(vals.get(name) for name in BREACH_FIELDS) else None
        reopen_before = (
            {t.id: t.reopen_count for t in self} if "reopen_count" in vals else {}
        )
        result = super().write(vals)
        if breached:
            breached._plan_recovery("breach")
        if reopen_before:
            self.filtered(
                lambda t: t.reopen_count > reopen_before[t.id]
            )._plan_recovery("reopen")
        return result

    def _plan_recovery(self, reason):
        """One service-recovery touchpoint per ticket and reason, for the butler."""
        tickets = self.filtered("partner_id")
        if not tickets:
            return
        Touchpoint = self.env["property.care.touchpoint"].sudo()
        done = set(
            Touchpoint.search(
                [
                    ("recovery_ticket_id", "in", tickets.ids),
                    ("recovery_reason", "=", reason),
                ]
            ).recovery_ticket_id.ids
        )
        days = self.env["res.config.settings"]._property_param(
            "property_care_helpdesk.recovery_days"
        )
        today = fields.Date.context_today(self)
        Touchpoint.create(
            [
                {
                    "name": ticket._recovery_title(reason),
                    "kind": "recovery",
                    "action": "call",
                    "partner_id": ticket.partner_id.id,
                    "unit_id": ticket.unit_id.id,
                    "building_id": ticket.building_id.id,
                    "project_id": ticket.project_id.id,
                    "company_id": ticket.company_id.id,
                    "user_id": Touchpoint._care_responsible(
                        ticket.partner_id, ticket.unit_id
                    ).id,
                    "due_date": today,
                    "deadline": today + timedelta(days=days),
                    "description": ticket.name,
                    "recovery_ticket_id": ticket.id,
                    "recovery_reason": reason,
                }
                for ticket in tickets
                if ticket.id not in done
            ]
        )

    def _recovery_title(self, reason):
        if reason == "breach":
            return self.env._("Service recovery: %s missed its deadline", self.number)
        return self.env._("Service recovery: %s was reopened", self.number)

    def action_view_recovery(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_care.property_care_touchpoint_action"
        )
        action["domain"] = [("recovery_ticket_id", "=", self.id)]
        return action
