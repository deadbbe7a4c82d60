from datetime import timedelta

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _property_health_signals(self):
        """Complaints, missed deadlines and repeated repairs lower the score."""
        signals = super()._property_health_signals()
        get = self.env["ir.config_parameter"].sudo().get_param
        days = int(get("property_helpdesk.health_window_days", 90))
        since = fields.Datetime.now() - timedelta(days=days)
        per_complaint = int(get("property_helpdesk.health_points_complaint", -8))
        per_breach = int(get("property_helpdesk.health_points_breach", -5))
        repeat_from = int(get("property_helpdesk.health_repeat_repairs", 3))
        repeat_points = int(get("property_helpdesk.health_points_repeat", -10))
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
