from odoo.tests import new_test_user, tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestSurveyRecordRules(SurveyCommon):
    """Issue 18: a campaign's exclusions are read only by its project's staff."""

    def test_exclusions_of_other_projects_are_hidden(self):
        self.campaign.action_draw()
        Exclusion = self.env["property.survey.exclusion"]
        rows = Exclusion.search([("campaign_id", "=", self.campaign.id)])
        self.assertTrue(rows)
        self.assertEqual(Exclusion.with_user(self.butler_a).search([]), rows)
        stranger = new_test_user(
            self.env,
            login="butler_elsewhere",
            groups="property_base.property_base_group_butler",
        )
        other = self.env["property.project"].create({"name": "Elsewhere", "code": "EW"})
        self.env["property.building"].create(
            {"name": "E1", "project_id": other.id, "butler_id": stranger.id}
        )
        self.assertFalse(Exclusion.with_user(stranger).search([]))
        # the officer reads every project's exclusions, this campaign's among them
        officer_rows = Exclusion.with_user(self.officer).search([])
        self.assertEqual(officer_rows & rows, rows)
