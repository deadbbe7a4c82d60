from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestVisits(CareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a3 = cls.env["property.unit"].create(
            {
                "name": "103",
                "building_id": cls.building_a.id,
                "sale_state": "handed_over",
                "occupancy": "occupied",
            }
        )
        cls.owner_a3 = cls._customer(
            cls, "Feng Yu", unit=cls.unit_a3, customer_stage="owner"
        )
        cls.Visit = cls.env["property.care.visit"]

    def _visit(self, partner, visitor, day, **vals):
        return self.Visit.create(
            dict(
                {"partner_id": partner.id, "visitor_id": visitor.id, "date": day},
                **vals,
            )
        )

    def test_visit_fulfils_its_touchpoint(self):
        touchpoint = self.Touchpoint.create(
            {
                "name": "Yearly visit",
                "partner_id": self.owner_a.id,
                "user_id": self.butler_a.id,
                "due_date": date(2024, 1, 10),
                "deadline": date(2024, 1, 20),
                "action": "visit",
            }
        )
        with freeze_time("2024-01-12"):
            visit = self._visit(
                self.owner_a,
                self.butler_a,
                date(2024, 1, 12),
                touchpoint_id=touchpoint.id,
                score=4,
                needs="Wants a parking space",
            )
        self.assertEqual(visit.unit_id, self.unit_a1)
        self.assertEqual(visit.building_id, self.building_a)
        self.assertEqual(touchpoint.state, "done")
        self.assertEqual(touchpoint.score, 4)
        self.assertEqual(touchpoint.outcome, "Wants a parking space")
        self.assertFalse(self._care_activities(touchpoint))

    def test_visit_touchpoint_done_records_the_visit(self):
        """The butler marks a visit touchpoint done from its form: the
        household leaves the not-visited work list."""
        touchpoint = self.Touchpoint.create(
            {
                "name": "Yearly visit",
                "partner_id": self.owner_a3.id,
                "unit_id": self.unit_a3.id,
                "user_id": self.butler_a.id,
                "due_date": date(2024, 2, 10),
                "deadline": date(2024, 2, 20),
                "action": "visit",
            }
        )
        call = self.Touchpoint.create(
            {
                "name": "Birthday call",
                "partner_id": self.owner_a.id,
                "user_id": self.butler_a.id,
                "due_date": date(2024, 2, 10),
                "deadline": date(2024, 2, 20),
                "action": "call",
            }
        )
        with freeze_time("2024-02-12"):
            touchpoint.with_user(self.butler_a).write(
                {"score": 4, "outcome": "Happy with the garden"}
            )
            (touchpoint | call).with_user(self.butler_a).action_done()
            visit = touchpoint.visit_ids
            self.assertEqual(len(visit), 1)
            self.assertEqual(visit.unit_id, self.unit_a3)
            self.assertEqual(visit.visitor_id, self.butler_a)
            self.assertEqual(visit.date, date(2024, 2, 12))
            self.assertEqual(visit.score, 4)
            self.assertEqual(visit.needs, "Happy with the garden")
            self.assertFalse(call.visit_ids, "a call is not a visit")
            self.assertTrue(self.unit_a3.care_visited_this_quarter)

    def test_bad_visits_are_refused(self):
        with self.assertRaises(ValidationError):
            self._visit(self.owner_a, self.butler_a, date(2099, 1, 1))
        with self.assertRaises(ValidationError):
            self._visit(self.owner_a, self.butler_a, date(2024, 1, 1), score=7)
        self.assertFalse(self.Visit.search([("partner_id", "=", self.owner_a.id)]))

    def test_quota_achievement_worked_example(self):
        """Butler A: own quota 4, 3 visits in January = 75 %; the department
        head: role quota 50 from the settings, 1 visit = 2 %."""
        self.butler_a.care_visit_quota = 4
        for day in (2, 9, 16):
            self._visit(self.owner_a, self.butler_a, date(2024, 1, day))
        self._visit(self.owner_a, self.butler_a, date(2024, 2, 1))
        self._visit(self.owner_a3, self.head, date(2024, 1, 5))
        self.env.flush_all()
        Report = self.env["property.care.quota.report"]
        lines = {
            line.user_id: line
            for line in Report.search(
                [
                    ("month", "=", date(2024, 1, 1)),
                    ("user_id", "in", (self.butler_a | self.head).ids),
                ]
            )
        }
        self.assertEqual(lines[self.butler_a].visit_count, 3)
        self.assertEqual(lines[self.butler_a].quota, 4)
        self.assertAlmostEqual(lines[self.butler_a].achievement, 75.0)
        self.assertEqual(lines[self.head].role, "service_head")
        self.assertEqual(lines[self.head].quota, 50)
        self.assertAlmostEqual(lines[self.head].achievement, 2.0)
        # butler B (role quota 120) has a line for the month with no visit
        other = Report.search(
            [("month", "=", date(2024, 1, 1)), ("user_id", "=", self.butler_b.id)]
        )
        self.assertEqual((other.visit_count, other.quota), (0, 120))
        # a total is the visits over the quotas of the group, as the KPI
        # counts it, not the average of the members' percentages
        staff = self.butler_a | self.butler_b | self.head | self.manager
        rows = Report.search(
            [("month", "=", date(2024, 1, 1)), ("user_id", "in", staff.ids)]
        )
        [(total,)] = Report._read_group(
            [("month", "=", date(2024, 1, 1)), ("user_id", "in", staff.ids)],
            [],
            ["achievement:avg"],
        )
        self.assertAlmostEqual(
            total, 100.0 * sum(rows.mapped("visit_count")) / sum(rows.mapped("quota"))
        )
        kpi = self.env["property.kpi"]._measure_care_visit_quota(
            self.project, date(2024, 1, 1), date(2024, 2, 1)
        )
        self.assertAlmostEqual(total, kpi[self.project.id])

    def test_quarterly_coverage_and_not_visited_work_list(self):
        """Building A has 2 occupied households (101, 103): one visited in
        the quarter (twice) = 50 %; 103 is on butler A's work list."""
        with freeze_time("2024-02-20"):
            self._visit(self.owner_a, self.butler_a, date(2024, 1, 5))
            self._visit(self.owner_a, self.head, date(2024, 2, 5), channel="phone")
            self._visit(self.owner_a3, self.butler_a, date(2023, 12, 28))
            self.env.flush_all()
            coverage = self.env["property.care.coverage.report"].search(
                [
                    ("building_id", "=", self.building_a.id),
                    ("quarter_start", "=", date(2024, 1, 1)),
                ]
            )
            self.assertEqual((coverage.household_count, coverage.visited_count), (2, 1))
            self.assertAlmostEqual(coverage.coverage, 50.0)
            work_list = (
                self.env["property.unit"]
                .with_user(self.butler_a)
                .search(
                    [
                        ("occupancy", "=", "occupied"),
                        ("care_visited_this_quarter", "=", False),
                    ]
                )
            )
            self.assertEqual(work_list, self.unit_a3)
            kpi = self.env["property.kpi"]._measure_care_visit_coverage(
                self.project, date(2024, 2, 1), date(2024, 3, 1)
            )
            self.assertAlmostEqual(kpi[self.project.id], 50.0)

    def test_coverage_opens_on_the_current_quarter(self):
        today = fields.Date.context_today(self.env["property.care.visit"])
        this_quarter = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        self._visit(self.owner_a, self.butler_a, today)
        self._visit(self.owner_a3, self.butler_a, this_quarter - timedelta(days=1))
        self.env.flush_all()
        action = self.env.ref("property_care.property_care_coverage_report_action")
        self.assertIn("search_default_this_quarter", action.context)
        lines = self.env["property.care.coverage.report"].search(
            [
                ("building_id", "=", self.building_a.id),
                ("is_current_quarter", "=", True),
            ]
        )
        self.assertEqual(lines.mapped("quarter_start"), [this_quarter])
        self.assertEqual((lines.household_count, lines.visited_count), (2, 1))

    def _coverage(self, quarter):
        """(occupied households, visited households) of building A."""
        self.env.flush_all()
        self.env["property.care.coverage.report"].invalidate_model()
        line = self.env["property.care.coverage.report"].search(
            [("building_id", "=", self.building_a.id), ("quarter_start", "=", quarter)]
        )
        return line.household_count, line.visited_count

    def _not_visited(self):
        return self.env["property.unit"].search(
            [
                ("building_id", "=", self.building_a.id),
                ("occupancy", "=", "occupied"),
                ("care_visited_this_quarter", "=", False),
            ]
        )

    def test_coverage_follows_moved_deleted_visits_and_vacated_units(self):
        """Building A: 101 and 103 occupied, 102 vacant. A quarter without
        any visit shows 0 visited; moving, deleting a visit, deleting its
        customer or vacating a unit changes the counts at once."""
        q1, q2, q3 = date(2024, 1, 1), date(2024, 4, 1), date(2024, 7, 1)
        former_tenant = self._customer("Lu Bo", unit=self.unit_a2)
        with freeze_time("2024-08-20"):
            self._visit(self.owner_a3, self.butler_a, date(2023, 12, 28))
            january = self._visit(self.owner_a, self.butler_a, date(2024, 1, 5))
            july = self._visit(self.owner_a3, self.butler_a, date(2024, 7, 10))
            # a visit to 102, now vacant, is not a visited household
            self._visit(former_tenant, self.butler_a, date(2024, 7, 2))
            self.assertEqual(self._coverage(q1), (2, 1))
            self.assertEqual(self._coverage(q2), (2, 0), "a quarter with no visit")
            self.assertEqual(self._coverage(q3), (2, 1))
            self.assertEqual(self._not_visited(), self.unit_a1)

            january.date = date(2024, 7, 15)
            self.assertEqual(self._coverage(q1), (2, 0))
            self.assertEqual(self._coverage(q3), (2, 2))
            self.assertFalse(self._not_visited())

            july.unlink()
            self.assertEqual(self._coverage(q3), (2, 1))
            self.assertEqual(self._not_visited(), self.unit_a3)

            passer_by = self._customer("Qin Lan", customer_stage="prospect")
            self._visit(
                passer_by, self.butler_a, date(2024, 8, 1), unit_id=self.unit_a3.id
            )
            self.assertEqual(self._coverage(q3), (2, 2))
            passer_by.unlink()
            self.assertEqual(self._coverage(q3), (2, 1))

            self.unit_a1.occupancy = "vacant"
            self.assertEqual(self._coverage(q3), (1, 0))
