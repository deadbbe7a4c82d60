from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class PropertySurveyCampaign(models.Model):
    """The demo story's past campaigns, kept out of the campaign's business code."""

    _inherit = "property.survey.campaign"

    @api.model
    def _demo_create_campaigns(self, project_id, interviewer_id, months=6):
        """Demo: ``months`` past campaigns of ``project`` with answers.

        Scores improve over the months, with parking and cleaning as the main
        complaints, so the trend, the Pareto and the calculator show
        something real. Called from the demo data only.
        """
        project = self.env["property.project"].browse(project_id)
        interviewer = self.env["res.users"].browse(interviewer_id)
        today = fields.Date.context_today(self)
        overall_by_month = [
            [5, 4, 4, 3, 3, 2, 4],
            [5, 4, 4, 4, 3, 3, 5],
            [5, 5, 4, 3, 2, 4, 4],
            [5, 4, 4, 4, 4, 3, 5],
            [5, 5, 4, 4, 4, 3, 4],
            [5, 4, 4, 3, 5, 4],
        ][-months:]
        reasons_by_score = {
            2: ["parking", "cleaning", "repairs"],
            3: ["parking", "cleaning"],
        }
        survey = self._default_survey()
        questions = {
            (q.property_role, q.property_dimension_id.code): q
            for q in survey.question_ids
        }
        reason_question = questions[("reasons", False)]
        campaigns = self.browse()
        for offset, overall_scores in zip(
            range(len(overall_by_month), 0, -1), overall_by_month, strict=True
        ):
            month = (today - relativedelta(months=offset)).replace(day=1)
            campaign = self.create(
                {
                    "project_id": project.id,
                    "month": month,
                    "survey_id": survey.id,
                    "sample_mode": "fixed",
                    "sample_size_fixed": 7,
                    "seed": f"demo-{month:%Y%m}",
                }
            )
            campaign._draw()
            households = campaign.household_ids.sorted("unit_id")
            for index, (household, overall) in enumerate(
                zip(households, overall_scores, strict=False)
            ):
                if index % 3 == 0:
                    answer = campaign._invite(
                        household, "phone", interviewer=interviewer
                    )
                else:
                    answer = campaign._invite(household, "portal")
                answer._save_lines(questions[("overall", False)], overall)
                answer._save_lines(
                    questions[("loyalty", False)], min(5, overall + index % 2)
                )
                for (role, code), question in questions.items():
                    if role == "dimension":
                        score = (
                            overall - 1 if code in ("parking", "cleaning") else overall
                        )
                        answer._save_lines(
                            question, max(1, min(5, score + (index + offset) % 2))
                        )
                if overall <= 3:
                    codes = reasons_by_score[overall][: 1 + (index + offset) % 2]
                    answer._save_lines(
                        reason_question,
                        reason_question.suggested_answer_ids.filtered(
                            lambda a, codes=codes: a.property_dimension_id.code in codes
                        ).ids,
                        comment=self.env._("Renovation noise at weekends")
                        if (index + offset) % 4 == 0
                        else None,
                    )
                answer._mark_done()
            if offset > 1:
                campaign.state = "closed"
            campaigns |= campaign
        return campaigns
