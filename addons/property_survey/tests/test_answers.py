import io

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestAnswers(SurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        cls.sampled = cls.campaign.household_ids

    def _household(self, unit):
        return self.sampled.filtered(lambda h: h.unit_id == unit)

    def test_email_invitation_creates_token_and_mail(self):
        mails_before = self.env["mail.mail"].search_count([])
        self.campaign.action_invite()
        answers = self.campaign.household_ids.user_input_id
        self.assertEqual(len(answers), 13, "every sampled household with an email")
        self.assertEqual(set(answers.mapped("property_channel")), {"email"})
        self.assertEqual(answers.survey_id, self.survey)
        self.assertTrue(all(answers.mapped("access_token")))
        self.assertEqual(self.env["mail.mail"].search_count([]) - mails_before, 13)
        mail = self.env["mail.mail"].search([], order="id desc", limit=1)
        self.assertIn("answer_token=", mail.body_html)
        # inviting again skips the households already invited
        self.campaign.action_invite()
        self.assertEqual(len(self.campaign.household_ids.user_input_id), 13)

    def test_phone_interview_recorded_with_interviewer(self):
        household = self._household(self.a_units[0])
        action = household.with_user(self.officer).action_phone_interview()
        answer = household.user_input_id
        self.assertEqual(answer.property_channel, "phone")
        self.assertEqual(answer.property_interviewer_id, self.officer)
        self.assertEqual(answer.partner_id, self.a_units[0].owner_ids)
        self.assertIn(answer.access_token, action["url"])
        self._answer(answer, 5, 4)
        self.assertTrue(household.answered)
        self.assertEqual(household.overall_score, 5)
        self.assertEqual(household.answer_status, "answered")
        self.assertEqual(self.campaign.answered_count, 1)
        with self.assertRaisesRegex(UserError, "already answered"):
            household.with_user(self.officer).action_phone_interview()

    def test_scores_and_flags_stored(self):
        household = self._household(self.a_units[1])
        household.action_invite_portal()
        answer = self._answer(household.user_input_id, 3, 4)
        self.assertEqual(answer.property_overall_score, 3)
        self.assertEqual(answer.property_loyalty_score, 4)
        self.assertFalse(answer.property_satisfied)
        self.assertTrue(answer.property_loyal)
        self.assertEqual(answer.property_project_id, self.project)
        self.assertEqual(str(answer.property_month), "2024-07-01")

    def test_satisfied_threshold_is_a_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "property_survey.satisfied_min_score", 3
        )
        household = self._household(self.a_units[1])
        household.action_invite_portal()
        answer = self._answer(household.user_input_id, 3, 2)
        self.assertTrue(answer.property_satisfied)
        self.assertFalse(answer.property_loyal)

    def test_changing_the_threshold_reflags_answers_already_given(self):
        household = self._household(self.a_units[1])
        household.action_invite_portal()
        answer = self._answer(household.user_input_id, 3, 3)
        overall = answer.user_input_line_ids.filtered(
            lambda line: line.property_role == "overall"
        )
        self.assertFalse(answer.property_satisfied)
        self.assertEqual(overall.property_satisfied_pct, 0.0)
        self.env["res.config.settings"].create(
            {"property_survey_satisfied_min_score": 3}
        ).execute()
        self.assertTrue(answer.property_satisfied)
        self.assertTrue(answer.property_loyal)
        self.assertEqual(overall.property_satisfied_pct, 100.0)
        self.env["res.config.settings"].create(
            {"property_survey_satisfied_min_score": 4}
        ).execute()
        self.assertFalse(answer.property_satisfied)
        self.assertEqual(overall.property_satisfied_pct, 0.0)

    def test_out_of_range_answer_refused_nothing_written(self):
        household = self._household(self.a_units[2])
        household.action_invite_portal()
        answer = household.user_input_id
        with (
            self.assertRaisesRegex(ValidationError, "out of range"),
            self.env.cr.savepoint(),
        ):
            answer._save_lines(self._question("overall"), 7)
        self.assertFalse(answer.user_input_line_ids)
        self.assertEqual(answer.state, "new")

    def test_one_answer_per_household_and_campaign(self):
        household = self._household(self.a_units[3])
        household.action_invite_portal()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.survey._create_answer(
                partner=household.partner_id,
                check_attempts=False,
                property_campaign_id=self.campaign.id,
                property_household_id=household.id,
                property_unit_id=household.unit_id.id,
            )
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("property_campaign_id", "=", self.campaign.id)]
            ),
            1,
        )

    def test_token_of_another_campaign_refused(self):
        other = self.env["property.survey.campaign"].create(
            {"project_id": self.project.id, "month": "2024-08-01"}
        )
        household = self._household(self.a_units[4])
        household.action_invite_portal()
        answer = household.user_input_id
        with (
            self.assertRaisesRegex(ValidationError, "does not belong to campaign"),
            self.env.cr.savepoint(),
        ):
            answer.property_campaign_id = other
        self.assertEqual(answer.property_campaign_id, self.campaign)

    def test_invite_requires_drawn_sample(self):
        campaign = self.env["property.survey.campaign"].create(
            {"project_id": self.project.id, "month": "2024-10-01"}
        )
        with self.assertRaisesRegex(UserError, "Draw the sample"):
            campaign.action_invite()

    def test_history_import_from_xlsx(self):
        import openpyxl  # noqa: PLC0415

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(
            ["project_id", "month", "sample_size", "satisfied_count", "loyal_count"]
        )
        sheet.append([self.project.name, "2024-01-01", 100, 82, 80])
        sheet.append([self.project.name, "2024-02-01", 120, 108, 99])
        stream = io.BytesIO()
        book.save(stream)
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "property.survey.history",
                "file": stream.getvalue(),
                "file_name": "history.xlsx",
                "file_type": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        fields = [
            "project_id",
            "month",
            "sample_size",
            "satisfied_count",
            "loyal_count",
        ]
        result = wizard.execute_import(
            fields, fields, {"has_headers": True, "date_format": "%Y-%m-%d"}
        )
        self.assertFalse(result["messages"], result["messages"])
        rows = self.env["property.survey.history"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(rows), 2)
        self.assertAlmostEqual(
            rows.filtered(lambda r: r.month.month == 2).satisfaction_rate, 90.0
        )
        # more satisfied than answered is refused
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env["property.survey.history"].create(
                {
                    "project_id": self.project.id,
                    "month": "2024-03-01",
                    "sample_size": 10,
                    "satisfied_count": 11,
                    "loyal_count": 1,
                }
            )
