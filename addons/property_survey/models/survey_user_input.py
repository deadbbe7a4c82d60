from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .property_survey_household import CHANNELS


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    property_campaign_id = fields.Many2one(
        "property.survey.campaign", string="Campaign", index=True, ondelete="restrict"
    )
    property_household_id = fields.Many2one(
        "property.survey.household",
        string="Household",
        ondelete="set null",
        # a redrawn sample deletes its households: without it, each one scans
        # every answer for the foreign key
        index="btree_not_null",
    )
    property_unit_id = fields.Many2one("property.unit", string="Unit", index=True)
    property_project_id = fields.Many2one(
        "property.project",
        related="property_campaign_id.project_id",
        store=True,
        string="Project",
    )
    property_month = fields.Date(
        related="property_campaign_id.month", store=True, string="Month"
    )
    property_building_id = fields.Many2one(
        related="property_unit_id.building_id", string="Building"
    )
    property_channel = fields.Selection(CHANNELS, string="Channel")
    property_interviewer_id = fields.Many2one("res.users", string="Interviewer")
    property_overall_score = fields.Integer(
        string="Overall Score", readonly=True, aggregator="avg"
    )
    property_loyalty_score = fields.Integer(
        string="Loyalty Score", readonly=True, aggregator="avg"
    )
    property_satisfied = fields.Boolean(string="Satisfied", readonly=True)
    property_loyal = fields.Boolean(string="Loyal", readonly=True)

    _property_campaign_unit_uniq = models.Constraint(
        "unique(property_campaign_id, property_unit_id)",
        "A household answers a campaign once.",
    )
    _property_report_idx = models.Index(
        "(property_project_id, property_month, property_satisfied, property_loyal)"
        " WHERE state = 'done' AND property_campaign_id IS NOT NULL"
    )

    @api.constrains("property_campaign_id", "property_household_id", "survey_id")
    def _check_property_campaign(self):
        for answer in self.filtered("property_campaign_id"):
            campaign = answer.property_campaign_id
            if answer.survey_id != campaign.survey_id or (
                answer.property_household_id
                and answer.property_household_id.campaign_id != campaign
            ):
                raise ValidationError(
                    self.env._(
                        "This questionnaire does not belong to campaign %s: use the "
                        "link of the invitation you received for it.",
                        campaign.name,
                    )
                )

    def _mark_done(self):
        res = super()._mark_done()
        self.filtered("property_campaign_id")._property_store_scores()
        return res

    @api.model
    def _property_apply_satisfied_threshold(self):
        """Flag again every scored answer and line against the current
        "Satisfied From Score" setting: the flags are stored (reports group
        on them), so changing the setting must change the answers already
        given. One statement each, touching only the rows whose flag changes
        (millions of answers)."""
        threshold = self.env["res.config.settings"]._property_int_param(
            "property_survey.satisfied_min_score"
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE survey_user_input
                   SET property_satisfied = property_overall_score >= %(min)s,
                       property_loyal = property_loyalty_score >= %(min)s
                 WHERE property_campaign_id IS NOT NULL AND state = 'done'
                   AND (property_satisfied IS DISTINCT FROM
                            (property_overall_score >= %(min)s)
                        OR property_loyal IS DISTINCT FROM
                            (property_loyalty_score >= %(min)s))
                """,
                min=threshold,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE survey_user_input_line
                   SET property_satisfied_pct =
                           CASE WHEN value_scale >= %(min)s THEN 100.0 ELSE 0.0 END
                 WHERE property_role IS NOT NULL AND answer_type = 'scale'
                   AND property_satisfied_pct IS DISTINCT FROM
                           CASE WHEN value_scale >= %(min)s THEN 100.0 ELSE 0.0 END
                """,
                min=threshold,
            )
        )
        self.invalidate_model(["property_satisfied", "property_loyal"])
        self.env["survey.user_input.line"].invalidate_model(["property_satisfied_pct"])

    def _property_store_scores(self):
        """Store the overall and loyalty scores and their flags (batched)."""
        if not self:
            return
        threshold = self.env["res.config.settings"]._property_param(
            "property_survey.satisfied_min_score"
        )
        scores = defaultdict(dict)
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("user_input_id", "in", self.ids),
                    ("property_role", "in", ("overall", "loyalty")),
                    ("skipped", "=", False),
                ]
            )
        )
        for line in lines:
            scores[line.user_input_id.id][line.property_role] = line.value_scale
        groups = defaultdict(lambda: self.env["survey.user_input"].sudo())
        for answer in self.sudo():
            key = (
                scores[answer.id].get("overall", 0),
                scores[answer.id].get("loyalty", 0),
            )
            groups[key] |= answer
        for (overall, loyalty), answers in groups.items():
            answers.write(
                {
                    "property_overall_score": overall,
                    "property_loyalty_score": loyalty,
                    "property_satisfied": overall >= threshold,
                    "property_loyal": loyalty >= threshold,
                }
            )
            answers.property_household_id.write(
                {"answered": True, "overall_score": overall}
            )
