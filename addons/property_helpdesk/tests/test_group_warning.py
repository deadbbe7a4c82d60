from odoo.tests import tagged

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestGroupWarning(HelpdeskCommon):
    def _complaint(self, hour, unit=None, category=None):
        unit = unit or self.unit_a2
        return self._ticket(
            kind="complaint",
            complaint_grade="general",
            category_id=(category or self.cat_parking).id,
            unit_id=unit.id,
            partner_id=False,
            reported_date=f"2030-01-01 {hour:02d}:00:00",
        )

    def _warnings(self):
        return self.env["property.complaint.warning"].search(
            [("project_id", "=", self.project.id)]
        )

    def test_warning_fires_at_nth_complaint_and_not_before(self):
        self._complaint(8)
        self._complaint(9)
        self.assertFalse(self._warnings())
        third = self._complaint(10)
        warning = self._warnings()
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.ticket_count, 3)
        self.assertEqual(third.warning_id, warning)
        self.assertIn(self.manager.partner_id, warning.message_partner_ids)
        fourth = self._complaint(11)
        self.assertEqual(len(self._warnings()), 1)
        self.assertEqual(fourth.warning_id, warning)
        self.assertEqual(warning.ticket_count, 4)

    def test_window_category_and_building_matter(self):
        self._complaint(1)
        self._complaint(2, category=self.cat_cleaning)
        self._complaint(3, unit=self.unit_b1)
        self._complaint(4)
        self.assertFalse(self._warnings())

    def test_old_complaints_outside_window_do_not_count(self):
        self._ticket(
            kind="complaint",
            category_id=self.cat_parking.id,
            unit_id=self.unit_a2.id,
            partner_id=False,
            reported_date="2029-12-20 08:00:00",
        )
        self._complaint(8)
        self._complaint(9)
        self.assertFalse(self._warnings())
