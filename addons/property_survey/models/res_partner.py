from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_survey_opt_out = fields.Boolean(
        string="Opted Out of Surveys",
        tracking=True,
        help="The owner asked not to be surveyed; the sampling shows them as "
        "excluded by this rule when it is on.",
    )
    property_survey_answer_ids = fields.One2many(
        "survey.user_input",
        "partner_id",
        string="Satisfaction Answers",
        domain=[("property_campaign_id", "!=", False)],
    )
    property_survey_last_score = fields.Integer(
        string="Last Satisfaction Score", compute="_compute_property_survey_last"
    )

    def _compute_property_survey_last(self):
        last = self._property_survey_last_scores()
        for partner in self:
            partner.property_survey_last_score = last.get(partner.id, 0)

    def _property_survey_last_scores(self):
        """``{partner_id: overall score of their latest completed answer}``."""
        if not self.ids:
            return {}
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search_read(
                [
                    ("partner_id", "in", self.ids),
                    ("property_campaign_id", "!=", False),
                    ("state", "=", "done"),
                ],
                ["partner_id", "property_overall_score"],
                order="end_datetime desc, id desc",
            )
        )
        last = {}
        for answer in answers:
            last.setdefault(answer["partner_id"][0], answer["property_overall_score"])
        return last

    @api.model
    def _property_health_points(self):
        points = super()._property_health_points()
        setting = self.env["res.config.settings"]._property_param
        points["survey_low"] = setting("property_survey.health_points_low")
        points["survey_high"] = setting("property_survey.health_points_high")
        return points

    def _property_health_signals(self):
        signals = super()._property_health_signals()
        points = self._property_health_points()
        for partner_id, score in self._property_survey_last_scores().items():
            if score and score <= 3:
                signals[partner_id].append(
                    (
                        "survey_low",
                        self.env._("Last satisfaction score %s", score),
                        points["survey_low"],
                    )
                )
            elif score == 5:
                signals[partner_id].append(
                    (
                        "survey_high",
                        self.env._("Last satisfaction score 5"),
                        points["survey_high"],
                    )
                )
        return signals

    def action_view_property_survey_answers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.survey_user_input_action_property"
        )
        action["domain"] = [
            ("partner_id", "=", self.id),
            ("property_campaign_id", "!=", False),
        ]
        return action
