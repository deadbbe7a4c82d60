from datetime import date

from freezegun import freeze_time

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
