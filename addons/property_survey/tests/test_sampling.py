from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SurveyCommon


@tagged("post_install", "-at_install")
class TestSampling(SurveyCommon):
    def _households(self, campaign, state):
        if state == "excluded":
            return campaign.excluded_household_ids
        return campaign.household_ids

    def test_exclusions_stored_with_rule_and_counted(self):
        # base's unit 102 of building A is vacant, unit 101 of B only signed;
        # base's unit 101 of A (owner with phone) is eligible
        self.campaign.action_draw()
        excluded = self._households(self.campaign, "excluded")
        rules = {h.unit_id: h.exclusion_rule for h in excluded}
        self.assertEqual(rules[self.unit_a2], "vacant")
        self.assertEqual(rules[self.unit_b1], "not_handed_over")
        # each excluded household is listed with its building and respondent
        not_handed_over = excluded.filtered(lambda h: h.unit_id == self.unit_b1)
        self.assertEqual(not_handed_over.building_id, self.building_b)
        self.assertEqual(not_handed_over.partner_id, self.owner_b)
        self.assertEqual(not_handed_over.project_id, self.project)
        self.assertFalse(excluded.filtered(lambda h: h.unit_id == self.unit_a1))
        self.assertEqual(self.campaign.excluded_count, 2)
        self.assertEqual(self.campaign.eligible_count, 13)
        self.assertEqual(self.campaign.population_count, 15)
        self.assertIn("Vacant: 1", self.campaign.exclusion_summary)
        self.assertIn("Not handed over: 1", self.campaign.exclusion_summary)
        self.assertEqual(self.campaign.state, "drawn")
        self.assertEqual(self.campaign.sample_size, 6)

    def test_draw_audit_in_company_language(self):
        """The draw, in English for the user who clicks, writes its rules and
        its chatter note in the language of the company's staff: labels, not
        codes."""
        load_zh_cn(self.env, ["property_survey"])
        self.campaign.company_id.partner_id.lang = "zh_CN"
        self.campaign.with_context(lang="en_US").action_draw()
        self.assertNotIn("not_handed_over", self.campaign.draw_rules)
        self.assertIn("未交付", self.campaign.draw_rules)
        note = self.campaign.message_ids[:1]
        self.assertIn(
            f"已用种子 {self.campaign.seed} 抽样："
            "从 13 户符合条件住户中抽取 6 户，排除 2 户",
            note.body,
        )
        self.assertIn("未交付: 1", note.body)

    def test_excluded_households_listed_searched_and_counted_by_rule(self):
        self.a_units[0].owner_ids.write({"phone": False, "email": False})
        self.campaign.action_draw()
        action = self.campaign.action_view_excluded()
        Excluded = self.env[action["res_model"]]
        listed = Excluded.search(action["domain"])
        self.assertEqual(
            set(listed.unit_id.ids),
            {self.unit_a2.id, self.unit_b1.id, self.a_units[0].id},
        )
        counts = dict(
            Excluded._read_group(action["domain"], ["exclusion_rule"], ["__count"])
        )
        self.assertEqual(counts, {"not_handed_over": 1, "vacant": 1, "no_contact": 1})
        found = Excluded.search(
            [*action["domain"], ("partner_id", "=", self.owner_b.id)]
        )
        self.assertEqual(found.unit_id, self.unit_b1)
        self.assertEqual(found.exclusion_rule, "not_handed_over")
        # a second draw replaces the list, never adds to it
        self.campaign.action_draw()
        self.assertEqual(Excluded.search_count(action["domain"]), 3)
        self.assertEqual(self.campaign.excluded_count, 3)
        self.assertIn("No contact channel: 1", self.campaign.exclusion_summary)

    def test_no_contact_opt_out_and_black_rules(self):
        self.a_units[0].owner_ids.write({"phone": False, "email": False})
        self.a_units[1].owner_ids.property_survey_opt_out = True
        black = self.a_units[2].owner_ids
        black.write({"relationship_category": "black", "relationship_reason": "Fees"})
        self.campaign.action_draw()
        rules = {
            h.unit_id: h.exclusion_rule for h in self.campaign.excluded_household_ids
        }
        self.assertEqual(rules[self.a_units[0]], "no_contact")
        self.assertEqual(rules[self.a_units[1]], "opted_out")
        # the black-customer rule is off by default: the household stays eligible
        self.assertNotEqual(rules.get(self.a_units[2]), "black_customer")
        self.assertEqual(self.campaign.eligible_count, 11)

        rule = self.env.ref("property_survey.exclusion_rule_black_customer")
        rule.with_user(self.manager).enabled = True
        self.env.cr.precommit.run()
        self.assertTrue(
            rule.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "enabled"
            ),
            "switching a rule is tracked in its chatter",
        )
        self.campaign.action_draw()
        rules = {
            h.unit_id: h.exclusion_rule for h in self.campaign.excluded_household_ids
        }
        self.assertEqual(rules[self.a_units[2]], "black_customer")
        self.assertIn("Black customer", self.campaign.draw_rules)

    def test_recently_surveyed_rule(self):
        previous = self.env["property.survey.campaign"].create(
            {"project_id": self.project.id, "month": "2024-06-01"}
        )
        previous.sample_size_fixed = 13
        previous.action_draw()
        household = previous.household_ids.filtered(
            lambda h: h.unit_id == self.a_units[3]
        )
        household.action_invite_portal()
        self._answer(household.user_input_id, 4)
        self.campaign.action_draw()
        rules = {
            h.unit_id: h.exclusion_rule for h in self.campaign.excluded_household_ids
        }
        self.assertEqual(rules[self.a_units[3]], "recently_surveyed")

    def test_strata_proportional_within_one(self):
        self.campaign.sample_size_fixed = 7
        self.campaign.action_draw()
        strata = {s.building_id: s for s in self.campaign.stratum_ids}
        # A: 9 eligible, B: 4 eligible, 7 to draw -> 4.85 / 2.15 -> 5 / 2
        self.assertEqual(strata[self.building_a].eligible_count, 9)
        self.assertEqual(strata[self.building_b].eligible_count, 4)
        self.assertEqual(strata[self.building_a].sample_size, 5)
        self.assertEqual(strata[self.building_b].sample_size, 2)
        sampled = self._households(self.campaign, "sampled")
        self.assertEqual(len(sampled), 7)
        for stratum in self.campaign.stratum_ids:
            drawn = sampled.filtered(
                lambda h, s=stratum: h.building_id == s.building_id
            )
            self.assertEqual(len(drawn), stratum.sample_size)
            self.assertLessEqual(abs(len(drawn) - stratum.proportional_size), 1)
        # drawing again with another size replaces the strata
        self.campaign.sample_size_fixed = 4
        self.campaign.action_draw()
        strata = self.campaign.stratum_ids
        self.assertEqual(strata.building_id, self.building_a | self.building_b)
        self.assertEqual(sum(strata.mapped("sample_size")), 4)
        self.assertAlmostEqual(sum(strata.mapped("proportional_size")), 4.0)

    def test_same_seed_same_sample(self):
        self.campaign.action_draw()
        first = self._households(self.campaign, "sampled").unit_id
        seed = self.campaign.seed
        self.assertTrue(seed)
        self.campaign.action_draw()
        self.assertEqual(self.campaign.seed, seed)
        self.assertEqual(self._households(self.campaign, "sampled").unit_id, first)
        # another seed draws another sample (13 choose 6 = 1716 possibilities)
        other = self.campaign.copy({"month": "2024-08-01"})
        other.action_draw()
        self.assertNotEqual(other.seed, seed)

    def test_redraw_refused_after_invitations(self):
        self.campaign.action_draw()
        self.campaign.action_invite()
        self.assertEqual(self.campaign.state, "inviting")
        self.assertTrue(self.campaign.invited_count)
        sampled = self._households(self.campaign, "sampled")
        with self.assertRaisesRegex(UserError, "cannot be drawn again"):
            self.campaign.action_draw()
        self.assertEqual(self._households(self.campaign, "sampled"), sampled)

    def test_campaign_month_and_sampling_checks(self):
        campaign = self.env["property.survey.campaign"].create(
            {"project_id": self.project.id, "month": "2024-09-17"}
        )
        self.assertEqual(str(campaign.month), "2024-09-01")
        with self.assertRaises(ValidationError):
            campaign.write({"sample_mode": "statistical", "margin_error": 0})

    def test_draw_cron_on_configured_day(self):
        cron = self.env.ref("property_survey.ir_cron_property_survey_draw")
        Campaign = self.env["property.survey.campaign"]
        settings = self.env["res.config.settings"].with_user(
            self.env.ref("base.user_admin")
        )
        settings.create({"property_survey_draw_day": 25}).execute()
        with freeze_time("2024-08-24"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(Campaign.search([("month", "=", "2024-09-01")]))
        with freeze_time("2024-08-25"), self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        campaign = Campaign.search(
            [("month", "=", "2024-09-01"), ("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(campaign), 1, "a rerun never duplicates a campaign")
        self.assertEqual(campaign.state, "drawn")
        self.assertEqual(campaign.sample_size, 6)

    def test_draw_queries_do_not_grow_with_households(self):
        self.campaign.action_draw()  # warm the caches
        other = self.campaign.copy({"month": "2024-08-01"})
        self.env.invalidate_all()
        with self.assertQueryCount(25):
            other.action_draw()
        self._make_households(self.building_b, "C", 20)
        third = self.campaign.copy({"month": "2024-09-01"})
        self.env.invalidate_all()
        with self.assertQueryCount(25):
            third.action_draw()
        self.assertEqual(third.eligible_count, 33)
