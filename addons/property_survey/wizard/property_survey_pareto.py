from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertySurveyPareto(models.TransientModel):
    """Dissatisfaction Pareto of a project over a period of campaign months."""

    _name = "property.survey.pareto"
    _description = "Dissatisfaction Pareto"
    _check_company_auto = True

    def _default_date_from(self):
        return (fields.Date.context_today(self) - relativedelta(months=5)).replace(
            day=1
        )

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    project_id = fields.Many2one("property.project", required=True, check_company=True)
    date_from = fields.Date(
        string="From Month",
        required=True,
        default=lambda self: self._default_date_from(),
    )
    date_to = fields.Date(
        string="To Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    vital_share = fields.Float(
        string="Vital Few Up To (%)",
        default=lambda self: self.env["res.config.settings"]._property_param(
            "property_survey.pareto_vital_share"
        ),
    )
    line_ids = fields.One2many("property.survey.pareto.line", "pareto_id")
    total_count = fields.Integer(compute="_compute_total_count", string="Reasons Given")

    @api.depends("project_id")
    def _compute_display_name(self):
        for pareto in self:
            pareto.display_name = (
                self.env._("Dissatisfaction Pareto: %s", pareto.project_id.name)
                if pareto.project_id
                else self.env._("Dissatisfaction Pareto")
            )

    @api.depends("line_ids.count")
    def _compute_total_count(self):
        for pareto in self:
            pareto.total_count = sum(pareto.line_ids.mapped("count"))

    @api.model
    def _pareto_rows(self, project, date_from, date_to, vital_share=80.0):
        """Rows ``{reason, dimension_id, count, share, cumulative_share, vital}``.

        One grouped read (record rules apply) over the stored reason lines of
        the completed answers; sorted by count, the reasons whose preceding
        cumulative share is below ``vital_share`` are the vital few.
        """
        counts = self.env["survey.user_input.line"]._read_group(
            [
                ("property_project_id", "=", project.id),
                ("property_month", ">=", date_from.replace(day=1)),
                ("property_month", "<=", date_to.replace(day=1)),
                ("property_role", "=", "reasons"),
                ("skipped", "=", False),
                ("user_input_id.state", "=", "done"),
            ],
            ["suggested_answer_id"],
            ["__count"],
        )
        total = sum(count for _answer, count in counts)
        rows = sorted(
            counts,
            key=lambda row: (-row[1], row[0].sequence if row[0] else 9999),
        )
        result, cumulative = [], 0
        for answer, count in rows:
            before = 100.0 * cumulative / total
            cumulative += count
            result.append(
                {
                    "reason": answer.value if answer else self.env._("Other (written)"),
                    "dimension_id": answer.property_dimension_id.id
                    if answer
                    else False,
                    "count": count,
                    "share": 100.0 * count / total,
                    "cumulative_share": 100.0 * cumulative / total,
                    "vital": before < vital_share,
                }
            )
        return result

    def action_compute(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period must end after it starts."))
        rows = self._pareto_rows(
            self.project_id, self.date_from, self.date_to, self.vital_share
        )
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(dict(row, sequence=index))
            for index, row in enumerate(rows)
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_print(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return self.env.ref(
            "property_survey.action_report_property_survey_pareto"
        ).report_action(self)
