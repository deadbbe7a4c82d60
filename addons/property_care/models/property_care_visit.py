from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils

# fields that move a visit to another (household, quarter)
QUARTER_KEY_FIELDS = ("partner_id", "unit_id", "date")


class PropertyCareVisit(models.Model):
    """A visit to a household (业户拜访), at the door or by phone."""

    _name = "property.care.visit"
    _description = "Owner Visit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("customer_stage", "!=", False)],
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        check_company=True,
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    visitor_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    quarter_start = fields.Date(
        compute="_compute_quarter_start", store=True, index=True, string="Quarter"
    )
    channel = fields.Selection(
        [("door", "At the Door"), ("phone", "By Phone")],
        required=True,
        default="door",
    )
    score = fields.Integer(help="Owner's 1-5 score of the visit.", aggregator="avg")
    needs = fields.Text(string="Needs Raised")
    follow_up = fields.Text()
    touchpoint_id = fields.Many2one(
        "property.care.touchpoint",
        string="Fulfils Touchpoint",
        index=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'planned')]",
    )

    _unit_quarter_idx = models.Index("(quarter_start, building_id, unit_id)")

    @api.depends("partner_id")
    def _compute_unit_id(self):
        for visit in self:
            if not visit.unit_id or visit.unit_id not in visit.partner_id.unit_ids:
                visit.unit_id = visit.partner_id.unit_ids[:1]

    @api.depends("date")
    def _compute_quarter_start(self):
        for visit in self:
            visit.quarter_start = visit.date and date_utils.start_of(
                visit.date, "quarter"
            )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = f"{visit.partner_id.name or ''} {visit.date or ''}"

    @api.constrains("score")
    def _check_score(self):
        if any(not 0 <= visit.score <= 5 for visit in self):
            raise ValidationError(self.env._("The visit score goes from 1 to 5."))

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for visit in self:
            if visit.date > today:
                raise ValidationError(
                    self.env._("A visit cannot be logged in the future.")
                )

    @api.constrains("touchpoint_id", "partner_id")
    def _check_touchpoint(self):
        for visit in self:
            if (
                visit.touchpoint_id
                and visit.touchpoint_id.partner_id != visit.partner_id
            ):
                raise ValidationError(
                    self.env._("A visit can only fulfil a touchpoint of its customer.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        self.env["property.care.visit.quarter"]._sync(visits._care_quarter_keys())
        visits._fulfil_touchpoints()
        return visits

    def write(self, vals):
        moved = any(field in vals for field in QUARTER_KEY_FIELDS)
        before = self._care_quarter_keys() if moved else set()
        res = super().write(vals)
        if moved:
            self.env["property.care.visit.quarter"]._sync(
                before | self._care_quarter_keys()
            )
        if "touchpoint_id" in vals:
            self._fulfil_touchpoints()
        return res

    def unlink(self):
        keys = self._care_quarter_keys()
        res = super().unlink()
        self.env["property.care.visit.quarter"]._sync(keys)
        return res

    def _care_quarter_keys(self):
        """The (unit id, quarter) pairs of these visits, as stored."""
        return {
            (visit.unit_id.id, visit.quarter_start)
            for visit in self
            if visit.unit_id and visit.quarter_start
        }

    def _fulfil_touchpoints(self):
        """A visit linked to a planned touchpoint completes it."""
        for visit in self.filtered(
            lambda v: v.touchpoint_id and v.touchpoint_id.state == "planned"
        ):
            touchpoint = visit.touchpoint_id
            touchpoint.write(
                {
                    "outcome": touchpoint.outcome or visit.needs or visit.follow_up,
                    "score": touchpoint.score or visit.score,
                }
            )
            touchpoint.action_done()
