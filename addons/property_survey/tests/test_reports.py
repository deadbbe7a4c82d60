from freezegun import freeze_time

from odoo.tests import tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestReports(SurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign.sample_size_fixed = 13
        cls.campaign.action_draw()
        cls.households = cls.campaign.household_ids.sorted("id")
        cls.households.action_invite_portal()

    def _fill(self, scores):
        answers = self.env["survey.user_input"]
        for household, (overall, loyalty, reasons) in zip(
            self.households, scores, strict=False
        ):
            answers |= self._answer(household.user_input_id, overall, loyalty, reasons)
        return answers

    def test_rates_per_project_and_month_with_target(self):
        # 10 answers: 7 satisfied, 8 loyal
        self._fill(
            [(5, 5, ())] * 4
            + [(4, 4, ())] * 3
            + [(3, 4, ("parking",))] * 2
            + [(2, 2, ("security",))]
        )
        self.assertAlmostEqual(self.campaign.satisfaction_rate, 70.0)
        self.assertAlmostEqual(self.campaign.loyalty_rate, 90.0)
        result = self.env["property.survey.result"].search(
            [("project_id", "=", self.project.id), ("month", "=", "2024-07-01")]
        )
        self.assertEqual(result.answered_count, 10)
        self.assertAlmostEqual(result.satisfaction_rate, 70.0)
        self.assertAlmostEqual(result.loyalty_rate, 90.0)
        self.assertAlmostEqual(result.satisfaction_target, 85.0)
        self.assertAlmostEqual(result.satisfaction_gap, -15.0)

    def test_campaign_figures_follow_answers_and_filter_campaigns(self):
        answers = self._fill([(5, 5, ())] * 3 + [(2, 4, ("security",))])
        Campaign = self.env["property.survey.campaign"]
        domain = [("project_id", "=", self.project.id)]
        self.assertEqual(
            Campaign.search([*domain, ("satisfaction_rate", ">=", 75)]), self.campaign
        )
        self.assertEqual(self.campaign.loyal_count, 4)
        # an answer deleted: the campaign, its filter and the report follow
        answers[0].unlink()
        self.assertAlmostEqual(self.campaign.satisfaction_rate, 200 / 3, places=1)
        self.assertFalse(Campaign.search([*domain, ("satisfaction_rate", ">=", 75)]))
        result = self.env["property.survey.result"].search(domain)
        self.assertEqual(result.answered_count, 3)
        self.assertAlmostEqual(result.satisfaction_rate, 200 / 3)
        self.assertAlmostEqual(result.loyalty_rate, 100.0)
        groups = Campaign._read_group(domain, ["month:month"], ["answered_count:sum"])
        self.assertEqual(groups[0][1], 3)

    def test_trend_includes_imported_history(self):
        self.env["property.survey.history"].create(
            {
                "project_id": self.project.id,
                "month": "2024-06-01",
                "sample_size": 50,
                "satisfied_count": 40,
                "loyal_count": 45,
            }
        )
        self._fill([(5, 5, ())] * 2)
        groups = self.env["property.survey.result"]._read_group(
            [("project_id", "=", self.project.id)],
            ["month:month"],
            ["satisfaction_rate:avg"],
        )
        trend = {month.strftime("%Y-%m"): rate for month, rate in groups}
        self.assertEqual(trend, {"2024-06": 80.0, "2024-07": 100.0})

    def test_rate_per_dimension(self):
        answers = self._fill([(4, 4, ())] * 3)
        parking = self._question("dimension", "parking")
        for answer, score in zip(answers, (5, 4, 2), strict=True):
            answer._save_lines(parking, score)
        groups = self.env["survey.user_input.line"]._read_group(
            [
                ("property_role", "=", "dimension"),
                ("property_project_id", "=", self.project.id),
            ],
            ["property_dimension_id"],
            ["property_satisfied_pct:avg"],
        )
        rates = {dimension.code: rate for dimension, rate in groups}
        self.assertAlmostEqual(rates["parking"], 200 / 3)

    def test_pareto_shares_and_vital_few(self):
        self._fill(
            [(2, 2, ("parking", "cleaning"))] * 4
            + [(3, 3, ("parking",))] * 2
            + [(3, 3, ("security",))]
            + [(3, 3, ("greening",))]
        )
        self._answer(
            self.households[8].user_input_id,
            2,
            2,
            ("parking",),
            comment="Noise at night",
        )
        pareto = self.env["property.survey.pareto"].create(
            {
                "project_id": self.project.id,
                "date_from": "2024-07-01",
                "date_to": "2024-07-31",
            }
        )
        pareto.action_compute()
        lines = pareto.line_ids.sorted("sequence")
        # parking 7, cleaning 4, security 1, greening 1, other 1 = 14
        self.assertEqual(lines.mapped("count"), [7, 4, 1, 1, 1])
        self.assertEqual(lines[0].reason, "Parking")
        self.assertAlmostEqual(sum(lines.mapped("share")), 100.0)
        self.assertAlmostEqual(lines[-1].cumulative_share, 100.0)
        self.assertAlmostEqual(lines[1].cumulative_share, 1100 / 14)
        # parking (50 %) and cleaning (78.6 %) and security (85.7 %) reach 80 %
        self.assertEqual(lines.mapped("vital"), [True, True, True, False, False])
        self.assertIn("Other", lines[-1].reason + lines[-2].reason + lines[-3].reason)
        action = self.campaign.action_open_pareto()
        from_campaign = self.env["property.survey.pareto"].browse(action["res_id"])
        self.assertEqual(from_campaign.line_ids.mapped("count"), [7, 4, 1, 1, 1])
        html = self.env["ir.actions.report"]._render_qweb_html(
            "property_survey.action_report_property_survey_pareto", pareto.ids
        )[0]
        self.assertIn(b"Parking", html)

    def test_target_calculator_worked_example(self):
        self._fill([(5, 5, ())] * 7 + [(3, 3, ())] * 4 + [(2, 2, ())] * 2)
        # 13 answers, 7 satisfied: 85 % x 13 = 11.05 -> 12 -> 5 to win back
        wizard = self.env["property.survey.target.wizard"].create(
            {"campaign_id": self.campaign.id, "target_rate": 85}
        )
        self.assertEqual(wizard.answered_count, 13)
        self.assertEqual(wizard.satisfied_count, 7)
        self.assertEqual(wizard.neutral_count, 4)
        self.assertEqual(wizard.needed_count, 5)
        self.assertIn("rounded up to 12", wizard.explanation)
        self.assertIn("households scoring 1-2", wizard.explanation)
        work_list = self.env["survey.user_input"].search(
            wizard.action_work_list()["domain"]
        )
        self.assertEqual(len(work_list), 4)
        self.assertEqual(set(work_list.mapped("property_overall_score")), {3})
        wizard.target_rate = 50
        self.assertEqual(wizard.needed_count, 0)
        self.assertIn("is reached", wizard.explanation)
        self.assertEqual(wizard._needed(20, 14, 85), 3)

    @freeze_time("2024-08-02")
    def test_kpis_measured(self):
        self._fill([(5, 5, ())] * 3 + [(3, 4, ())])
        kpis = self.env["property.kpi"].search(
            [("code", "in", ("satisfaction", "loyalty"))]
        )
        self.assertTrue(all(kpis.mapped("is_measured")))
        kpis._snapshot(self.campaign.month)
        values = self.env["property.kpi.value"].search(
            [("kpi_id", "in", kpis.ids), ("project_id", "=", self.project.id)]
        )
        by_code = {v.kpi_id.code: v for v in values}
        self.assertAlmostEqual(by_code["satisfaction"].value, 75.0)
        self.assertFalse(by_code["satisfaction"].on_target)
        self.assertAlmostEqual(by_code["loyalty"].value, 100.0)
        self.assertTrue(by_code["loyalty"].on_target)

    def test_health_signal_from_last_score(self):
        self._fill([(2, 2, ())] + [(5, 5, ())])
        low, high = self.households[0].partner_id, self.households[1].partner_id
        (low | high)._compute_property_health()
        self.assertEqual(low.health_score, 80 - 15)
        self.assertIn("Last satisfaction score 2", low.health_reasons)
        self.assertEqual(high.health_score, 80 + 5)
        self.env["ir.config_parameter"].sudo().set_param(
            "property_survey.health_points_low", -40
        )
        low._compute_property_health()
        self.assertEqual(low.health_level, "at_risk")

    def test_inspection_weighted_score_and_weak_items(self):
        checklist = self.env.ref("property_survey.survey_inspection_sales_site")
        inspection = self.env["property.survey.inspection"].create(
            {
                "survey_id": checklist.id,
                "project_id": self.project.id,
                "date": "2024-07-10",
            }
        )
        inspection.action_start()
        answer = inspection.user_input_id
        questions = checklist.question_ids.sorted("sequence")
        for question in questions:
            worst = question.suggested_answer_ids.sorted("answer_score")[0]
            best = question.suggested_answer_ids.sorted("answer_score")[-1]
            answer._save_lines(
                question, (worst if question == questions[0] else best).id
            )
        answer._mark_done()
        weight = max(questions[0].suggested_answer_ids.mapped("answer_score"))
        total = sum(
            max(q.suggested_answer_ids.mapped("answer_score")) for q in questions
        )
        self.assertAlmostEqual(
            inspection.score, round(100 * (total - weight) / total, 2)
        )
        self.assertTrue(inspection.weak_items.startswith(questions[0].title))
        self.assertEqual(inspection.touchpoint, checklist.property_touchpoint)

    def test_demo_inspection_is_scored_with_its_weak_items(self):
        inspection = self.env.ref(
            "property_survey.inspection_sales_site_demo", raise_if_not_found=False
        )
        if not inspection:
            self.skipTest("demo data not installed")
        self.assertEqual(inspection.state, "done")
        self.assertTrue(0 < inspection.score < 100)
        weak = inspection.weak_items.splitlines()
        self.assertTrue(weak[0].startswith("Restrooms clean and stocked: 0 / 10"))
        self.assertTrue(weak[1].startswith("Sales hall clean"))
        self.assertEqual(len(weak), 2)
