from odoo import api, fields, models
from odoo.tools import date_utils


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    care_visited_this_quarter = fields.Boolean(
        string="Visited This Quarter",
        compute="_compute_care_visited_this_quarter",
        search="_search_care_visited_this_quarter",
    )

    @api.model
    def _care_quarter_start(self):
        return date_utils.start_of(fields.Date.context_today(self), "quarter")

    def _care_visited_domain(self):
        return [("quarter_start", "=", self._care_quarter_start())]

    @api.depends_context("date")
    def _compute_care_visited_this_quarter(self):
        # whether a home was visited is no secret: read past the access rights
        # of the visit-quarter table (officers, portal)
        quarters_sudo = self.env["property.care.visit.quarter"].sudo()
        visited = quarters_sudo.search(
            [*self._care_visited_domain(), ("unit_id", "in", self.ids)]
        ).unit_id
        for unit in self:
            unit.care_visited_this_quarter = unit in visited

    def _search_care_visited_this_quarter(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        quarters_sudo = self.env["property.care.visit.quarter"].sudo()
        visited = quarters_sudo._search(self._care_visited_domain())
        return [("id", "in" if positive else "not in", visited.subselect("unit_id"))]
