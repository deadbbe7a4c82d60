from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestResidency(PropertyBaseCommon):
    def test_overlapping_residency_rejected(self):
        with self.assertRaises(ValidationError):
            self.env["property.residency"].create(
                {
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                    "role": "family",
                    "date_start": "2024-05-01",
                }
            )

    def test_consecutive_residencies_allowed(self):
        tenant = self.env["res.partner"].create({"name": "Zhou Tenant"})
        Residency = self.env["property.residency"]
        Residency.create(
            {
                "partner_id": tenant.id,
                "unit_id": self.unit_a2.id,
                "role": "tenant",
                "date_start": "2022-01-01",
                "date_end": "2022-12-31",
            }
        )
        second = Residency.create(
            {
                "partner_id": tenant.id,
                "unit_id": self.unit_a2.id,
                "role": "tenant",
                "date_start": "2023-01-01",
            }
        )
        self.assertTrue(second.exists())

    def test_end_before_start_rejected(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.residency"].create(
                {
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a2.id,
                    "date_start": "2024-05-01",
                    "date_end": "2024-04-01",
                }
            )
            self.env.flush_all()

    @freeze_time("2024-06-15")
    def test_current_residency_compute_and_search(self):
        past = self.env["property.residency"].create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a2.id,
                "role": "tenant",
                "date_start": "2020-01-01",
                "date_end": "2021-01-01",
            }
        )
        self.assertFalse(past.is_current)
        current = self.env["property.residency"].search(
            [("is_current", "=", True), ("partner_id", "=", self.owner_a.id)]
        )
        self.assertEqual(current.unit_id, self.unit_a1)
        self.assertEqual(self.owner_a.unit_ids, self.unit_a1)

    def test_owner_ids_exclude_tenants(self):
        tenant = self.env["res.partner"].create({"name": "Sun Tenant"})
        self.env["property.residency"].create(
            {
                "partner_id": tenant.id,
                "unit_id": self.unit_a1.id,
                "role": "tenant",
                "date_start": date(2024, 1, 1),
            }
        )
        self.assertEqual(self.unit_a1.owner_ids, self.owner_a)

    def test_partner_search_by_unit(self):
        partners = self.env["res.partner"].search(
            [("unit_ids", "in", self.unit_b1.ids)]
        )
        self.assertEqual(partners, self.owner_b)

    def test_butler_follows_building_and_can_be_overridden(self):
        self.assertEqual(self.owner_a.building_id, self.building_a)
        self.assertEqual(self.owner_a.butler_id, self.butler_a)
        self.assertEqual(self.owner_a.property_project_id, self.project)
        self.owner_a.butler_id = self.butler_b
        self.assertEqual(self.owner_a.butler_id, self.butler_b)
        # a new building butler flows to the building's customers again
        self.building_a.butler_id = self.officer
        self.assertEqual(self.owner_a.butler_id, self.officer)
