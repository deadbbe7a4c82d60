from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyHandoverInspection(models.Model):
    """分户验收: a unit inspected before handover, with its defects as tickets."""

    _name = "property.handover.inspection"
    _description = "Handover Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, check_company=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    unit_type = fields.Char(related="unit_id.unit_type", store=True)
    inspector_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    defect_ids = fields.One2many("helpdesk.ticket", "handover_inspection_id")
    defect_count = fields.Integer(compute="_compute_defect_stats")
    open_defect_count = fields.Integer(compute="_compute_defect_stats")
    state = fields.Selection(
        [("open", "Rectifying"), ("passed", "Passed")],
        default="open",
        required=True,
        tracking=True,
    )

    @api.depends("unit_id", "date")
    def _compute_display_name(self):
        for inspection in self:
            inspection.display_name = (
                f"{inspection.unit_id.display_name} {inspection.date or ''}"
            )

    @api.depends("defect_ids.reinspection_result")
    def _compute_defect_stats(self):
        for inspection in self:
            inspection.defect_count = len(inspection.defect_ids)
            inspection.open_defect_count = len(
                inspection.defect_ids.filtered(
                    lambda d: d.reinspection_result != "pass"
                )
            )

    def action_add_defect(self, description, contractor, category=None):
        self.ensure_one()
        return self.env["helpdesk.ticket"].create(
            {
                "name": description[:80],
                "description": description,
                "kind": "defect",
                "unit_id": self.unit_id.id,
                "contractor_id": contractor.id,
                "category_id": category.id if category else False,
                "handover_inspection_id": self.id,
                "staff_entry_reason": self.env._("Handover inspection"),
            }
        )

    def action_close(self):
        if self.filtered("open_defect_count"):
            raise UserError(
                self.env._("Every defect must pass re-inspection before closing.")
            )
        self.write({"state": "passed"})
