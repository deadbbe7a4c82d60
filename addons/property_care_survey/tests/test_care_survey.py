from datetime import date

from freezegun import freeze_time

from odoo.addons.property_survey.tests.common import SurveyCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestCareSurvey(SurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        cls.Touchpoint = cls.env["property.care.touchpoint"]

    def _answer_unit(self, campaign, unit, overall):
        household = campaign.household_ids.filtered(lambda h: h.unit_id == unit)
        household.action_invite_portal()
        return self._answer(household.user_input_id, overall)

    def _winback(self, campaign=None):
        return self.Touchpoint.search(
            [("survey_campaign_id", "=", (campaign or self.campaign).id)]
        )

    def test_closing_gives_each_neutral_household_one_visit(self):
        neutral_a = self._answer_unit(self.campaign, self.a_units[0], 3)
        neutral_b = self._answer_unit(self.campaign, self.b_units[0], 3)
        self._answer_unit(self.campaign, self.a_units[1], 5)
        self._answer_unit(self.campaign, self.a_units[2], 2)
        with freeze_time("2024-08-02"):
            self.campaign.action_close()
        visits = self._winback()
        self.assertEqual(visits.partner_id, neutral_a.partner_id | neutral_b.partner_id)
        self.assertEqual(set(visits.mapped("kind")), {"winback"})
        self.assertEqual(set(visits.mapped("action")), {"visit"})
        by_partner = {v.partner_id: v for v in visits}
        self.assertEqual(by_partner[neutral_a.partner_id].user_id, self.butler_a)
        self.assertEqual(by_partner[neutral_b.partner_id].user_id, self.butler_b)
        self.assertEqual(by_partner[neutral_a.partner_id].deadline, date(2024, 8, 16))
        self.assertEqual(self.campaign.winback_count, 2)
        # closing again (reopen, close) creates nothing twice
        self.campaign.action_reopen()
        self.campaign.action_close()
        self.assertEqual(self._winback(), visits)

    def test_owner_of_two_neutral_homes_gets_a_visit_in_each_grid(self):
        owner = self.a_units[0].owner_ids
        second_home = self.campaign.household_ids.filtered(
            lambda h: h.unit_id == self.b_units[0]
        )
        second_home.partner_id = owner
        self._answer_unit(self.campaign, self.a_units[0], 3)
        self._answer_unit(self.campaign, self.b_units[0], 3)
        with freeze_time("2024-08-02"):
            self.campaign.action_close()
        visits = self._winback()
        self.assertEqual(len(visits), 2, "one visit per household, not per owner")
        self.assertEqual(visits.partner_id, owner)
        by_unit = {v.unit_id: v.user_id for v in visits}
        self.assertEqual(
            by_unit, {self.a_units[0]: self.butler_a, self.b_units[0]: self.butler_b}
        )
        self.assertEqual(self.campaign.winback_count, 2)

    def test_visited_and_next_month_answers_on_the_campaign(self):
        neutral = self._answer_unit(self.campaign, self.a_units[0], 3)
        self.campaign.action_close()
        visit_tp = self._winback()
        self.assertEqual(self.campaign.winback_visited_count, 0)
        visit_tp.action_done()
        self.assertEqual(self.campaign.winback_visited_count, 1)
        august = self.env["property.survey.campaign"].create(
            {
                "project_id": self.project.id,
                "month": "2024-08-01",
                "sample_mode": "fixed",
                "sample_size_fixed": 13,
            }
        )
        # answered next month (a household surveyed in July may be excluded from
        # August's sample, so the answer is recorded for the unit directly)
        self._answer(
            self.survey._create_answer(
                partner=neutral.partner_id,
                check_attempts=False,
                property_campaign_id=august.id,
                property_unit_id=self.a_units[0].id,
            ),
            4,
        )
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.winback_next_answered_count, 1)
        self.assertEqual(self.campaign.winback_next_satisfied_count, 1)
        self.assertTrue(neutral.partner_id)

    def test_visit_score_feeds_the_survey_health_signal(self):
        answer = self._answer_unit(self.campaign, self.a_units[0], 5)
        partner = answer.partner_id
        self.assertEqual(partner._property_survey_last_scores()[partner.id], 5)
        self.env["property.care.visit"].create(
            {"partner_id": partner.id, "score": 2, "date": date.today()}
        )
        self.assertEqual(partner._property_survey_last_scores()[partner.id], 2)
        signals = partner._property_health_signals()[partner.id]
        self.assertIn("survey_low", [code for code, _reason, _points in signals])

    def test_winback_days_is_a_setting(self):
        self.env["res.config.settings"].create(
            {"property_care_survey_winback_days": 3}
        ).execute()
        self._answer_unit(self.campaign, self.a_units[0], 3)
        with freeze_time("2024-08-02"):
            self.campaign.action_close()
        self.assertEqual(self._winback().deadline, date(2024, 8, 5))
