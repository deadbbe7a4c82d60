from odoo import fields, models


class PropertyKpiValue(models.Model):
    """The value of one KPI for one project and month (written by the snapshot)."""

    _name = "property.kpi.value"
    _description = "Property KPI Value"
    _order = "month desc, kpi_id, project_id"
    _check_company_auto = True

    kpi_id = fields.Many2one(
        "property.kpi", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        "property.project",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    month = fields.Date(required=True, index=True, help="First day of the month.")
    value = fields.Float(digits=(16, 2), aggregator="avg")
    target = fields.Float(digits=(16, 2), aggregator="avg")
    on_target = fields.Boolean()
    direction = fields.Selection(related="kpi_id.direction")
    unit = fields.Char(related="kpi_id.unit")

    _kpi_project_month_uniq = models.Constraint(
        "unique(kpi_id, project_id, month)",
        "A KPI has one value per project and month.",
    )
