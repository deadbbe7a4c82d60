from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestCareSecurity(CareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Touchpoint = cls.env["property.care.touchpoint"]
        cls.tp_a, cls.tp_b = Touchpoint.create(
            [
                {
                    "name": "Call A",
                    "partner_id": cls.owner_a.id,
                    "building_id": cls.building_a.id,
                    "project_id": cls.project.id,
                    "user_id": cls.butler_a.id,
                },
                {
                    "name": "Call B",
                    "partner_id": cls.owner_b.id,
                    "building_id": cls.building_b.id,
                    "project_id": cls.project.id,
                    "user_id": cls.butler_b.id,
                },
            ]
        )
        Visit = cls.env["property.care.visit"]
        cls.visit_a = Visit.create(
            {
                "partner_id": cls.owner_a.id,
                "visitor_id": cls.butler_a.id,
                "date": date(2024, 1, 5),
            }
        )
        cls.visit_b = Visit.create(
            {
                "partner_id": cls.owner_b.id,
                "visitor_id": cls.butler_b.id,
                "date": date(2024, 1, 5),
            }
        )

    def test_butler_sees_and_works_only_their_grid(self):
        Touchpoint = self.env["property.care.touchpoint"].with_user(self.butler_a)
        self.assertEqual(
            Touchpoint.search([("id", "in", (self.tp_a | self.tp_b).ids)]), self.tp_a
        )
        with self.assertRaises(AccessError):
            self.tp_b.with_user(self.butler_a).read(["name"])
        with self.assertRaises(AccessError):
            self.tp_b.with_user(self.butler_a).write({"outcome": "x"})
        self.tp_a.with_user(self.butler_a).write({"outcome": "Spoke with the owner"})
        self.tp_a.with_user(self.butler_a).action_done()
        self.assertEqual(self.tp_a.state, "done")

        Visit = self.env["property.care.visit"].with_user(self.butler_a)
        self.assertEqual(
            Visit.search([("id", "in", (self.visit_a | self.visit_b).ids)]),
            self.visit_a,
        )
        with self.assertRaises(AccessError):
            self.visit_b.with_user(self.butler_a).read(["needs"])
        with self.assertRaises(AccessError):
            self.visit_b.with_user(self.butler_a).write({"needs": "x"})

    def test_officer_sees_the_company_manager_configures(self):
        self.assertEqual(
            self.env["property.care.touchpoint"]
            .with_user(self.officer)
            .search_count([("id", "in", (self.tp_a | self.tp_b).ids)]),
            2,
        )
        with self.assertRaises(AccessError):
            self.plan.with_user(self.officer).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.plan.with_user(self.butler_a).write({"name": "Mine"})
        self.plan.with_user(self.manager).write({"name": "Ours"})
        self.assertEqual(self.plan.name, "Ours")
