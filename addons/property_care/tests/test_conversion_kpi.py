from datetime import date

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestConversionKpi(CareCommon):
    def _black(self, name):
        partner = self._customer(name, unit=self.unit_a1, customer_stage="owner")
        partner.write(
            {"relationship_category": "black", "relationship_reason": "Refuses fees"}
        )
        return partner

    def test_conversion_rate_worked_example(self):
        """Four black customers worked in January; one moves to normal in
        February after an action: 25 % in February; one left black without any
        action is not counted as converted."""
        Conversion = self.env["property.care.conversion"]
        with freeze_time("2030-01-05"):
            blacks = [self._black(f"Black {i}") for i in range(4)]
            unworked = self._black("Never contacted")
            for partner in blacks:
                Conversion.create({"partner_id": partner.id, "action_type": "notice"})
        notice = blacks[0].care_conversion_ids
        self.assertIn("Black 0", notice.message)
        self.assertIn(self.unit_a1.display_name, notice.message)
        with freeze_time("2030-02-10"):
            blacks[0].write(
                {"relationship_category": "normal", "relationship_reason": "Happy"}
            )
            unworked.write(
                {"relationship_category": "normal", "relationship_reason": "Moved on"}
            )
        self.assertEqual(blacks[0].care_converted_date, date(2030, 2, 10))
        self.assertFalse(unworked.care_converted_date)
        Kpi = self.env["property.kpi"]
        february = Kpi._measure_care_black_conversion(
            self.project, date(2030, 2, 1), date(2030, 3, 1)
        )
        self.assertAlmostEqual(february[self.project.id], 25.0)
        january = Kpi._measure_care_black_conversion(
            self.project, date(2030, 1, 1), date(2030, 2, 1)
        )
        self.assertAlmostEqual(january[self.project.id], 0.0)

    def test_on_time_rate_and_snapshot(self):
        Touchpoint = self.Touchpoint
        on_time, late = Touchpoint.create(
            [
                {
                    "name": n,
                    "partner_id": self.owner_a.id,
                    "project_id": self.project.id,
                    "user_id": self.butler_a.id,
                    "due_date": date(2030, 1, 5),
                    "deadline": date(2030, 1, 10),
                }
                for n in ("On time", "Late")
            ]
        )
        with freeze_time("2030-01-08"):
            on_time.action_done()
        with freeze_time("2030-01-20"):
            late.action_done()
            rate = self.env["property.kpi"]._measure_care_on_time(
                self.project, date(2030, 1, 1), date(2030, 2, 1)
            )
        self.assertAlmostEqual(rate[self.project.id], 50.0)
        kpi = self.env.ref("property_care.kpi_care_on_time")
        self.assertTrue(kpi.is_measured)

    def _signal_points(self, partner, code):
        signals = partner._property_health_signals()[partner.id]
        return sum(points for signal, _reason, points in signals if signal == code)

    def test_health_signals(self):
        self.Touchpoint.create(
            {
                "name": "Forgotten call",
                "partner_id": self.owner_a.id,
                "user_id": self.butler_a.id,
                "due_date": date(2030, 1, 1),
                "deadline": date(2030, 1, 2),
            }
        )
        with freeze_time("2030-01-20"):
            self.env["property.care.visit"].create(
                {
                    "partner_id": self.owner_b.id,
                    "visitor_id": self.butler_b.id,
                    "date": date(2030, 1, 15),
                    "score": 5,
                }
            )
            (self.owner_a | self.owner_b)._compute_property_health()
        self.assertEqual(self.owner_a.health_score, 75)
        self.assertIn("1 care touchpoints overdue", self.owner_a.health_reasons)
        # owner B's own care signal (other installed addons may add theirs)
        self.assertEqual(self._signal_points(self.owner_b, "care_good_visit"), 5)
        self.env["ir.config_parameter"].set_param(
            "property_care.health_points_good_visit", 12
        )
        with freeze_time("2030-01-20"):
            self.assertEqual(self._signal_points(self.owner_b, "care_good_visit"), 12)

    def test_letter_in_customer_language_and_named_action(self):
        """The notice is written to the customer in their language, whoever
        logs it; the action is named by its type, customer and date."""
        env_zh = load_zh_cn(self.env, ["property_care"])
        partner = self._black("杨子涵")
        partner.lang = "zh_CN"
        with freeze_time("2030-01-05"):
            notice = (
                self.env["property.care.conversion"]
                .with_context(lang="en_US")
                .create({"partner_id": partner.id, "action_type": "notice"})
            )
        self.assertEqual(
            notice.message,
            f"尊敬的{self.unit_a1.display_name}业主杨子涵：感谢您的耐心与包容，"
            "我们希望听听如何能更好地为您服务。",
        )
        self.assertEqual(
            notice.with_env(env_zh).display_name, "个人致函 · 杨子涵 · 2030-01-05"
        )
