from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestQuestionnaireInput(SurveyCommon, HttpCase):
    """Issue 18: what Odoo's survey controller gets from an anonymous owner's
    link is validated; a closed campaign takes no more answers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        household = cls.campaign.household_ids.filtered(
            lambda h: h.unit_id == cls.a_units[3]
        )
        household.action_invite_portal()
        cls.answer = household.user_input_id
        cls.overall = cls._question("overall")
        cls.loyalty = cls._question("loyalty")
        cls.foreign = (
            cls.env["survey.survey"]
            .create(
                {
                    "title": "Canteen",
                    "question_and_page_ids": [
                        Command.create(
                            {
                                "title": "Dish",
                                "question_type": "multiple_choice",
                                "suggested_answer_ids": [
                                    Command.create({"value": "Noodles"})
                                ],
                            }
                        )
                    ],
                }
            )
            .question_and_page_ids.suggested_answer_ids
        )

    def _submit(self, values):
        """Post the one-page questionnaire as the owner's browser does; each
        post starts from a fresh answer (the page saves every question once)."""
        self.answer.user_input_line_ids.unlink()
        survey = self.answer.survey_id
        response = self.url_open(
            f"/survey/submit/{survey.access_token}/{self.answer.access_token}",
            json={"params": {str(q.id): v for q, v in values.items()}},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def test_scores_out_of_the_scale_get_a_message(self):
        for bad in ("abc", "4.5", "0", "6", "nan", "-1"):
            with self.subTest(score=bad):
                # alone: a valid score would be stored and not overwritable
                result = self._submit({self.overall: bad})
                self.assertEqual(result[1]["error"], "validation")
                self.assertIn(
                    "whole number from 1 to 5",
                    result[1]["fields"][str(self.overall.id)],
                )
        self.assertFalse(
            self.answer.user_input_line_ids.filtered(
                lambda line: line.question_id == self.overall and not line.skipped
            )
        )
        self.assertNotEqual(self.answer.state, "done")

    def test_closed_campaign_stores_nothing(self):
        self.campaign.action_close()
        survey = self.answer.survey_id
        page = self.url_open(
            f"/survey/start/{survey.access_token}?answer_token={self.answer.access_token}"
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("This survey is now closed", page.text)
        result = self._submit({self.overall: "5", self.loyalty: "5"})
        self.assertEqual(result[1]["error"], "answer_deadline")
        self.assertFalse(self.answer.user_input_line_ids)
        self.assertEqual(self.campaign.answered_count, 0)

    def test_reasons_of_the_question_each_once(self):
        reasons = self._question("reasons")
        parking = reasons.suggested_answer_ids[0]
        for values in ([str(parking.id)] * 500, [str(self.foreign.id)], ["abc"]):
            with self.subTest(values=values[:2]):
                result = self._submit({reasons: values})
                self.assertEqual(
                    result[1]["fields"][str(reasons.id)],
                    "Choose among the answers offered, each once.",
                )
        self.assertFalse(
            self.answer.user_input_line_ids.filtered(
                lambda line: line.question_id == reasons and not line.skipped
            )
        )

    def test_pareto_counts_a_reason_once_per_answer(self):
        reasons = self._question("reasons")
        parking, cleaning = reasons.suggested_answer_ids[:2]
        # written past the controller: repeated lines and a foreign suggestion
        self.answer._save_lines(self.overall, 2)
        self.answer._save_lines(self.loyalty, 2)
        self.answer._save_lines(reasons, [parking.id] * 50 + [cleaning.id])
        with self.assertRaises(ValidationError):
            self.env["survey.user_input.line"].create(
                {
                    "user_input_id": self.answer.id,
                    "question_id": reasons.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": self.foreign.id,
                }
            )
        self.answer._mark_done()
        rows = self.env["property.survey.pareto"]._pareto_rows(
            self.project, self.campaign.month, self.campaign.month
        )
        self.assertEqual([row["count"] for row in rows], [1, 1])
