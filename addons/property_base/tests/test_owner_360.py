from lxml import etree

from odoo.tests import tagged

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestOwner360(PropertyBaseCommon):
    """Issue 13: the contact shows the customer's units, the unit its residents."""

    def _form_arch(self, model, user):
        views = self.env[model].with_user(user).get_views([(False, "form")])
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_contact_smart_button_opens_customer_units(self):
        self.env["property.residency"].create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a2.id,
                "role": "owner",
                "date_start": "2010-01-01",
                "date_end": "2015-01-01",
            }
        )
        for user in (self.butler_a, self.officer):
            arch = self._form_arch("res.partner", user)
            self.assertTrue(
                arch.xpath("//button[@name='action_view_property_residencies']"),
                user.login,
            )
            owner = self.owner_a.with_user(user)
            self.assertEqual(owner.property_unit_count, 1)
            action = owner.action_view_property_residencies()
            residencies = (
                self.env["property.residency"].with_user(user).search(action["domain"])
            )
            self.assertEqual(residencies.unit_id, self.unit_a1 | self.unit_a2)
            self.assertEqual(action["context"]["default_partner_id"], self.owner_a.id)

    def test_unit_smart_button_counts_current_residents(self):
        tenant = self.env["res.partner"].create({"name": "Zhou Tenant"})
        self.env["property.residency"].create(
            {
                "partner_id": tenant.id,
                "unit_id": self.unit_a1.id,
                "role": "tenant",
                "date_start": "2024-01-01",
            }
        )
        unit = self.unit_a1.with_user(self.butler_a)
        self.assertEqual(unit.resident_count, 2)
        arch = self._form_arch("property.unit", self.butler_a)
        self.assertTrue(arch.xpath("//button[@name='action_view_residencies']"))
        action = unit.action_view_residencies()
        residents = (
            self.env["property.residency"]
            .with_user(self.butler_a)
            .search(action["domain"])
            .partner_id
        )
        self.assertEqual(residents, self.owner_a | tenant)
