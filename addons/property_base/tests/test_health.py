from odoo.tests import tagged

from .common import PropertyBaseCommon
from .zh_cn import load_zh_cn


@tagged("post_install", "-at_install")
class TestHealth(PropertyBaseCommon):
    def test_black_customer_is_at_risk_with_reason(self):
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Media threat"}
        )
        self.owner_a.action_compute_health()
        self.assertEqual(self.owner_a.health_score, 50)
        self.assertEqual(self.owner_a.health_level, "at_risk")
        self.assertIn("Black customer", self.owner_a.health_reasons)

    def test_good_experience_officer_is_high_value(self):
        self.owner_b.write(
            {
                "relationship_category": "good",
                "relationship_reason": "Referred two buyers",
                "is_experience_officer": True,
            }
        )
        self.owner_b.action_compute_health()
        self.assertEqual(self.owner_b.health_score, 100)
        self.assertEqual(self.owner_b.health_level, "high_value")
        self.assertIn("Customer experience officer", self.owner_b.health_reasons)

    def test_thresholds_are_settings(self):
        settings = self.env["res.config.settings"].create(
            {"property_health_base_score": 55, "property_health_at_risk_below": 60}
        )
        settings.execute()
        self.owner_a.action_compute_health()
        self.assertEqual(self.owner_a.health_score, 55)
        self.assertEqual(self.owner_a.health_level, "at_risk")
        self.assertFalse(self.owner_a.health_reasons)

    def test_cron_scores_customers_only(self):
        contact = self.env["res.partner"].create({"name": "A supplier"})
        with self.enter_registry_test_mode():
            self.env.ref(
                "property_base.ir_cron_property_health"
            ).method_direct_trigger()
        self.assertEqual(
            (self.owner_a | self.owner_b).mapped("health_level"), ["healthy"] * 2
        )
        self.assertFalse(contact.health_level)

    def test_signals_are_batched(self):
        """The query count of a batch does not grow with its size."""
        partners = self.env["res.partner"].create(
            [{"name": f"Owner {i}", "customer_stage": "owner"} for i in range(40)]
        )
        partners[0]._compute_property_health()  # warm caches (settings, flush)
        counts = []
        for batch in (partners[:10], partners[10:]):
            self.env.invalidate_all()
            queries_before = self.cr.sql_log_count
            batch._compute_property_health()
            counts.append(self.cr.sql_log_count - queries_before)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(set(partners.mapped("health_score")), {80})

    def test_points_per_signal_are_settings(self):
        """Issue 13: the points of a signal are set on the Settings page."""
        settings = self.env["res.config.settings"]
        form = settings.create({"property_health_points_black": -50})
        form.execute()
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Media threat"}
        )
        self.owner_a.action_compute_health()
        self.assertEqual(self.owner_a.health_score, 30)
        self.assertIn("-50 Black customer", self.owner_a.health_reasons)
        self.assertEqual(settings.create({}).property_health_points_black, -50)

    def test_missing_parameter_falls_back_to_settings_default(self):
        self.env["ir.config_parameter"].search(
            [("key", "=", "property_base.health_points_good")]
        ).unlink()
        self.owner_b.write(
            {"relationship_category": "good", "relationship_reason": "Volunteer"}
        )
        self.owner_b.action_compute_health()
        self.assertEqual(self.owner_b.health_score, 90)


@tagged("post_install", "-at_install")
class TestHealthLanguage(PropertyBaseCommon):
    def test_reasons_in_company_language(self):
        """The nightly score, run by a cron in English, writes the reasons in
        the language of the company whose staff read them."""
        load_zh_cn(self.env, ["property_base"])
        self.env.company.partner_id.lang = "zh_CN"
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "媒体曝光"}
        )
        self.owner_a.with_context(lang="en_US").action_compute_health()
        self.assertEqual(self.owner_a.health_reasons, "-30 黑色客户")
