from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestResidencySecurity(PropertyBaseCommon):
    """Attacks of a butler on residencies (issue 12, confirmed case and item 2)."""

    def test_butler_cannot_pull_owner_of_another_grid(self):
        """Butler A links owner B (butler B's grid) to A's unit, dated 1990."""
        residencies = self.env["property.residency"].with_user(self.butler_a)
        with self.assertRaises(AccessError):
            residencies.create(
                {
                    "partner_id": self.owner_b.id,
                    "unit_id": self.unit_a2.id,
                    "role": "owner",
                    "date_start": "1990-01-01",
                }
            )
        # the owner stays in B's grid and hidden from A
        self.assertEqual(self.owner_b.butler_id, self.butler_b)
        with self.assertRaises(AccessError):
            self.owner_b.with_user(self.butler_a).read(["phone"])

    def test_butler_cannot_repoint_residency_to_foreign_owner(self):
        residency = self.owner_a.residency_ids.with_user(self.butler_a)
        with self.assertRaises(AccessError):
            residency.write({"partner_id": self.owner_b.id})
        self.assertEqual(residency.partner_id, self.owner_a)
        self.assertEqual(self.owner_b.butler_id, self.butler_b)

    def test_butler_cannot_move_residency_to_unit_of_another_grid(self):
        residency = self.owner_a.residency_ids.with_user(self.butler_a)
        with self.assertRaises(AccessError):
            residency.write({"unit_id": self.unit_b1.id})
        self.assertEqual(residency.unit_id, self.unit_a1)

    def test_butler_cannot_create_residency_on_unit_of_another_grid(self):
        tenant = (
            self.env["res.partner"]
            .with_user(self.butler_a)
            .create({"name": "Zhao Tenant"})
        )
        with self.assertRaises(AccessError):
            self.env["property.residency"].with_user(self.butler_a).create(
                {"partner_id": tenant.id, "unit_id": self.unit_b1.id, "role": "tenant"}
            )

    def test_butler_links_own_and_new_customers(self):
        tenant = (
            self.env["res.partner"]
            .with_user(self.butler_a)
            .create({"name": "Zhao Tenant"})
        )
        Residency = self.env["property.residency"].with_user(self.butler_a)
        residency = Residency.create(
            {
                "partner_id": tenant.id,
                "unit_id": self.unit_a2.id,
                "role": "tenant",
                "date_start": "2024-01-01",
            }
        )
        self.assertEqual(residency.building_id, self.building_a)
        self.assertEqual(tenant.butler_id, self.butler_a)
        family = Residency.create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a2.id,
                "role": "family",
                "date_start": "2024-01-01",
            }
        )
        self.assertIn(self.unit_a2, self.owner_a.unit_ids)
        self.assertTrue(family.exists())

    def test_officer_relinks_across_grids(self):
        residency = self.owner_a.residency_ids.with_user(self.officer)
        residency.write({"unit_id": self.unit_b1.id})
        self.assertEqual(self.owner_a.butler_id, self.butler_b)

    def test_customer_of_another_company_refused(self):
        other_company = self.env["res.company"].create({"name": "Other Property Co"})
        stranger = self.env["res.partner"].create(
            {"name": "Stranger", "company_id": other_company.id}
        )
        with self.assertRaises(UserError):
            self.env["property.residency"].create(
                {"partner_id": stranger.id, "unit_id": self.unit_a2.id}
            )
