from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertySurveyInspection(models.Model):
    """A touchpoint inspection (mystery shopper, sales-site comfort check).

    The checklist is a survey whose answers carry scores: the weight of an
    item is the score of its best answer, so the survey's own scoring gives
    the weighted percentage of the inspection.
    """

    _name = "property.survey.inspection"
    _description = "Touchpoint Inspection"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    survey_id = fields.Many2one(
        "survey.survey",
        string="Checklist",
        required=True,
        domain=[("property_kind", "=", "inspection")],
    )
    touchpoint = fields.Char(
        related="survey_id.property_touchpoint", store=True, string="Touchpoint"
    )
    project_id = fields.Many2one("property.project", required=True, index=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    month = fields.Date(compute="_compute_month", store=True, index=True)
    inspector_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    user_input_id = fields.Many2one("survey.user_input", readonly=True, copy=False)
    state = fields.Selection(
        related="user_input_id.state", string="Answer State", store=True
    )
    score = fields.Float(
        string="Score (%)",
        related="user_input_id.scoring_percentage",
        store=True,
        aggregator="avg",
    )
    weak_items = fields.Text(compute="_compute_weak_items")

    @api.depends("survey_id.title", "project_id.name", "date")
    def _compute_name(self):
        for inspection in self:
            inspection.name = " ".join(
                str(part)
                for part in (
                    inspection.survey_id.title,
                    inspection.project_id.name,
                    inspection.date,
                )
                if part
            )

    @api.depends("date")
    def _compute_month(self):
        for inspection in self:
            inspection.month = inspection.date and inspection.date.replace(day=1)

    def _compute_weak_items(self):
        """The checklist items scored furthest below their weight, worst first."""
        limit = self.env["res.config.settings"]._property_param(
            "property_survey.weak_items_count"
        )
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("user_input_id", "in", self.user_input_id.ids),
                    ("answer_type", "=", "suggestion"),
                ]
            )
        )
        by_input = {}
        for line in lines:
            weight = max(
                line.question_id.suggested_answer_ids.mapped("answer_score") or [0]
            )
            lost = weight - line.answer_score
            if lost > 0:
                by_input.setdefault(line.user_input_id.id, []).append(
                    (lost, line.question_id.title, line.answer_score, weight)
                )
        for inspection in self:
            items = sorted(by_input.get(inspection.user_input_id.id, []), reverse=True)
            inspection.weak_items = "\n".join(
                f"{title}: {score:g} / {weight:g}"
                for _lost, title, score, weight in items[:limit]
            )

    def action_start(self):
        """Open the checklist for the inspector to fill."""
        self.ensure_one()
        if not self.user_input_id:
            if not self.survey_id.active:
                raise UserError(self.env._("This checklist is archived."))
            self.user_input_id = self.survey_id.sudo()._create_answer(
                user=self.inspector_id, check_attempts=False
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.user_input_id.get_start_url(),
            "target": "new",
        }
