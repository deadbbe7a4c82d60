import io

import openpyxl

from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.misc import file_open

from .common import PropertyBaseCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNIT_FIELDS = ["building_id", "name", "floor", "area", "sale_state"]


@tagged("post_install", "-at_install")
class TestImport(PropertyBaseCommon):
    def _import_units(self, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Building", "Unit Number", "Floor", "Area", "Sale State"])
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "property.unit",
                "file": buffer.getvalue(),
                "file_type": XLSX,
                "file_name": "units.xlsx",
            }
        )
        options = {"has_headers": True, "quoting": '"', "separator": ","}
        with mute_logger("odoo.sql_db"):
            return wizard.execute_import(UNIT_FIELDS, [], options)

    def _unit_count(self):
        return self.env["property.unit"].search_count(
            [("project_id", "=", self.project.id)]
        )

    def test_valid_rows_are_imported(self):
        result = self._import_units(
            [
                ["Jade Lake B1", "201", 2, 118.2, "Signed"],
                ["Jade Lake B2", "201", 2, 89.5, "Unsold"],
            ]
        )
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 2)
        self.assertEqual(self._unit_count(), 5)

    def test_unknown_building_reported_and_nothing_written(self):
        result = self._import_units(
            [
                ["Jade Lake B1", "301", 3, 90, "Signed"],
                ["Jade Lake B9", "302", 3, 90, "Signed"],
            ]
        )
        self.assertTrue(result["messages"])
        self.assertIn("B9", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(self._unit_count(), 3)

    def test_duplicate_unit_reported_and_nothing_written(self):
        result = self._import_units(
            [
                ["Jade Lake B1", "401", 4, 90, "Signed"],
                ["Jade Lake B1", "101", 1, 90, "Signed"],
            ]
        )
        self.assertTrue(result["messages"])
        self.assertEqual(self._unit_count(), 3)

    def test_missing_unit_on_residency_row_reported(self):
        fields = ["partner_id", "unit_id", "role", "date_start"]
        rows = [["Wang Jianguo", "", "Owner", "2024-01-01"]]
        with mute_logger("odoo.sql_db"):
            result = self.env["property.residency"].load(fields, rows)
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])

    def test_templates_are_shipped(self):
        for model in (
            "property.project",
            "property.building",
            "property.unit",
            "property.residency",
        ):
            (template,) = self.env[model].get_import_templates()
            path = template["template"].lstrip("/")
            with file_open(path, "rb") as handle:
                sheet = openpyxl.load_workbook(handle).active
                self.assertGreater(sheet.max_row, 1, path)
        customer_templates = (
            self.env["res.partner"]
            .with_context(default_customer_stage="prospect")
            .get_import_templates()
        )
        self.assertIn("res_partner_import_template", customer_templates[0]["template"])

    def test_customer_template_imports_category_with_history(self):
        """Issue 13: the shipped customer template carries category and reason."""
        (template,) = (
            self.env["res.partner"]
            .with_context(default_customer_stage="prospect")
            .get_import_templates()
        )
        with file_open(template["template"].lstrip("/"), "rb") as handle:
            content = handle.read()
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": content,
                "file_type": XLSX,
                "file_name": "customers.xlsx",
            }
        )
        options = {"has_headers": True, "quoting": '"', "separator": ","}
        preview = wizard.parse_preview(options)
        fields = [
            (preview["matches"].get(index) or [False])[0]
            for index in range(len(preview["headers"]))
        ]
        self.assertIn("relationship_reason", fields)
        result = wizard.execute_import(fields, preview["headers"], options)
        self.assertFalse(result["messages"])
        customer = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(customer.relationship_category, "good")
        self.assertEqual(customer.relationship_history_ids.new_category, "good")
