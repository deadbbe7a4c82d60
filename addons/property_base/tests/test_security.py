from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestSecurity(PropertyBaseCommon):
    def test_butler_cannot_read_unit_of_another_grid(self):
        units = self.env["property.unit"].with_user(self.butler_a)
        self.assertEqual(
            units.search([("project_id", "=", self.project.id)]),
            self.unit_a1 | self.unit_a2,
        )
        with self.assertRaises(AccessError):
            units.browse(self.unit_b1.id).read(["name"])

    def test_butler_cannot_read_owner_of_another_grid(self):
        partners = self.env["res.partner"].with_user(self.butler_a)
        visible = partners.search([("customer_stage", "=", "owner")])
        self.assertIn(self.owner_a, visible)
        self.assertNotIn(self.owner_b, visible)
        with self.assertRaises(AccessError):
            partners.browse(self.owner_b.id).read(["phone"])

    def test_butler_updates_own_owner_profile(self):
        owner = self.owner_a.with_user(self.butler_a)
        owner.write({"hobbies": "Tai chi", "preferred_channel": "wechat"})
        self.assertEqual(self.owner_a.hobbies, "Tai chi")
        with self.assertRaises(AccessError):
            self.owner_b.with_user(self.butler_a).write({"hobbies": "Fishing"})

    def test_butler_cannot_reassign_buildings_or_create_projects(self):
        with self.assertRaises(AccessError):
            self.building_a.with_user(self.butler_a).write(
                {"butler_id": self.butler_a.id}
            )
        with self.assertRaises(AccessError):
            self.env["property.project"].with_user(self.butler_a).create(
                {"name": "Rogue", "code": "R"}
            )

    def test_butler_cannot_see_residency_of_another_grid(self):
        residencies = self.env["property.residency"].with_user(self.butler_a).search([])
        self.assertEqual(residencies.partner_id, self.owner_a)

    def test_officer_sees_whole_company(self):
        units = (
            self.env["property.unit"]
            .with_user(self.officer)
            .search([("project_id", "=", self.project.id)])
        )
        self.assertEqual(len(units), 3)
        self.owner_b.with_user(self.officer).read(["phone"])

    def test_only_manager_changes_kpi_targets(self):
        kpi = self.env.ref("property_base.kpi_occupancy_rate")
        with self.assertRaises(AccessError):
            kpi.with_user(self.officer).write({"target": 50})
        kpi.with_user(self.manager).write({"target": 8})
        self.assertEqual(kpi.target, 8)

    def test_other_company_projects_hidden(self):
        other_company = self.env["res.company"].create({"name": "Other Property Co"})
        other_project = self.env["property.project"].create(
            {"name": "Other", "code": "OT", "company_id": other_company.id}
        )
        officer_other = new_test_user(
            self.env,
            login="officer_other",
            groups="property_base.property_base_group_officer",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        projects = self.env["property.project"].with_user(officer_other).search([])
        self.assertEqual(projects, other_project)
        with self.assertRaises(AccessError):
            self.project.with_user(officer_other).read(["name"])
