from odoo import fields, models, tools
from odoo.tools import SQL


class PropertyCareCoverageReport(models.Model):
    """Quarterly visit coverage of occupied households per building.

    One row per building and quarter, from the first quarter with a visit to
    the current one (a quarter without any visit shows 0 %). The visited
    households come from ``property.care.visit.quarter`` (one row per unit
    and quarter), read per quarter through its (quarter, unit) key, so that
    reading one quarter does not group every visit ever logged."""

    _name = "property.care.coverage.report"
    _description = "Visit Coverage"
    _auto = False
    _order = "quarter_start desc, building_id"
    _depends = {
        "property.care.visit.quarter": ["unit_id", "quarter_start"],
        "property.unit": ["active", "building_id", "occupancy"],
        "property.building": ["project_id", "company_id", "butler_id"],
    }

    building_id = fields.Many2one("property.building", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    butler_id = fields.Many2one("res.users", string="Grid Butler", readonly=True)
    quarter_start = fields.Date(string="Quarter", readonly=True)
    is_current_quarter = fields.Boolean(string="Current Quarter", readonly=True)
    household_count = fields.Integer(string="Occupied Households", readonly=True)
    visited_count = fields.Integer(string="Visited Households", readonly=True)
    coverage = fields.Float(string="Coverage (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                WITH quarters AS (
                    SELECT generate_series(
                               LEAST(bounds.first_quarter, bounds.this_quarter),
                               GREATEST(bounds.last_quarter, bounds.this_quarter),
                               interval '3 months')::date AS quarter_start
                      FROM (SELECT min(quarter_start) AS first_quarter,
                                   max(quarter_start) AS last_quarter,
                                   date_trunc('quarter', now())::date AS this_quarter
                              FROM %(visited)s) bounds
                )
                SELECT (c.building_id::bigint * 4096
                        + (extract(year FROM q.quarter_start)::int - 2000) * 4
                        + extract(quarter FROM q.quarter_start)::int)::int AS id,
                       c.building_id, b.project_id, b.company_id, b.butler_id,
                       q.quarter_start,
                       q.quarter_start = date_trunc('quarter', now())::date
                           AS is_current_quarter,
                       c.household_count, c.visited_count,
                       100.0 * c.visited_count / c.household_count AS coverage
                  FROM quarters q
            CROSS JOIN LATERAL (
                    SELECT u.building_id, count(*) AS household_count,
                           count(vq.unit_id) AS visited_count
                      FROM property_unit u
                 LEFT JOIN %(visited)s vq ON vq.unit_id = u.id
                                         AND vq.quarter_start = q.quarter_start
                     WHERE u.active AND u.occupancy = 'occupied'
                  GROUP BY u.building_id
                   ) c
                  JOIN property_building b ON b.id = c.building_id
                )
                """,
                table=SQL.identifier(self._table),
                visited=SQL.identifier("property_care_visit_quarter"),
            )
        )
