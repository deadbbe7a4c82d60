from datetime import date

import numpy as np

from odoo.tests import freeze_time, tagged

from .common import InsightCommon


@tagged("post_install", "-at_install")
class TestPlantedSignal(InsightCommon):
    def test_backtest_finds_the_signal_and_beats_health(self):
        self.env["property.insight.feature"]._build_history(date(2025, 1, 1))
        backtest = self.env["property.insight.backtest"]._run(date(2025, 1, 1))[0]
        self.assertGreaterEqual(backtest.auc, 0.75)
        self.assertGreater(backtest.auc, backtest.health_auc)
        self.assertTrue(backtest.beats_health)
        self.assertTrue(backtest.use_for_work_list)
        # every month with answers and something earlier to learn from
        self.assertEqual(
            backtest.month_ids.mapped("month"),
            [date(2024, month, 1) for month in range(2, 13)],
        )
        # the demo data's own answers (all-together run) may add to these months
        self.assertGreaterEqual(backtest.sample_count, 11 * self.sample)
        self.assertGreater(backtest.precision_10, backtest.observed_rate)
        # prior-corrected: the predicted share is near the observed one
        self.assertAlmostEqual(
            backtest.mean_predicted, backtest.observed_rate, delta=10
        )
        self.assertIn(
            "Relationship changes in 12 months", backtest.weights.split("\n")[0]
        )

    def test_no_feature_uses_the_future(self):
        """Shuffling every answer and adding relationship changes from the
        scored month on changes neither the features nor the scores."""
        month = date(2024, 9, 1)
        backtest_model = self.env["property.insight.backtest"]
        feature_model = self.env["property.insight.feature"]
        names = feature_model._insight_feature_fields()

        def scores():
            feature_model._build_history(month)
            backtest, model = backtest_model._run(month)
            features = feature_model.search([("month", "=", month)], order="unit_id")
            x = np.array([[f[name] for name in names] for f in features])
            return backtest.auc, x, model.predict(x)

        auc, x, predicted = scores()
        later = self.campaigns.filtered(lambda c: c.month >= month)
        households = later.household_ids
        shuffled = households.mapped("overall_score")
        np.random.default_rng(7).shuffle(shuffled)
        for score in set(shuffled):
            households.filtered(
                lambda h, s=score: shuffled[households.ids.index(h.id)] == s
            ).overall_score = 6 - score
        self.env["property.relationship.history"].sudo().create(
            [
                {
                    "partner_id": owner.id,
                    "new_category": "black",
                    "reason": "future",
                    "date": "2024-09-01 00:00:00",
                }
                for owner in self.owners[1::3]
            ]
        )
        auc_after, x_after, predicted_after = scores()
        self.assertEqual(auc_after, auc)
        np.testing.assert_array_equal(x_after, x)
        np.testing.assert_allclose(predicted_after, predicted)


@tagged("post_install", "-at_install")
class TestNoSignal(InsightCommon):
    signal = False

    def test_guessing_model_drives_no_work_list(self):
        risk_model = self.env["property.insight.risk"]
        # this month's rows only: the demo data scores its own current month
        january = [("month", "=", date(2025, 1, 1))]
        backtest = risk_model._score_month(date(2025, 1, 1))
        self.assertAlmostEqual(backtest.auc, 0.5, delta=0.08)
        self.assertFalse(backtest.beats_health)
        self.assertFalse(backtest.use_for_work_list)
        self.assertFalse(risk_model.search(january))
        with freeze_time("2025-01-15"):
            action = risk_model.with_user(self.manager).action_score_this_month()
        self.assertEqual(action["res_model"], "property.insight.backtest")
        self.assertFalse(risk_model.search(january))
        # the manager may force it from the Settings
        self.env["ir.config_parameter"].sudo().set_param(
            "property_insight.allow_weak_model", "True"
        )
        backtest = risk_model._score_month(date(2025, 1, 1))
        self.assertTrue(backtest.use_for_work_list)
        self.assertEqual(risk_model.search_count(january), self.households)
