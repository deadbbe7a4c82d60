from odoo import api, fields, models
from odoo.tools import SQL


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    care_visited_this_quarter = fields.Boolean(
        string="Visited This Quarter",
        compute="_compute_care_visited_this_quarter",
        search="_search_care_visited_this_quarter",
    )

    @api.model
    def _care_quarter_start(self):
        today = fields.Date.context_today(self)
        return today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)

    def _care_visited_unit_sql(self):
        return SQL(
            "SELECT unit_id FROM property_care_visit_quarter WHERE quarter_start = %s",
            self._care_quarter_start(),
        )

    @api.depends_context("date")
    def _compute_care_visited_this_quarter(self):
        self.env.cr.execute(
            SQL("%s AND unit_id = ANY(%s)", self._care_visited_unit_sql(), self.ids)
        )
        visited = {row[0] for row in self.env.cr.fetchall()}
        for unit in self:
            unit.care_visited_this_quarter = unit.id in visited

    def _search_care_visited_this_quarter(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", self._care_visited_unit_sql())]
