import json
import re

from odoo.addons.property_channel.tests.common import ChannelCase
from odoo.addons.property_survey.tests.common import SurveyCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSurveyChannels(ChannelCase, SurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.action_draw()
        households = cls.campaign.household_ids
        # one household prefers SMS and has no e-mail; another has no contact
        cls.sms_household, cls.call_household = households[:2]
        cls.sms_household.partner_id.write(
            {"email": False, "preferred_channel": "sms", "phone": "13700137000"}
        )
        cls.call_household.partner_id.write({"email": False, "phone": False})

    def test_survey_invitation_by_sms_with_short_link_opening_the_questionnaire(self):
        self.campaign.action_invite_channels()
        self.assertEqual(self.sms_household.channel, "sms")
        self.assertEqual(self.call_household.channel, "phone")
        answer = self.sms_household.user_input_id
        self.assertEqual(answer.property_channel, "sms")
        self._process()
        sms = [r for r in self.standin.sent if r["PhoneNumbers"] == "13700137000"]
        self.assertEqual(len(sms), 1)
        text = json.loads(sms[0]["TemplateParam"])["content"]
        short_url = re.search(r"https?://\S+/r/\w+", text).group(0)
        response = self.url_open(short_url, allow_redirects=False)
        self.assertIn(response.status_code, (301, 302))
        self.assertIn(answer.access_token, response.headers["Location"])
        page = self.url_open(short_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.survey.title, page.text)
        # the other households: e-mail, and a call by the butler
        self.assertEqual(
            set(self.campaign.household_ids.mapped("channel")),
            {"email", "sms", "phone"},
        )
        self.assertTrue(self.call_household.partner_id.activity_ids)

    def test_invited_once(self):
        self.campaign.action_invite_channels()
        self._process()
        self.campaign.action_invite_channels()
        self._process()
        self.assertEqual(
            len([r for r in self.standin.sent if r["PhoneNumbers"] == "13700137000"]), 1
        )
