from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

from .property_care_plan_line import TRIGGER_FIELDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    care_stage_id = fields.Many2one(
        "property.care.stage",
        string="Care Stage",
        compute="_compute_care_stage_id",
        store=True,
        index=True,
        help='The "6+2" care stage, from the customer stage, the key dates and '
        "the settling-in and warranty periods of the settings.",
    )
    care_touchpoint_ids = fields.One2many(
        "property.care.touchpoint", "partner_id", string="Care Touchpoints"
    )
    care_touchpoint_count = fields.Integer(compute="_compute_care_counts")
    care_visit_ids = fields.One2many(
        "property.care.visit", "partner_id", string="Visits"
    )
    care_visit_count = fields.Integer(compute="_compute_care_counts")
    care_conversion_ids = fields.One2many(
        "property.care.conversion", "partner_id", string="Conversion Actions"
    )
    care_converted_date = fields.Date(
        string="Converted On",
        compute="_compute_care_converted_date",
        store=True,
        help="Date the customer left the black category after at least one "
        "conversion action.",
    )

    @api.depends(
        "customer_stage",
        "subscription_date",
        "signing_date",
        "handover_date",
        "move_in_date",
    )
    def _compute_care_stage_id(self):
        stages = {
            stage.code: stage for stage in self.env["property.care.stage"].search([])
        }
        today = fields.Date.context_today(self)
        periods = self._care_stage_periods()
        for partner in self:
            code = partner._care_stage_code(today, periods)
            partner.care_stage_id = stages.get(code, False) if code else False

    @api.model
    def _care_stage_periods(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        return {
            "settling": int(get("property_care.settling_months", 3)),
            "warranty": int(get("property_care.warranty_months", 24)),
            "four_year": int(get("property_care.four_year_months", 36)),
        }

    def _care_stage_code(self, today, periods):
        """Map the customer stage and key dates to a care stage code."""
        self.ensure_one()
        stage = self.customer_stage
        if not stage:
            return False
        if stage == "prospect":
            return "pre_sale"
        if stage == "subscriber":
            return "signing"
        handover, move_in = self.handover_date, self.move_in_date
        if not handover or handover > today:
            return "awaiting" if stage == "signed" or handover else "journey"
        if today >= handover + relativedelta(months=periods["four_year"]):
            return "four_year"
        if today >= handover + relativedelta(months=periods["warranty"]):
            return "journey"
        if not move_in or move_in > today:
            return "handover"
        if today < move_in + relativedelta(months=periods["settling"]):
            return "settling"
        return "warranty"

    @api.depends(
        "relationship_category",
        "relationship_history_ids.new_category",
        "care_conversion_ids.date",
    )
    def _compute_care_converted_date(self):
        for partner in self:
            actions = partner.care_conversion_ids
            first_action = min(actions.mapped("date")) if actions else False
            converted = False
            if first_action:
                moves = partner.relationship_history_ids.filtered(
                    lambda h, since=first_action: (
                        h.old_category == "black"
                        and h.new_category in ("normal", "good")
                        and h.date.date() >= since
                    )
                )
                if moves and partner.relationship_category != "black":
                    converted = min(moves.mapped("date")).date()
            partner.care_converted_date = converted

    def _compute_care_counts(self):
        touchpoints = dict(
            self.env["property.care.touchpoint"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        visits = dict(
            self.env["property.care.visit"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.care_touchpoint_count = touchpoints.get(partner, 0)
            partner.care_visit_count = visits.get(partner, 0)

    def write(self, vals):
        moved = [trigger for trigger, field in TRIGGER_FIELDS.items() if field in vals]
        res = super().write(vals)
        if moved:
            self.env["property.care.touchpoint"]._move_for_partners(self, moved)
        return res

    def action_view_care_touchpoints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_care.property_care_touchpoint_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_care_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_care.property_care_visit_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.model
    def _refresh_care_stages(self, batch_size=5000):
        """Recompute the stored care stage of every customer (it moves with
        time, not only with the dates), writing only what changed."""
        stage_field = self._fields["care_stage_id"]
        last_id = 0
        domain = self._property_customer_domain()
        while batch := self.search(
            domain & Domain("id", ">", last_id), order="id", limit=batch_size
        ):
            self.env.add_to_compute(stage_field, batch)
            batch.flush_recordset(["care_stage_id"])
            last_id = batch[-1].id
            batch.invalidate_recordset()

    def _property_health_signals(self):
        """Overdue touchpoints and low visit scores lower the score, recent
        good visits raise it."""
        signals = super()._property_health_signals()
        get = self.env["ir.config_parameter"].sudo().get_param
        overdue_points = int(get("property_care.health_points_overdue", -5))
        low_points = int(get("property_care.health_points_low_visit", -10))
        good_points = int(get("property_care.health_points_good_visit", 5))
        days = int(get("property_care.health_window_days", 90))
        today = fields.Date.context_today(self)
        overdue = dict(
            self.env["property.care.touchpoint"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "planned"),
                    ("deadline", "<", today),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner, count in overdue.items():
            signals[partner.id].append(
                (
                    "care_overdue",
                    self.env._("%s care touchpoints overdue", count),
                    max(overdue_points * count, 3 * overdue_points),
                )
            )
        visits = (
            self.env["property.care.visit"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("date", ">=", today - timedelta(days=days)),
                    ("score", ">", 0),
                ],
                ["partner_id"],
                ["score:min", "score:max"],
            )
        )
        for partner, low, high in visits:
            if low <= 2:
                signals[partner.id].append(
                    (
                        "care_low_visit",
                        self.env._("Visit scored %s", low),
                        low_points,
                    )
                )
            elif high >= 4:
                signals[partner.id].append(
                    ("care_good_visit", self.env._("Good recent visit"), good_points)
                )
        return signals
