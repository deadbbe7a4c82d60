from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestKpi(PropertyBaseCommon):
    def _values(self, code):
        return self.env["property.kpi.value"].search(
            [("kpi_id.code", "=", code), ("project_id", "=", self.project.id)]
        )

    def test_default_targets_shipped(self):
        targets = {
            k.code: (k.target, k.direction) for k in self.env["property.kpi"].search([])
        }
        self.assertEqual(targets["complaint_rate"], (10, "lower"))
        self.assertEqual(targets["complaint_on_time"], (100, "higher"))
        self.assertEqual(targets["response_timeliness"], (95, "higher"))
        self.assertEqual(targets["resolution_satisfaction"], (90, "higher"))
        self.assertEqual(targets["rectification_pass_rate"], (95, "higher"))

    @freeze_time("2024-07-03")
    def test_snapshot_cron_is_idempotent(self):
        cron = self.env.ref("property_base.ir_cron_property_kpi_snapshot")
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
            cron.method_direct_trigger()
        values = self._values("occupancy_rate")
        self.assertEqual(len(values), 1)
        self.assertEqual(str(values.month), "2024-06-01")
        self.assertAlmostEqual(values.value, 50.0)
        self.assertFalse(values.on_target)
        # a changed fact updates the same value on rerun
        self.unit_a2.occupancy = "occupied"
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        values = self._values("occupancy_rate")
        self.assertEqual(len(values), 1)
        self.assertAlmostEqual(values.value, 100.0)
        self.assertTrue(values.on_target)

    def test_black_customer_rate_against_lower_target(self):
        self.owner_a.write(
            {"relationship_category": "black", "relationship_reason": "Refuses fees"}
        )
        self.env["property.kpi"].search([]).action_snapshot_current_month()
        value = self._values("black_customer_rate")
        self.assertAlmostEqual(value.value, 50.0)
        self.assertFalse(value.on_target)

    def test_unmeasured_kpi_is_skipped(self):
        kpi = self.env["property.kpi"].create(
            {"code": "not_measured_anywhere", "name": "Unmeasured", "target": 1}
        )
        self.env["property.kpi"].search([]).action_snapshot_current_month()
        self.assertFalse(self._values("not_measured_anywhere"))
        self.assertFalse(kpi.is_measured)
        self.assertTrue(self.env.ref("property_base.kpi_occupancy_rate").is_measured)

    def test_kpi_code_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.kpi"].create(
                {"code": "occupancy_rate", "name": "Duplicate", "target": 1}
            )
            self.env.flush_all()
