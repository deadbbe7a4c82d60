from datetime import date

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestPatrolHandover(HelpdeskCommon):
    def test_finding_becomes_ticket_once_and_recheck_flagged(self):
        patrol = self.env["property.patrol"].create(
            {
                "patrol_type": "butler_daily",
                "user_id": self.butler_a.id,
                "project_id": self.project.id,
                "building_id": self.building_a.id,
                "date": "2030-03-01",
                "finding_ids": [(0, 0, {"description": "Broken lamp in garage"})],
            }
        )
        finding = patrol.finding_ids
        ticket = finding.action_create_ticket()
        self.assertEqual(ticket.building_id, self.building_a)
        self.assertEqual(ticket.user_id, self.butler_a)
        self.assertFalse(finding.action_create_ticket())
        self.assertEqual(finding.recheck_due, date(2030, 3, 3))
        with freeze_time("2030-03-04"):
            overdue = self.env["property.patrol.finding"].search(
                [("recheck_overdue", "=", True)]
            )
            self.assertIn(finding, overdue)
            finding.action_recheck(fixed=True)
            self.assertFalse(finding.recheck_overdue)
        with self.assertRaises(UserError):
            finding.action_recheck()

    def test_overdue_recheck_todo_in_the_patrollers_language(self):
        load_zh_cn(self.env, ["property_helpdesk"])
        self.butler_a.partner_id.lang = "zh_CN"
        patrol = self.env["property.patrol"].create(
            {
                "patrol_type": "butler_daily",
                "user_id": self.butler_a.id,
                "project_id": self.project.id,
                "building_id": self.building_a.id,
                "date": "2030-03-01",
                "finding_ids": [(0, 0, {"description": "车库灯坏了"})],
            }
        )
        finding = patrol.finding_ids
        finding.action_create_ticket()
        with freeze_time("2030-03-04"):
            self.env["property.patrol.finding"].with_context(
                lang="en_US"
            )._notify_overdue_rechecks(500)
        todo = finding.activity_ids.filtered(lambda a: a.user_id == self.butler_a)
        self.assertTrue(todo.summary.startswith("复查逾期："), todo.summary)

    def test_defect_rectification_and_reinspection(self):
        contractor = self.env["res.partner"].create({"name": "Hengu Waterproofing"})
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_b1.id}
        )
        defect = inspection.action_add_defect("Balcony seeps", contractor)
        self.assertEqual(defect.kind, "defect")
        self.assertEqual(defect.contractor_id, contractor)
        with self.assertRaises(UserError):
            defect.action_reinspect(passed=True)
        defect.action_mark_rectified()
        defect.action_reinspect(passed=False)
        self.assertFalse(defect.rectified_date)
        with self.assertRaises(UserError):
            inspection.action_close()
        defect.action_mark_rectified()
        defect.action_reinspect(passed=True)
        self.assertEqual(defect.reinspection_count, 2)
        inspection.action_close()
        self.assertEqual(inspection.state, "passed")

    def test_repeat_defects_grouped_by_unit_type_and_contractor(self):
        contractor = self.env["res.partner"].create({"name": "Hengu Waterproofing"})
        self.unit_b1.unit_type = "A3"
        inspection = self.env["property.handover.inspection"].create(
            {"unit_id": self.unit_b1.id}
        )
        inspection.action_add_defect("Seep 1", contractor)
        inspection.action_add_defect("Seep 2", contractor)
        groups = self.Ticket._read_group(
            [("kind", "=", "defect"), ("unit_id", "=", self.unit_b1.id)],
            ["unit_type", "contractor_id"],
            ["__count"],
        )
        self.assertEqual(groups, [("A3", contractor, 2)])
