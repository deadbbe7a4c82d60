from freezegun import freeze_time

from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestKpiHealth(HelpdeskCommon):
    def _value(self, code):
        return (
            self.env["property.kpi.value"]
            .search([("kpi_id.code", "=", code), ("project_id", "=", self.project.id)])
            .value
        )

    @freeze_time("2030-01-20 10:00:00")
    def test_helpdesk_kpis(self):
        complaint = self._ticket(kind="complaint", reported_date="2030-01-05 08:00:00")
        late_repair = self._ticket(kind="repair", reported_date="2030-01-06 08:00:00")
        repair = self._ticket(kind="repair", reported_date="2030-01-07 08:00:00")
        with freeze_time("2030-01-06 08:10:00"):
            late_repair.action_acknowledge()
        with freeze_time("2030-01-07 08:01:00"):
            repair.action_acknowledge()
        with freeze_time("2030-01-05 08:20:00"):
            complaint.action_acknowledge()
        with freeze_time("2030-01-05 09:00:00"):
            self._close(complaint, cause="c", lesson="l")
        self._close(repair)
        self._close(late_repair)
        repair.callback_ids[0].action_record(5)
        complaint.callback_ids[0].action_record(4)
        late_repair.callback_ids[0].action_record(1)  # reopens it
        self.env["property.kpi"].search([])._snapshot(complaint.reported_date.date())
        # 1 complaint / 2 handed-over households
        self.assertAlmostEqual(self._value("complaint_rate"), 50.0)
        self.assertAlmostEqual(self._value("complaint_on_time"), 100.0)
        # 2 of 3 tickets acknowledged in time
        self.assertAlmostEqual(self._value("response_timeliness"), 200 / 3, places=2)
        self.assertAlmostEqual(
            self._value("resolution_satisfaction"), 200 / 3, places=2
        )
        self.assertAlmostEqual(self._value("first_time_fix"), 100.0)

    def test_rectification_pass_rate(self):
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_b1.id}
        )
        contractor = self.env["res.partner"].create({"name": "Builder"})
        first = inspection.action_add_defect("Crack", contractor)
        second = inspection.action_add_defect("Seep", contractor)
        (first | second).action_mark_rectified()
        first.action_reinspect(passed=True)
        second.action_reinspect(passed=False)
        second.action_mark_rectified()
        second.action_reinspect(passed=True)
        self.env["property.kpi"].search([]).action_snapshot_current_month()
        self.assertAlmostEqual(self._value("rectification_pass_rate"), 50.0)

    def test_complaints_and_breaches_lower_health(self):
        self._ticket(kind="complaint", reported_date="2030-01-05 08:00:00")
        with freeze_time("2030-01-10 08:00:00"):
            late = self._ticket(kind="repair", reported_date="2030-01-10 07:00:00")
            late.action_acknowledge()
            self.owner_a.action_compute_health()
        self.assertIn("1 complaints", self.owner_a.health_reasons)
        self.assertIn("1 tickets handled late", self.owner_a.health_reasons)
        self.assertEqual(self.owner_a.health_score, 80 - 8 - 5)

    def test_helpdesk_ships_its_own_kpis(self):
        kpis = self.env["property.kpi"].search([("module", "=", "property_helpdesk")])
        targets = {k.code: (k.target, k.direction) for k in kpis}
        self.assertEqual(targets["complaint_rate"], (10, "lower"))
        self.assertEqual(targets["complaint_on_time"], (100, "higher"))
        self.assertEqual(targets["response_timeliness"], (95, "higher"))
        self.assertEqual(targets["resolution_satisfaction"], (90, "higher"))
        self.assertEqual(targets["rectification_pass_rate"], (95, "higher"))
        self.assertEqual(
            self.env.ref("property_helpdesk.kpi_complaint_rate").code, "complaint_rate"
        )
