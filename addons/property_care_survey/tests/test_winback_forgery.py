from odoo.addons.property_survey.tests.common import SurveyCommon
from odoo.exceptions import AccessError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestWinbackForgery(SurveyCommon):
    """Issue 18: a butler cannot inflate a campaign's win-back figures."""

    def test_butler_cannot_make_a_winback_visit(self):
        Touchpoint = self.env["property.care.touchpoint"].with_user(self.butler_a)
        owner = self.a_units[0].owner_ids
        with self.assertRaises(AccessError):
            Touchpoint.create(
                {
                    "name": "Win-back",
                    "partner_id": owner.id,
                    "kind": "winback",
                    "survey_campaign_id": self.campaign.id,
                }
            )
        touchpoint = Touchpoint.create({"name": "Call", "partner_id": owner.id})
        for vals in ({"kind": "winback"}, {"survey_campaign_id": self.campaign.id}):
            with self.assertRaises(AccessError):
                touchpoint.write(vals)
        self.assertFalse(self.campaign.winback_touchpoint_ids)
