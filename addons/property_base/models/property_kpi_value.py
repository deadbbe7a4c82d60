from odoo import fields, models
from odoo.tools import SQL


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

    def _read_group_select(self, aggregate_spec, query):
        """Values of different KPIs (rates, counts, days) do not add up: a
        group mixing KPIs, like a pivot's grand total, shows no value."""
        if aggregate_spec not in ("value:avg", "target:avg"):
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "CASE WHEN COUNT(DISTINCT %(kpi)s) = 1 THEN AVG(%(field)s) END",
            kpi=self._field_to_sql(self._table, "kpi_id", query),
            field=self._field_to_sql(self._table, aggregate_spec.split(":")[0], query),
        )
