from odoo import fields, models


class PropertyCarePlan(models.Model):
    """A care plan: the touchpoints every customer in scope receives."""

    _name = "property.care.plan"
    _description = "Care Plan"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    project_ids = fields.Many2many(
        "property.project",
        string="Limited to Projects",
        check_company=True,
        help="Leave empty to apply the plan to every project of the company.",
    )
    line_ids = fields.One2many("property.care.plan.line", "plan_id", string="Lines")
    description = fields.Text(translate=True)
    touchpoint_count = fields.Integer(compute="_compute_touchpoint_count")

    def _compute_touchpoint_count(self):
        counts = dict(
            self.env["property.care.touchpoint"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.touchpoint_count = counts.get(plan, 0)

    def action_view_touchpoints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_care.property_care_touchpoint_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {}
        return action
