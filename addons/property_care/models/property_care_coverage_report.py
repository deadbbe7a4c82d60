from odoo import fields, models, tools
from odoo.tools import SQL


class PropertyCareCoverageReport(models.Model):
    """Quarterly visit coverage of occupied households per building."""

    _name = "property.care.coverage.report"
    _description = "Visit Coverage"
    _auto = False
    _order = "quarter_start desc, building_id"

    building_id = fields.Many2one("property.building", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    butler_id = fields.Many2one("res.users", string="Grid Butler", readonly=True)
    quarter_start = fields.Date(string="Quarter", readonly=True)
    household_count = fields.Integer(string="Occupied Households", readonly=True)
    visited_count = fields.Integer(string="Visited Households", readonly=True)
    coverage = fields.Float(string="Coverage (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                WITH households AS (
                    SELECT building_id, count(*) AS household_count
                      FROM property_unit
                     WHERE active AND occupancy = 'occupied'
                  GROUP BY building_id
                ), quarters AS (
                    SELECT DISTINCT quarter_start FROM property_care_visit
                    UNION SELECT date_trunc('quarter', now())::date
                ), visited AS (
                    SELECT v.building_id, v.quarter_start,
                           count(DISTINCT v.unit_id) AS visited_count
                      FROM property_care_visit v
                      JOIN property_unit u ON u.id = v.unit_id
                     WHERE u.active AND u.occupancy = 'occupied'
                  GROUP BY v.building_id, v.quarter_start
                )
                SELECT (h.building_id::bigint * 4096
                        + (extract(year FROM q.quarter_start)::int - 2000) * 4
                        + extract(quarter FROM q.quarter_start)::int)::int AS id,
                       h.building_id, b.project_id, b.company_id, b.butler_id,
                       q.quarter_start, h.household_count,
                       COALESCE(vi.visited_count, 0) AS visited_count,
                       100.0 * COALESCE(vi.visited_count, 0) / h.household_count
                           AS coverage
                  FROM households h
                  JOIN property_building b ON b.id = h.building_id
            CROSS JOIN quarters q
             LEFT JOIN visited vi ON vi.building_id = h.building_id
                                 AND vi.quarter_start = q.quarter_start
                )
                """,
                table=SQL.identifier(self._table),
            )
        )
