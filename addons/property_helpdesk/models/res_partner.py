from datetime import timedelta

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_ticket_count = fields.Integer(
        string="Owner Tickets", compute="_compute_property_helpdesk_counts"
    )
    property_callback_count = fields.Integer(
        string="Callbacks", compute="_compute_property_helpdesk_counts"
    )

    def _compute_property_helpdesk_counts(self):
        tickets = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        callbacks = dict(
            self.env["property.ticket.callback"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.property_ticket_count = tickets.get(partner, 0)
            partner.property_callback_count = callbacks.get(partner, 0)

    def action_view_property_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "property_helpdesk.helpdesk_ticket_action_property"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_property_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "property_helpdesk.property_ticket_callback_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {}
        return action

    def _property_health_signals(self):
        """Complaints, missed deadlines and repeated repairs lower the score."""
        signals = super()._property_health_signals()
        setting = self.env["res.config.settings"]._property_param
        days = setting("property_helpdesk.health_window_days")
        since = fields.Datetime.now() - timedelta(days=days)
        per_complaint = setting("property_helpdesk.health_points_complaint")
        per_breach = setting("property_helpdesk.health_points_breach")
        repeat_from = setting("property_helpdesk.health_repeat_repairs")
        repeat_points = setting("property_helpdesk.health_points_repeat")
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("reported_date", ">=", since)],
                ["partner_id", "kind", "is_breached"],
                ["__count"],
            )
        )
        complaints, breaches, repairs = {}, {}, {}
        for partner, kind, breached, count in groups:
            if kind == "complaint":
                complaints[partner.id] = complaints.get(partner.id, 0) + count
            if kind == "repair":
                repairs[partner.id] = repairs.get(partner.id, 0) + count
            if breached:
                breaches[partner.id] = breaches.get(partner.id, 0) + count
        for partner_id, count in complaints.items():
            signals[partner_id].append(
                (
                    "complaints",
                    self.env._(
                        "%(count)s complaints in %(days)s days", count=count, days=days
                    ),
                    max(per_complaint * count, 3 * per_complaint),
                )
            )
        for partner_id, count in breaches.items():
            signals[partner_id].append(
                (
                    "breaches",
                    self.env._("%s tickets handled late", count),
                    max(per_breach * count, 3 * per_breach),
                )
            )
        for partner_id, count in repairs.items():
            if count >= repeat_from:
                signals[partner_id].append(
                    (
                        "repeat_repairs",
                        self.env._(
                            "%(count)s repairs in %(days)s days", count=count, days=days
                        ),
                        repeat_points,
                    )
                )
        return signals
