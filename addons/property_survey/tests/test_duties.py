from odoo import http
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyDuties(SurveyCommon):
    """Invitations and interviews belong to the customer-service centre."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        cls.household_a = cls.campaign.household_ids.filtered(
            lambda h: h.unit_id == cls.a_units[0]
        )
        cls.household_b = cls.campaign.household_ids.filtered(
            lambda h: h.unit_id == cls.b_units[0]
        )
        cls.interviewer = new_test_user(
            cls.env,
            login="interviewer",
            groups="property_survey.property_survey_group_interviewer",
        )

    def test_butler_cannot_invite_nor_interview_his_households(self):
        """The butler's RPC calls that used to hand him the answer token."""
        household = self.household_a.with_user(self.butler_a)
        with self.assertRaisesRegex(AccessError, "customer-service centre"):
            household.action_phone_interview()
        with self.assertRaisesRegex(AccessError, "customer-service centre"):
            household.action_invite_portal()
        with self.assertRaisesRegex(AccessError, "customer-service centre"):
            self.campaign.with_user(self.butler_a).action_invite()
        with self.assertRaisesRegex(AccessError, "customer-service centre"):
            self.campaign.with_user(self.butler_a).action_draw()
        self.assertFalse(self.campaign.household_ids.user_input_id)
        self.assertEqual(self.campaign.state, "drawn")

    def test_interviewer_interviews_any_grid(self):
        household = self.household_a.with_user(self.interviewer)
        action = household.action_phone_interview()
        answer = self.household_a.user_input_id
        self.assertIn(answer.access_token, action["url"])
        self.assertEqual(answer.property_channel, "phone")
        self.assertEqual(answer.property_interviewer_id, self.interviewer)
        self.assertEqual(self.campaign.state, "inviting")
        self.household_b.with_user(self.interviewer).action_invite_portal()
        self.assertEqual(self.household_b.user_input_id.property_channel, "portal")
        self.campaign.with_user(self.interviewer).action_invite()
        self.assertEqual(self.campaign.invited_count, 13)

    def test_no_interview_by_the_households_own_grid_chain(self):
        # an interviewer who is also the butler of building B
        self.building_b.butler_id = self.interviewer
        with self.assertRaisesRegex(AccessError, "your own grid"):
            self.household_b.with_user(self.interviewer).action_phone_interview()
        self.assertFalse(self.household_b.user_input_id)
        # the officer heading the project's service is in every grid's chain
        self.project.service_head_id = self.officer
        with self.assertRaisesRegex(AccessError, "your own grid"):
            self.household_a.with_user(self.officer).action_phone_interview()
        self.household_a.with_user(self.interviewer).action_phone_interview()
        self.assertEqual(
            self.household_a.user_input_id.property_interviewer_id, self.interviewer
        )
        # the setting lets a small team interview its own grid
        self.env["res.config.settings"].create(
            {"property_survey_interview_own_grid_allowed": True}
        ).execute()
        self.household_b.with_user(self.interviewer).action_phone_interview()
        self.assertEqual(
            self.household_b.user_input_id.property_interviewer_id, self.interviewer
        )

    def test_owner_and_staff_entered_rates_side_by_side(self):
        self.household_a.action_invite_portal()
        self._answer(self.household_a.user_input_id, 5, 5)
        households = self.campaign.household_ids - self.household_a
        for household, score in zip(households[:2], (2, 5), strict=True):
            household.with_user(self.interviewer).action_phone_interview()
            self._answer(household.user_input_id, score, score)
        self.assertAlmostEqual(self.campaign.satisfaction_rate, 66.7, places=1)
        self.assertEqual(self.campaign.owner_answered_count, 1)
        self.assertEqual(self.campaign.owner_satisfaction_rate, 100.0)
        self.assertEqual(self.campaign.staff_answered_count, 2)
        self.assertEqual(self.campaign.staff_satisfaction_rate, 50.0)

    def test_opt_out_only_by_an_officer_with_a_reason(self):
        owner = self.a_units[1].owner_ids
        with self.assertRaises(AccessError):
            owner.with_user(self.butler_a).write(
                {"property_survey_opt_out": True, "property_survey_opt_out_reason": "x"}
            )
        with self.assertRaises(AccessError):
            owner.with_user(self.butler_a).read(["property_survey_opt_out"])
        with self.assertRaisesRegex(ValidationError, "Say why"):
            owner.with_user(self.officer).property_survey_opt_out = True
        owner.with_user(self.officer).write(
            {
                "property_survey_opt_out": True,
                "property_survey_opt_out_reason": "Asked on the phone",
            }
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = owner.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "property_survey_opt_out_reason"
        )
        self.assertEqual(tracked.new_value_char, "Asked on the phone")
        self.assertEqual(tracked.mail_message_id.author_id, self.officer.partner_id)
        # the next draw no longer samples them
        self.campaign.action_draw()
        self.assertNotIn(self.a_units[1], self.campaign.household_ids.unit_id)


@tagged("post_install", "-at_install")
class TestSurveyOptOutPortal(SurveyCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        cls.campaign.action_invite()
        cls.answer = cls.campaign.household_ids.filtered(
            lambda h: h.unit_id == cls.a_units[2]
        ).user_input_id
        cls.owner = cls.a_units[2].owner_ids

    def test_owner_opts_out_from_the_invitation_link(self):
        link = f"/survey/property/opt-out/{self.answer.access_token}"
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.owner.ids)], limit=1
        )
        self.assertIn(link, mail.body_html)
        # anonymous, from the e-mail: GET only asks
        self.authenticate(None, None)
        page = self.url_open(link)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Stop surveying me", page.text)
        self.assertFalse(self.owner.property_survey_opt_out)
        page = self.url_open(link, data={"csrf_token": http.Request.csrf_token(self)})
        self.assertEqual(page.status_code, 200)
        self.assertIn("will not be asked", page.text)
        self.assertTrue(self.owner.property_survey_opt_out)
        self.assertIn("invitation", self.owner.property_survey_opt_out_reason)
        # a made-up token finds nobody
        other = self.url_open(
            "/survey/property/opt-out/not-a-token",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(other.status_code, 404)

    def test_portal_page_offers_the_opt_out(self):
        self.authenticate("owner_portal", "owner_portal")
        own = self.campaign.household_ids.filtered(
            lambda h: h.partner_id == self.owner_user.partner_id
        ).user_input_id
        page = self.url_open("/my/satisfaction")
        self.assertIn(f"/survey/property/opt-out/{own.access_token}", page.text)
