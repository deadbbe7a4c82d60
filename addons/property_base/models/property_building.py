from odoo import api, fields, models

from ..const import TEMPLATE_PATH


class PropertyBuilding(models.Model):
    """A building (楼栋) and its grid butler (网格管家): one butler per building."""

    _name = "property.building"
    _description = "Property Building"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, sequence, name"
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, index="trigram"
    )
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    butler_id = fields.Many2one(
        "res.users",
        string="Grid Butler",
        tracking=True,
        check_company=True,
        index=True,
        domain=[("share", "=", False)],
        help="The butler responsible for every household of this building.",
    )
    floor_count = fields.Integer(string="Floors")
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")

    _name_project_uniq = models.Constraint(
        "unique(project_id, name)", "A building name must be unique in its project."
    )

    @api.depends("unit_ids")
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.depends("name", "project_id.name")
    def _compute_complete_name(self):
        for building in self:
            building.complete_name = " ".join(
                part for part in (building.project_id.name, building.name) if part
            )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Buildings"),
                "template": TEMPLATE_PATH % "property_building",
            }
        ]

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action
