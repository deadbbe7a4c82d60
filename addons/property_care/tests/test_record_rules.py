from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestCareRecordRules(CareCommon):
    """Issue 18: the visited-households helper table follows the grid."""

    def test_butler_lists_only_his_grids_visited_households(self):
        Visit = self.env["property.care.visit"]
        Visit.create(
            [
                {"partner_id": self.owner_a.id, "visitor_id": self.butler_a.id},
                {"partner_id": self.owner_b.id, "visitor_id": self.butler_b.id},
            ]
        )
        Quarter = self.env["property.care.visit.quarter"]
        # the demo data's visited households aside: the test's two homes
        mine = [("unit_id", "in", (self.unit_a1 | self.unit_b1).ids)]
        self.assertEqual(Quarter.search(mine).unit_id, self.unit_a1 | self.unit_b1)
        self.assertEqual(
            Quarter.with_user(self.butler_a).search([]).unit_id, self.unit_a1
        )
        self.assertEqual(
            Quarter.with_user(self.officer).search(mine).unit_id,
            self.unit_a1 | self.unit_b1,
        )
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.officer.write({"company_ids": [(4, other_company.id)]})
        self.assertFalse(
            Quarter.with_user(self.officer)
            .with_company(other_company)
            .with_context(allowed_company_ids=other_company.ids)
            .search([])
        )
