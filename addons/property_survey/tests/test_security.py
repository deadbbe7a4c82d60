from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestSecurity(SurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        sampled = cls.campaign.household_ids
        sampled.action_invite_portal()
        cls.household_a = sampled.filtered(lambda h: h.building_id == cls.building_a)[0]
        cls.household_b = sampled.filtered(lambda h: h.building_id == cls.building_b)[0]
        cls.answer_a = cls._answer(cls.household_a.user_input_id, 5, 5)
        cls.answer_b = cls._answer(cls.household_b.user_input_id, 2, 2)

    def test_butler_sees_status_of_own_grid_only(self):
        Household = self.env["property.survey.household"].with_user(self.butler_a)
        visible = Household.search([("campaign_id", "=", self.campaign.id)])
        self.assertTrue(visible)
        self.assertEqual(visible.building_id, self.building_a)
        mine = Household.browse(self.household_a.id)
        self.assertEqual(mine.answer_status, "answered")
        self.assertEqual(mine.overall_score, 5)
        with self.assertRaises(AccessError):
            Household.browse(self.household_b.id).overall_score  # noqa: B018
        # the campaign is visible, its strata only for the butler's building
        campaign = self.campaign.with_user(self.butler_a)
        self.assertEqual(campaign.name, self.campaign.name)
        self.assertEqual(
            self.env["property.survey.stratum"]
            .with_user(self.butler_a)
            .search([("campaign_id", "=", self.campaign.id)])
            .building_id,
            self.building_a,
        )

    def test_butler_sees_excluded_households_of_own_grid_only(self):
        # base's vacant unit 102 is in A, its signed unit 101 in B
        Excluded = self.env["property.survey.excluded.household"]
        self.assertEqual(
            Excluded.search([("campaign_id", "=", self.campaign.id)]).unit_id,
            self.unit_a2 | self.unit_b1,
        )
        mine = Excluded.with_user(self.butler_a).search(
            [("campaign_id", "=", self.campaign.id)]
        )
        self.assertEqual(mine.unit_id, self.unit_a2)
        self.assertEqual(mine.exclusion_rule, "vacant")
        with self.assertRaises(AccessError):
            Excluded.with_user(self.butler_a).create(
                {"campaign_id": self.campaign.id, "unit_id": self.unit_a1.id}
            )

    def test_butler_cannot_read_answers(self):
        with self.assertRaises(AccessError):
            self.answer_b.with_user(self.butler_a).property_overall_score  # noqa: B018
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.butler_a).search([])
        with self.assertRaises(AccessError):
            self.household_a.with_user(self.butler_a).write({"overall_score": 1})
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.butler_a).action_draw()

    def test_officer_reads_answers_not_other_surveys(self):
        answers = (
            self.env["survey.user_input"]
            .with_user(self.officer)
            .search([("property_campaign_id", "=", self.campaign.id)])
        )
        self.assertEqual(len(answers), 13)
        other_survey = self.env["survey.survey"].create({"title": "HR appraisal"})
        other_answer = other_survey._create_answer(partner=self.owner_b)
        with self.assertRaises(AccessError):
            other_answer.with_user(self.officer).read(["state"])

    def test_exclusion_rules_only_managers_switch(self):
        rule = self.env.ref("property_survey.exclusion_rule_vacant")
        with self.assertRaises(AccessError):
            rule.with_user(self.officer).enabled = False
        rule.with_user(self.manager).enabled = False
        self.assertFalse(rule.enabled)


@tagged("post_install", "-at_install")
class TestPortal(SurveyCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        sampled = cls.campaign.household_ids
        sampled.action_invite_portal()
        cls.own = sampled.filtered(lambda h: h.partner_id == cls.owner_user.partner_id)
        cls.other = sampled.filtered(lambda h: h.unit_id == cls.a_units[1])

    def test_owner_sees_only_own_questionnaire(self):
        self.authenticate("owner_portal", "owner_portal")
        page = self.url_open("/my/satisfaction")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/satisfaction/{self.own.user_input_id.id}", page.text)
        self.assertNotIn(f"/my/satisfaction/{self.other.user_input_id.id}", page.text)
        self.assertNotIn(self.other.user_input_id.access_token, page.text)

        response = self.url_open(
            f"/my/satisfaction/{self.own.user_input_id.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn(self.own.user_input_id.access_token, response.headers["Location"])

        response = self.url_open(
            f"/my/satisfaction/{self.other.user_input_id.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)

    def test_owner_answers_own_questionnaire_in_the_browser(self):
        """/my → Satisfaction Survey → Answer → the questionnaire (browser
        tour): the owner's household is answered with the scores clicked."""
        self.start_tour(
            "/my", "property_survey_portal_questionnaire", login="owner_portal"
        )
        answer = self.own.user_input_id
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.property_channel, "portal")
        self.assertTrue(self.own.answered)
        self.assertEqual(self.own.overall_score, 4)
        self.assertTrue(answer.property_satisfied)
        self.assertTrue(answer.property_loyal)
        self.assertFalse(self.other.answered)
        self.assertEqual(self.campaign.answered_count, 1)

    def test_home_counter(self):
        self.authenticate("owner_portal", "owner_portal")
        response = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["property_survey_count"]}
        )
        self.assertEqual(response["property_survey_count"], 1)

    def test_done_questionnaire_leaves_the_portal(self):
        self._answer(self.own.user_input_id, 4, 4)
        self.authenticate("owner_portal", "owner_portal")
        page = self.url_open("/my/satisfaction")
        self.assertIn("no questionnaire to answer", page.text)

    def test_interviewer_fills_owner_questionnaire_others_cannot(self):
        household = self.other
        household.user_input_id.unlink()
        household.with_user(self.officer).action_phone_interview()
        answer = household.user_input_id
        url = f"{answer.survey_id.get_start_url()}?answer_token={answer.access_token}"
        form = f'data-answer-token="{answer.access_token}"'
        self.authenticate("officer", "officer")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(form, page.text)
        # the owner of another household, logged in, cannot open it
        self.authenticate("owner_portal", "owner_portal")
        page = self.url_open(url)
        self.assertNotIn(form, page.text)
