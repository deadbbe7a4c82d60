from odoo import api, fields, models

from ..const import TEMPLATE_PATH


class PropertyProject(models.Model):
    """A residential project (小区/项目): the unit of reporting and of KPIs."""

    _name = "property.project"
    _description = "Property Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True, help="Short code used in unit references and imports."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Project Manager",
        tracking=True,
        check_company=True,
        domain=[("share", "=", False)],
    )
    service_head_id = fields.Many2one(
        "res.users",
        string="Customer Service Head",
        tracking=True,
        check_company=True,
        domain=[("share", "=", False)],
        help="Department head: the second escalation level after the grid butler.",
    )
    street = fields.Char()
    city = fields.Char()
    color = fields.Integer()
    building_ids = fields.One2many(
        "property.building", "project_id", string="Buildings"
    )
    unit_ids = fields.One2many("property.unit", "project_id", string="Units")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    household_count = fields.Integer(
        compute="_compute_counts",
        help="Units handed over to their owners (the households served).",
    )

    _code_company_uniq = models.Constraint(
        "unique(company_id, code)", "A project code must be unique per company."
    )

    @api.depends("building_ids", "unit_ids.sale_state")
    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        units = {}
        households = {}
        for project, state, count in self.env["property.unit"]._read_group(
            [("project_id", "in", self.ids)], ["project_id", "sale_state"], ["__count"]
        ):
            units[project] = units.get(project, 0) + count
            if state == "handed_over":
                households[project] = count
        for project in self:
            project.building_count = buildings.get(project, 0)
            project.unit_count = units.get(project, 0)
            project.household_count = households.get(project, 0)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Projects"),
                "template": TEMPLATE_PATH % "property_project",
            }
        ]

    def action_view_buildings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_building_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_unit_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"search_default_group_building": 1}
        return action
