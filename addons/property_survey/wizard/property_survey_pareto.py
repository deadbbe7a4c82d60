from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class PropertySurveyPareto(models.TransientModel):
    """Dissatisfaction Pareto of a project over a period of campaign months."""

    _name = "property.survey.pareto"
    _description = "Dissatisfaction Pareto"

    def _default_date_from(self):
        return (fields.Date.context_today(self) - relativedelta(months=5)).replace(
            day=1
        )

    project_id = fields.Many2one("property.project", required=True)
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
        default=lambda self: float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("property_survey.pareto_vital_share", 80)
        ),
    )
    line_ids = fields.One2many("property.survey.pareto.line", "pareto_id")
    total_count = fields.Integer(compute="_compute_total_count", string="Reasons Given")

    @api.depends("line_ids.count")
    def _compute_total_count(self):
        for pareto in self:
            pareto.total_count = sum(pareto.line_ids.mapped("count"))

    @api.model
    def _pareto_rows(self, project, date_from, date_to, vital_share=80.0):
        """Rows ``{reason, dimension_id, count, share, cumulative_share, vital}``.

        One grouped query over the stored reason lines of the completed
        answers; sorted by count, the reasons whose preceding cumulative
        share is below ``vital_share`` are the vital few.
        """
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT l.suggested_answer_id, COUNT(DISTINCT l.user_input_id)
                  FROM survey_user_input_line l
                  JOIN survey_user_input ui ON ui.id = l.user_input_id
             LEFT JOIN survey_question_answer sa ON sa.id = l.suggested_answer_id
                 WHERE l.property_project_id = %(project)s
                   AND (sa.id IS NULL OR sa.question_id = l.question_id)
                   AND l.property_month >= %(date_from)s
                   AND l.property_month <= %(date_to)s
                   AND l.property_role = 'reasons'
                   AND NOT COALESCE(l.skipped, FALSE)
                   AND ui.state = 'done'
              GROUP BY l.suggested_answer_id
                """,
                project=project.id,
                date_from=date_from.replace(day=1),
                date_to=date_to.replace(day=1),
            )
        )
        counts = self.env.cr.fetchall()
        total = sum(count for _answer, count in counts)
        answers = self.env["survey.question.answer"].browse(
            [answer_id for answer_id, _count in counts if answer_id]
        )
        labels = {answer.id: answer for answer in answers}
        rows = sorted(
            counts,
            key=lambda row: (-row[1], labels[row[0]].sequence if row[0] else 9999),
        )
        result, cumulative = [], 0
        for answer_id, count in rows:
            before = 100.0 * cumulative / total
            cumulative += count
            answer = labels.get(answer_id)
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
