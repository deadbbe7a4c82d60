from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.fields import Domain
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestKpi(PropertyBaseCommon):
    def _values(self, code):
        return self.env["property.kpi.value"].search(
            [("kpi_id.code", "=", code), ("project_id", "=", self.project.id)]
        )

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

    def _unmeasured_kpi(self):
        """A KPI whose measuring add-on is not installed."""
        return self.env["property.kpi"].create(
            {
                "code": "not_installed_rate",
                "name": "Not Installed Rate",
                "target": 50,
                "module": "property_not_installed",
            }
        )

    def test_unmeasured_kpi_is_skipped(self):
        kpi = self._unmeasured_kpi()
        self.env["property.kpi"].search([]).action_snapshot_current_month()
        self.assertFalse(self._values("not_installed_rate"))
        self.assertFalse(kpi.is_measured)
        self.assertTrue(self.env.ref("property_base.kpi_occupancy_rate").is_measured)

    def test_unmeasured_kpi_hidden_from_lists_and_dashboard(self):
        """Issue 13: the manager's KPI list and the dashboard hide it."""
        kpi = self._unmeasured_kpi()
        # a value left over from when its add-on was installed
        self.env["property.kpi.value"].create(
            {
                "kpi_id": kpi.id,
                "project_id": self.project.id,
                "company_id": self.project.company_id.id,
                "month": "2024-01-01",
                "value": 10,
            }
        )
        self.env["property.kpi"].search([]).action_snapshot_current_month()
        for xmlid, field in (
            ("property_base.property_kpi_action", "id"),
            ("property_base.property_kpi_value_action", "kpi_id"),
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            records = (
                self.env[action["res_model"]]
                .with_user(self.manager)
                .search(safe_eval(action["domain"]))
            )
            shown = records if field == "id" else records.kpi_id
            self.assertNotIn(kpi, shown, xmlid)
            self.assertIn(self.env.ref("property_base.kpi_occupancy_rate"), shown)

    @freeze_time("2024-07-03")
    def test_demo_snapshot_fills_current_and_previous_month(self):
        self.env["property.kpi"]._demo_snapshot()
        months = self._values("occupancy_rate").mapped("month")
        self.assertEqual(sorted(str(m) for m in months), ["2024-06-01", "2024-07-01"])

    def test_kpi_code_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.kpi"].create(
                {"code": "occupancy_rate", "name": "Duplicate", "target": 1}
            )
            self.env.flush_all()

    def test_totals_never_average_different_kpis(self):
        """A pivot total over several KPIs shows no value; over one KPI it is
        that KPI's average."""
        occupancy = self.env.ref("property_base.kpi_occupancy_rate")
        black = self.env.ref("property_base.kpi_black_customer_rate")
        Value = self.env["property.kpi.value"]
        Value.create(
            [
                {
                    "kpi_id": kpi.id,
                    "project_id": self.project.id,
                    "company_id": self.project.company_id.id,
                    "month": month,
                    "value": value,
                    "target": target,
                }
                for kpi, month, value, target in (
                    (occupancy, "2030-01-01", 90, 80),
                    (occupancy, "2030-02-01", 80, 80),
                    (black, "2030-01-01", 6, 5),
                )
            ]
        )
        domain = [("project_id", "=", self.project.id)]
        [(value, target)] = Value._read_group(domain, [], ["value:avg", "target:avg"])
        # no value at all (not 0.0): the pivot leaves the total cell empty
        self.assertIs(value, False)
        self.assertIs(target, False)
        by_kpi = dict(Value._read_group(domain, ["kpi_id"], ["value:avg"]))
        self.assertEqual(by_kpi, {occupancy: 85.0, black: 6.0})


@tagged("post_install", "-at_install")
class TestKpiDemo(TransactionCase):
    def test_demo_dashboard_shows_current_and_previous_month(self):
        """With demo data, the KPI dashboard opens on this and last month."""
        project = self.env.ref(
            "property_base.project_jade_lake", raise_if_not_found=False
        )
        if not project:
            self.skipTest("demo data not installed")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_base.property_kpi_value_action"
        )
        values = self.env["property.kpi.value"].search(
            Domain.AND([safe_eval(action["domain"]), [("project_id", "=", project.id)]])
        )
        this_month = fields.Date.context_today(values).replace(day=1)
        last_month = this_month - relativedelta(months=1)
        self.assertLessEqual({this_month, last_month}, set(values.mapped("month")))
        self.assertIn(self.env.ref("property_base.kpi_occupancy_rate"), values.kpi_id)
