from odoo import api, fields, models
from odoo.tools import SQL


class PropertyCareVisitQuarter(models.Model):
    """The households visited in a quarter: one row per (unit, quarter) with
    at least one visit, kept in step with the visits, so that the coverage
    dashboard counts visited households without grouping every visit."""

    _name = "property.care.visit.quarter"
    _description = "Household Visited in a Quarter"
    _log_access = False
    _order = "quarter_start desc, unit_id"

    unit_id = fields.Many2one(
        "property.unit", required=True, readonly=True, index=True, ondelete="cascade"
    )
    quarter_start = fields.Date(string="Quarter", required=True, readonly=True)

    _quarter_unit_uniq = models.Constraint(
        "UNIQUE(quarter_start, unit_id)",
        "A household is visited in a quarter once.",
    )

    def init(self):
        # fill the table once from the visits already there (module update)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (unit_id, quarter_start)
                SELECT DISTINCT unit_id, quarter_start FROM property_care_visit
                 WHERE unit_id IS NOT NULL AND quarter_start IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM %(table)s)
                ON CONFLICT DO NOTHING
                """,
                table=SQL.identifier(self._table),
            )
        )

    @api.model
    def _sync(self, keys):
        """Bring the rows of the (unit id, quarter) ``keys`` in line with the
        visits in the database: added where a visit exists, removed where
        none is left."""
        keys = {(unit, quarter) for unit, quarter in keys if unit and quarter}
        if not keys:
            return
        # the statements below read the visits' table
        self.env["property.care.visit"].flush_model(["unit_id", "quarter_start"])
        units, quarters = zip(*keys, strict=True)
        keys_sql = SQL(
            "unnest(%s::int[], %s::date[]) AS k(unit_id, quarter_start)",
            list(units),
            list(quarters),
        )
        visit_sql = SQL(
            "SELECT 1 FROM property_care_visit v "
            "WHERE v.unit_id = k.unit_id AND v.quarter_start = k.quarter_start"
        )
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM %(table)s vq USING %(keys)s
                 WHERE vq.unit_id = k.unit_id AND vq.quarter_start = k.quarter_start
                   AND NOT EXISTS (%(visit)s)
                """,
                table=SQL.identifier(self._table),
                keys=keys_sql,
                visit=visit_sql,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO %(table)s (unit_id, quarter_start)
                SELECT k.unit_id, k.quarter_start FROM %(keys)s
                 WHERE EXISTS (%(visit)s)
                ON CONFLICT DO NOTHING
                """,
                table=SQL.identifier(self._table),
                keys=keys_sql,
                visit=visit_sql,
            )
        )
        self.invalidate_model()
