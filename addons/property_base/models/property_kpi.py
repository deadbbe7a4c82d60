from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import SQL


class PropertyKpi(models.Model):
    """A KPI definition. Add-ons register KPIs as data and their measures in code.

    To measure a KPI, an add-on extends :meth:`_get_measures` and returns
    ``{code: method}``; each method takes ``(projects, date_from, date_to)`` and
    returns ``{project_id: value}`` for the half-open period, computed with
    batched queries.
    """

    _name = "property.kpi"
    _description = "Property KPI"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    unit = fields.Char(
        string="Unit of Measure", default="%", help="Unit the value is expressed in."
    )
    target = fields.Float(required=True, digits=(16, 2))
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")],
        required=True,
        default="higher",
    )
    module = fields.Char(
        string="Measured By", help="Technical name of the add-on measuring this KPI."
    )
    is_measured = fields.Boolean(
        compute="_compute_is_measured",
        search="_search_is_measured",
        help="Whether an installed add-on measures this KPI. KPIs whose add-on "
        "is not installed are hidden from the lists and the dashboard.",
    )
    value_ids = fields.One2many("property.kpi.value", "kpi_id", string="Values")

    _code_uniq = models.Constraint("unique(code)", "A KPI code must be unique.")

    def _compute_is_measured(self):
        measures = self._get_measures()
        for kpi in self:
            kpi.is_measured = kpi.code in measures

    def _search_is_measured(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        measured = Domain("code", "in", list(self._get_measures()))
        return measured if (operator == "=") == value else ~measured

    def _get_measures(self):
        """Return ``{kpi_code: callable(projects, date_from, date_to)}``."""
        return {
            "occupancy_rate": self._measure_occupancy_rate,
            "black_customer_rate": self._measure_black_customer_rate,
        }

    def _measure_occupancy_rate(self, projects, date_from, date_to):
        """Share of handed-over units that are occupied (current state)."""
        return self._share_per_project(
            "property.unit",
            [("project_id", "in", projects.ids), ("sale_state", "=", "handed_over")],
            "project_id",
            "occupancy",
            "occupied",
        )

    def _measure_black_customer_rate(self, projects, date_from, date_to):
        """Share of owners of the project in the black category."""
        return self._share_per_project(
            "res.partner",
            [
                ("property_project_id", "in", projects.ids),
                ("customer_stage", "=", "owner"),
            ],
            "property_project_id",
            "relationship_category",
            "black",
        )

    @api.model
    def _share_per_project(self, model, domain, project_field, field, value):
        """Percentage of the records of ``domain`` whose ``field`` is ``value``.

        One grouped query; returns ``{project_id: percentage}`` for the
        projects that have records. A helper for add-ons' measures too.
        """
        totals = defaultdict(int)
        matching = defaultdict(int)
        for project, group_value, count in self.env[model]._read_group(
            domain, [project_field, field], ["__count"]
        ):
            totals[project.id] += count
            if group_value == value:
                matching[project.id] += count
        return {
            project_id: 100.0 * matching[project_id] / total
            for project_id, total in totals.items()
        }

    def _is_on_target(self, value):
        self.ensure_one()
        if self.direction == "higher":
            return value >= self.target
        return value <= self.target

    def _snapshot(self, month):
        """Upsert the value of every measured KPI in ``self`` for ``month``.

        One INSERT .. ON CONFLICT per KPI: rerunning for the same month updates
        the values in place, never duplicates them.
        """
        date_from = month.replace(day=1)
        date_to = date_from + relativedelta(months=1)
        measures = self._get_measures()
        projects = self.env["property.project"].search([])
        done = 0
        for kpi in self.filtered(lambda k: k.code in measures):
            values = measures[kpi.code](projects, date_from, date_to)
            now = fields.Datetime.now()
            rows = [
                SQL(
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    kpi.id,
                    project.id,
                    project.company_id.id,
                    date_from,
                    values[project.id],
                    kpi.target,
                    kpi._is_on_target(values[project.id]),
                    self.env.uid,
                    now,
                    now,
                )
                for project in projects
                if project.id in values
            ]
            if rows:
                self.env.cr.execute(
                    SQL(
                        """
                        INSERT INTO property_kpi_value
                            (kpi_id, project_id, company_id, month, value, target,
                             on_target, create_uid, create_date, write_date)
                        VALUES %s
                        ON CONFLICT (kpi_id, project_id, month)
                        DO UPDATE SET value = EXCLUDED.value,
                                      target = EXCLUDED.target,
                                      on_target = EXCLUDED.on_target,
                                      write_date = EXCLUDED.write_date
                        """,
                        SQL(", ").join(rows),
                    )
                )
            done += 1
        self.env["property.kpi.value"].invalidate_model()
        return done

    def action_snapshot_current_month(self):
        """Take this month's snapshot now (the "Snapshot KPIs" action).

        Public, hence callable over RPC by anyone who can read KPIs: only
        managers may trigger it; the cron runs as the superuser.
        """
        if not self.env.su and not self.env.user.has_group(
            "property_base.property_base_group_manager"
        ):
            raise AccessError(
                self.env._("Only Owner Relations managers can take a KPI snapshot.")
            )
        self.search([])._snapshot(fields.Date.context_today(self))

    @api.model
    def _demo_snapshot(self):
        """Demo data: fill the dashboard with the current and previous month."""
        today = fields.Date.context_today(self)
        kpis = self.search([])
        kpis._snapshot(today - relativedelta(months=1))
        kpis._snapshot(today)

    @api.model
    def _cron_snapshot(self):
        """Store last month's value of every KPI per project (idempotent)."""
        today = fields.Date.context_today(self)
        last_month = (today - relativedelta(months=1)).replace(day=1)
        kpis = self.search([])
        self.env["ir.cron"]._commit_progress(remaining=len(kpis))
        for kpi in kpis:
            kpi._snapshot(last_month)
            if not self.env["ir.cron"]._commit_progress(1):
                break
