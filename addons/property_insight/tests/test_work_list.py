from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import InsightCommon


@tagged("post_install", "-at_install")
class TestWorkList(InsightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month = date(2024, 12, 1)
        cls.env["ir.config_parameter"].sudo().set_param(
            "property_insight.work_list_size", 5
        )
        cls.backtest = cls.env["property.insight.risk"]._score_month(cls.month)
        cls.risks = cls.env["property.insight.risk"].search([("month", "=", cls.month)])

    def test_every_household_scored_with_reasons(self):
        self.assertTrue(self.backtest.use_for_work_list)
        self.assertEqual(len(self.risks), self.households)
        work_list = self.risks.filtered("in_work_list")
        for building in self.buildings:
            grid = work_list.filtered(lambda r, b=building: r.building_id == b)
            self.assertEqual(sorted(grid.mapped("grid_rank")), [1, 2, 3, 4, 5])
            self.assertEqual(grid.butler_id, building.butler_id)
            others = (self.risks - work_list).filtered(
                lambda r, b=building: r.building_id == b
            )
            self.assertGreaterEqual(
                min(grid.mapped("risk")), max(others.mapped("risk"))
            )
        top = work_list.sorted("risk", reverse=True)[0]
        self.assertEqual(top.driver, "relationship")
        self.assertIn("Relationship changes in 12 months: ", top.reasons)
        # read by a Chinese butler: in Chinese
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_insight"], ["zh_CN"])
        self.assertIn("近12个月关系变更次数: ", top.with_context(lang="zh_CN").reasons)

    def test_rerun_creates_nothing(self):
        before = {r.unit_id.id: (r.risk, r.in_work_list) for r in self.risks}
        self.env["property.insight.risk"]._score_month(self.month)
        after = self.env["property.insight.risk"].search([("month", "=", self.month)])
        self.assertEqual(len(after), len(self.risks))
        self.assertEqual(
            {r.unit_id.id: (r.risk, r.in_work_list) for r in after}, before
        )

    def test_campaign_shows_whether_predicted_households_were_unhappy(self):
        campaign = self.campaigns.filtered(lambda c: c.month == self.month)
        predicted = self.risks.filtered("in_work_list")
        answered = campaign.household_ids.filtered(
            lambda h: h.unit_id in predicted.unit_id
        )
        self.assertEqual(campaign.insight_predicted_count, len(answered))
        self.assertEqual(
            campaign.insight_predicted_unhappy_count,
            len(answered.filtered(lambda h: h.overall_score <= 3)),
        )
        outcomes = predicted.filtered(lambda r: r.unit_id in answered.unit_id)
        self.assertEqual(
            set(outcomes.mapped("outcome")) - {"unhappy", "satisfied"}, set()
        )
        # the predicted households were unhappy more often than the others
        everyone = campaign.household_ids
        self.assertGreater(
            campaign.insight_predicted_unhappy_count / campaign.insight_predicted_count,
            len(everyone.filtered(lambda h: h.overall_score <= 3)) / len(everyone),
        )

    def test_butler_sees_only_own_grid_and_cannot_score(self):
        butler = self.butlers[0]
        seen = self.env["property.insight.risk"].with_user(butler).search([])
        self.assertEqual(seen.building_id, self.buildings[0])
        self.assertEqual(len(seen), self.households // 3)
        with self.assertRaises(AccessError):
            self.env["property.insight.risk"].with_user(
                butler
            ).action_score_this_month()
        with self.assertRaises(AccessError):
            self.env["property.insight.backtest"].with_user(butler).search([])
        with self.assertRaises(AccessError):
            self.risks[0].with_user(self.manager).write({"risk": 0})

    def test_settings_refuse_nonsense(self):
        for field, value in [
            ("property_insight_history_months", 0),
            ("property_insight_min_auc_percent", 120),
            ("property_insight_work_list_size", -1),
            ("property_insight_unhappy_max_score", 9),
        ]:
            with self.subTest(field=field), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({field: value})
