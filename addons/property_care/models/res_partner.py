from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

from .property_care_plan_line import TRIGGER_FIELDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    _care_stage_next_date_idx = models.Index(
        "(care_stage_next_date) WHERE care_stage_next_date IS NOT NULL"
    )

    care_stage_id = fields.Many2one(
        "property.care.stage",
        compute="_compute_care_stage_id",
        store=True,
        index=True,
        help='The "6+2" care stage, from the customer stage, the key dates and '
        "the settling-in and warranty periods of the settings.",
    )
    care_stage_next_date = fields.Date(
        compute="_compute_care_stage_id",
        store=True,
        string="Care Stage Changes On",
        help="Day the care stage moves on by itself; the daily cron refreshes "
        "only the customers whose day has come.",
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
            code, next_date = partner._care_stage_code(today, periods)
            partner.care_stage_id = stages.get(code, False) if code else False
            partner.care_stage_next_date = next_date

    @api.model
    def _care_stage_periods(self):
        setting = self.env["res.config.settings"]._property_param
        return {
            "settling": setting("property_care.settling_months"),
            "warranty": setting("property_care.warranty_months"),
            "four_year": setting("property_care.four_year_months"),
        }

    def _care_stage_code(self, today, periods):
        """Return the care stage code of the customer on ``today`` and the
        day it will next change by itself (False if only an edit changes it)."""
        self.ensure_one()
        stage = self.customer_stage
        if not stage:
            return False, False
        if stage == "prospect":
            return "pre_sale", False
        if stage == "subscriber":
            return "signing", False
        handover, move_in = self.handover_date, self.move_in_date
        if not handover:
            return ("awaiting" if stage == "signed" else "journey"), False
        four_year = handover + relativedelta(months=periods["four_year"])
        warranty_end = handover + relativedelta(months=periods["warranty"])
        boundaries = [handover, four_year, warranty_end]
        if move_in:
            boundaries += [move_in, move_in + relativedelta(months=periods["settling"])]
        next_date = min((d for d in boundaries if d > today), default=False)
        if handover > today:
            code = "awaiting"
        elif today >= four_year:
            code = "four_year"
        elif today >= warranty_end:
            code = "journey"
        elif not move_in or move_in > today:
            code = "handover"
        elif today < move_in + relativedelta(months=periods["settling"]):
            code = "settling"
        else:
            code = "warranty"
        return code, next_date

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

    def unlink(self):
        # the database cascade deletes the customers' visits behind the ORM:
        # keep the visited households of their quarters in step
        visits_sudo = (
            self.env["property.care.visit"]
            .sudo()
            .search([("partner_id", "in", self.ids)])
        )
        keys = visits_sudo._care_quarter_keys()
        res = super().unlink()
        self.env["property.care.visit.quarter"]._sync(keys)
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
    def _refresh_care_stages(self, batch_size=5000, everyone=False):
        """Recompute the stored care stage of the customers whose stage moves
        on by itself today (partial index on the next date), or of every
        customer when the stage periods of the settings changed."""
        stage_fields = [
            self._fields["care_stage_id"],
            self._fields["care_stage_next_date"],
        ]
        domain = self._property_customer_domain()
        if not everyone:
            domain &= Domain(
                "care_stage_next_date", "<=", fields.Date.context_today(self)
            )
        last_id = 0
        while batch := self.search(
            domain & Domain("id", ">", last_id), order="id", limit=batch_size
        ):
            for field in stage_fields:
                self.env.add_to_compute(field, batch)
            batch.flush_recordset(["care_stage_id", "care_stage_next_date"])
            last_id = batch[-1].id
            batch.invalidate_recordset()

    def _property_health_signals(self):
        """Overdue touchpoints and low visit scores lower the score, recent
        good visits raise it."""
        signals = super()._property_health_signals()
        setting = self.env["res.config.settings"]._property_param
        overdue_points = setting("property_care.health_points_overdue")
        low_points = setting("property_care.health_points_low_visit")
        good_points = setting("property_care.health_points_good_visit")
        days = setting("property_care.health_window_days")
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
