from odoo import api, fields, models

from ..const import TEMPLATE_PATH


class PropertyUnit(models.Model):
    """A household unit (户): what owners buy, receive and live in."""

    _name = "property.unit"
    _description = "Property Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, building_id, floor, name"
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name"]

    name = fields.Char(string="Unit Number", required=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, index="trigram"
    )
    active = fields.Boolean(default=True)
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    project_id = fields.Many2one(
        related="building_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, index=True, precompute=True
    )
    butler_id = fields.Many2one(
        related="building_id.butler_id", store=True, index=True, string="Grid Butler"
    )
    floor = fields.Integer()
    area = fields.Float(string="Area (m²)", digits=(10, 2))
    unit_type = fields.Char(help="House type (户型), e.g. 'A3 three-bedroom'.")
    sale_state = fields.Selection(
        [
            ("unsold", "Unsold"),
            ("subscribed", "Subscribed"),
            ("signed", "Signed"),
            ("handed_over", "Handed Over"),
        ],
        default="unsold",
        required=True,
        tracking=True,
        index=True,
    )
    occupancy = fields.Selection(
        [("vacant", "Vacant"), ("occupied", "Occupied")],
        default="vacant",
        required=True,
        tracking=True,
    )
    handover_date = fields.Date(tracking=True)
    residency_ids = fields.One2many("property.residency", "unit_id", string="Residents")
    resident_count = fields.Integer(
        string="Residents Count",
        compute="_compute_resident_count",
        help="People currently owning, renting or living in the unit.",
    )
    owner_ids = fields.Many2many(
        "res.partner", compute="_compute_owner_ids", string="Current Owners"
    )

    _name_building_uniq = models.Constraint(
        "unique(building_id, name)", "A unit number must be unique in its building."
    )
    _area_positive = models.Constraint(
        "CHECK(area >= 0)", "The area of a unit cannot be negative."
    )

    @api.depends("name", "building_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            unit.complete_name = " ".join(
                part for part in (unit.building_id.complete_name, unit.name) if part
            )

    @api.depends("residency_ids.is_current")
    @api.depends_context("date")
    def _compute_resident_count(self):
        counts = dict(
            self.env["property.residency"]._read_group(
                [("unit_id", "in", self.ids), ("is_current", "=", True)],
                ["unit_id"],
                ["partner_id:count_distinct"],
            )
        )
        for unit in self:
            unit.resident_count = counts.get(unit, 0)

    @api.depends("residency_ids.role", "residency_ids.is_current")
    def _compute_owner_ids(self):
        for unit in self:
            unit.owner_ids = unit.residency_ids.filtered(
                lambda r: r.is_current and r.role in ("owner", "co_owner")
            ).partner_id

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Units"),
                "template": TEMPLATE_PATH % "property_unit",
            }
        ]

    def action_view_residencies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_residency_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id, "search_default_current": 1}
        return action
