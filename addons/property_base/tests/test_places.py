from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyBaseCommon


@tagged("post_install", "-at_install")
class TestPlaces(PropertyBaseCommon):
    def test_unit_complete_name_follows_building(self):
        self.assertEqual(self.unit_a1.display_name, "Jade Lake B1 101")
        self.building_a.name = "Tower 1"
        self.assertEqual(self.unit_a1.complete_name, "Jade Lake Tower 1 101")

    def test_unit_number_unique_per_building(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["property.unit"].create(
                {"name": "101", "building_id": self.building_a.id}
            )
            self.env.flush_all()

    def test_same_number_in_other_building_allowed(self):
        self.assertEqual(self.unit_a1.name, self.unit_b1.name)
        self.assertNotEqual(self.unit_a1.building_id, self.unit_b1.building_id)

    def test_negative_area_rejected(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.unit_a2.area = -3
            self.env.flush_all()

    def test_project_counts(self):
        self.assertEqual(self.project.building_count, 2)
        self.assertEqual(self.project.unit_count, 3)
        self.assertEqual(self.project.household_count, 2)

    def test_unit_inherits_project_and_butler_from_building(self):
        self.assertEqual(self.unit_a1.project_id, self.project)
        self.assertEqual(self.unit_a1.butler_id, self.butler_a)
        self.building_a.butler_id = self.butler_b
        self.assertEqual(self.unit_a1.butler_id, self.butler_b)

    def test_building_smart_button_lists_its_units(self):
        action = self.building_a.action_view_units()
        units = self.env["property.unit"].search(action["domain"])
        self.assertEqual(units, self.unit_a1 | self.unit_a2)

    def test_unit_found_by_complete_name(self):
        found = self.env["property.unit"].name_search("Jade Lake B2 101")
        self.assertEqual([r[0] for r in found], [self.unit_b1.id])
