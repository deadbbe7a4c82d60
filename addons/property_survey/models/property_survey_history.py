from odoo import api, fields, models
from odoo.exceptions import ValidationError

TEMPLATE = "/property_survey/static/xls/property_survey_history_import_template.xlsx"


class PropertySurveyHistory(models.Model):
    """Monthly results from before the addon, imported from a spreadsheet."""

    _name = "property.survey.history"
    _description = "Historical Satisfaction Result"
    _order = "month desc, project_id"
    _check_company_auto = True

    project_id = fields.Many2one(
        "property.project", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    month = fields.Date(required=True, help="Any day of the month; stored as the 1st.")
    sample_size = fields.Integer(string="Answered", required=True)
    satisfied_count = fields.Integer(string="Satisfied", required=True)
    loyal_count = fields.Integer(string="Loyal", required=True)
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)", compute="_compute_rates", digits=(5, 1)
    )
    loyalty_rate = fields.Float(
        string="Loyalty (%)", compute="_compute_rates", digits=(5, 1)
    )

    _project_month_uniq = models.Constraint(
        "unique(project_id, month)", "One historical result per project and month."
    )
    _counts_valid = models.Constraint(
        "CHECK(sample_size > 0 AND satisfied_count >= 0 AND loyal_count >= 0 "
        "AND satisfied_count <= sample_size AND loyal_count <= sample_size)",
        "Satisfied and loyal counts must lie between 0 and the number of answers, "
        "which must be positive.",
    )

    @api.depends("sample_size", "satisfied_count", "loyal_count")
    def _compute_rates(self):
        for row in self:
            size = row.sample_size
            row.satisfaction_rate = 100.0 * row.satisfied_count / size if size else 0.0
            row.loyalty_rate = 100.0 * row.loyal_count / size if size else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().write(vals)

    @api.constrains("project_id", "month")
    def _check_no_campaign(self):
        campaigns = self.env["property.survey.campaign"].sudo().search(
            [("project_id", "in", self.project_id.ids), ("month", "in", self.mapped("month"))]
        )
        keys = {(c.project_id.id, c.month) for c in campaigns}
        for row in self:
            if (row.project_id.id, row.month) in keys:
                raise ValidationError(
                    self.env._(
                        "%(project)s already has a campaign for %(month)s: its results "
                        "come from the answers, not from an import.",
                        project=row.project_id.name,
                        month=row.month.strftime("%Y-%m"),
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Historical Results"),
                "template": TEMPLATE,
            }
        ]
