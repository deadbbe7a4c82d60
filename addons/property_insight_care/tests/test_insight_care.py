from datetime import date

from odoo.addons.property_insight.tests.common import InsightCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestInsightCare(InsightCommon):
    def test_care_features_as_of_each_month(self):
        unit, owner = self.units[0], self.owners[0]
        self.env["property.care.touchpoint"].create(
            {
                "name": "Yearly visit",
                "partner_id": owner.id,
                "unit_id": unit.id,
                "due_date": "2024-10-01",
                "deadline": "2024-10-15",
                "state": "planned",
            }
        )
        touchpoint = self.env["property.care.touchpoint"].search(
            [("partner_id", "=", owner.id), ("name", "=", "Yearly visit")]
        )
        touchpoint.write({"state": "done"})
        touchpoint.write({"done_date": "2024-12-05"})
        self.env["property.care.visit"].create(
            {
                "partner_id": owner.id,
                "unit_id": unit.id,
                "date": "2024-10-20",
                "score": 2,
            }
        )
        features = self.env["property.insight.feature"]
        features._build(date(2024, 10, 1), date(2025, 2, 1))
        rows = {f.month: f for f in features.search([("unit_id", "=", unit.id)])}
        got = {
            month: (
                row.care_overdue_3m,
                row.care_visits_12m,
                row.care_days_since_visit,
                row.care_last_visit_score,
            )
            for month, row in rows.items()
        }
        self.assertEqual(
            got,
            {
                date(2024, 10, 1): (0, 0, 366, 0),
                # overdue at the start of November and December (done on
                # 5 December), no longer in January
                date(2024, 11, 1): (1, 1, 12, 2),
                date(2024, 12, 1): (1, 1, 42, 2),
                date(2025, 1, 1): (0, 1, 73, 2),
                date(2025, 2, 1): (0, 1, 104, 2),
            },
        )

    def test_one_proactive_touchpoint_per_household_and_month(self):
        month = date(2024, 12, 1)
        self.butlers[0].lang = "zh_CN"
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_insight", "property_insight_care"], ["zh_CN"]
        )
        risk_model = self.env["property.insight.risk"]
        risk_model._score_month(month)
        work_list = risk_model.search(
            [("month", "=", month), ("in_work_list", "=", True)]
        )
        self.assertTrue(work_list)
        touchpoints = self.env["property.care.touchpoint"].search(
            [("kind", "=", "insight")]
        )
        self.assertEqual(touchpoints.insight_risk_id, work_list)
        self.assertEqual(len(touchpoints), len(work_list))
        for touchpoint in touchpoints:
            risk = touchpoint.insight_risk_id
            self.assertEqual(touchpoint.user_id, risk.building_id.butler_id)
            self.assertEqual(touchpoint.partner_id, risk.partner_id)
            # relationship changes drive these risks: a care visit
            self.assertEqual(touchpoint.action, "visit")
            self.assertTrue(touchpoint.activity_ids)
        first_grid = touchpoints.filtered(lambda t: t.user_id == self.butlers[0])
        self.assertEqual(set(first_grid.mapped("name")), {"预警：关怀拜访"})
        self.assertIn("预计满意度调查不满意的风险", first_grid[0].description)
        # rerun: nothing new
        risk_model._score_month(month)
        risk_model._create_touchpoints(month)
        self.assertEqual(
            self.env["property.care.touchpoint"].search_count(
                [("kind", "=", "insight")]
            ),
            len(work_list),
        )
