from odoo.addons.property_base.tests.common_tour import ChineseTourCase
from odoo.tests import tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyStaffTours(SurveyCommon, ChineseTourCase):
    """Survey jobs as staff click them in the Chinese web client."""

    tour_modules = ("property_base", "property_survey")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._speak_chinese(cls.officer)

    def test_monthly_campaign_drawn_invited_with_pareto_and_target(self):
        self.start_tour(
            "/odoo/action-property_survey.property_survey_campaign_action",
            "property_survey_monthly_campaign",
            login="officer",
            timeout=180,
        )
        campaign = self.env["property.survey.campaign"].search(
            [("project_id", "=", self.project.id), ("month", "=", "2024-08-01")]
        )
        self.assertEqual(campaign.state, "inviting")
        self.assertEqual(campaign.sample_size, 6)
        self.assertEqual(campaign.invited_count, 6)
        pareto = self.env["property.survey.pareto"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(pareto), 1)
        self.assertEqual(str(pareto.date_from), "2024-08-01")
