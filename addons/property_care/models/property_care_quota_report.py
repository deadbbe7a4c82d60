from odoo import fields, models
from odoo.tools import SQL


class PropertyCareQuotaReport(models.Model):
    """Monthly visit quota achievement per user (butler, department head,
    project manager). The quota comes from the user's own override, else from
    the setting of their role."""

    _name = "property.care.quota.report"
    _description = "Visit Quota Achievement"
    _auto = False
    _order = "month desc, user_id"
    _depends = {
        "res.users": ["active", "company_id", "care_visit_quota"],
        "property.project": ["active", "manager_id", "service_head_id"],
        "property.building": ["active", "butler_id"],
        "property.care.visit": ["visitor_id", "date"],
    }

    user_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    role = fields.Selection(
        [
            ("butler", "Grid Butler"),
            ("service_head", "Department Head"),
            ("project_manager", "Project Manager"),
        ],
        readonly=True,
    )
    month = fields.Date(readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True)
    quota = fields.Integer(readonly=True)
    achievement = fields.Float(
        string="Achievement (%)", readonly=True, aggregator="avg"
    )

    def _read_group_select(self, aggregate_spec, query):
        """A total achievement is the group's visits over its quotas, as the
        KPI counts it, not the average of the members' percentages."""
        if aggregate_spec != "achievement:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "100.0 * SUM(%(visits)s) / NULLIF(SUM(%(quota)s), 0)",
            visits=self._field_to_sql(self._table, "visit_count", query),
            quota=self._field_to_sql(self._table, "quota", query),
        )

    @property
    def _table_query(self):
        # the role quotas are settings: passed as parameters at each read, so
        # the report follows the Settings page without recreating a view
        setting = self.env["res.config.settings"]._property_int_param
        return SQL(
            """
                WITH param(role, value) AS (
                    VALUES ('butler', %(butler)s),
                           ('service_head', %(service_head)s),
                           ('project_manager', %(project_manager)s)
                ), roles AS (
                    SELECT u.id AS user_id, u.company_id, u.care_visit_quota,
                           CASE WHEN EXISTS (
                                    SELECT 1 FROM property_project pr
                                     WHERE pr.manager_id = u.id AND pr.active)
                                THEN 'project_manager'
                                WHEN EXISTS (
                                    SELECT 1 FROM property_project pr
                                     WHERE pr.service_head_id = u.id AND pr.active)
                                THEN 'service_head'
                                WHEN EXISTS (
                                    SELECT 1 FROM property_building b
                                     WHERE b.butler_id = u.id AND b.active)
                                THEN 'butler'
                           END AS role
                      FROM res_users u
                     WHERE u.active
                ), visits AS (
                    SELECT visitor_id, date_trunc('month', date)::date AS month,
                           count(*) AS visit_count
                      FROM property_care_visit
                  GROUP BY 1, 2
                ), months AS (
                    SELECT DISTINCT month FROM visits
                    UNION SELECT date_trunc('month', now())::date
                ), quota AS (
                    SELECT r.user_id, r.company_id, r.role,
                           COALESCE(NULLIF(r.care_visit_quota, 0),
                                    (SELECT value FROM param
                                      WHERE param.role = r.role),
                                    0) AS quota
                      FROM roles r
                     WHERE r.role IS NOT NULL OR r.care_visit_quota > 0
                )
                SELECT (q.user_id::bigint * 4096
                        + (extract(year FROM m.month)::int - 2000) * 12
                        + extract(month FROM m.month)::int)::int AS id,
                       q.user_id, q.company_id, q.role, m.month,
                       COALESCE(v.visit_count, 0) AS visit_count, q.quota,
                       CASE WHEN q.quota > 0
                            THEN 100.0 * COALESCE(v.visit_count, 0) / q.quota
                            ELSE 0 END AS achievement
                  FROM quota q
            CROSS JOIN months m
             LEFT JOIN visits v ON v.visitor_id = q.user_id AND v.month = m.month
            """,
            butler=setting("property_care.quota_butler"),
            service_head=setting("property_care.quota_service_head"),
            project_manager=setting("property_care.quota_project_manager"),
        )
