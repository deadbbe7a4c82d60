from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.exceptions import ConcurrencyError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestGroupWarning(HelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.homes = cls.unit_a2 | cls.env["property.unit"].create(
            [{"name": f"20{i}", "building_id": cls.building_a.id} for i in range(1, 6)]
        )

    def setUp(self):
        super().setUp()
        self._next_home = 0

    def _complaint(self, hour, unit=None, category=None):
        """A complaint from the next household of building A (or ``unit``)."""
        if not unit:
            unit = self.homes[self._next_home]
            self._next_home += 1
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

    def test_one_open_warning_per_place_when_two_are_raised_at_once(self):
        vals = {
            "category_id": self.cat_parking.id,
            "building_id": self.building_a.id,
            "project_id": self.project.id,
        }
        Warning = self.env["property.complaint.warning"]
        first = Warning._raise_warning(vals)
        # the second of two complaints filed at the same moment: the database
        # refuses a second open warning, the request is retried and joins it
        with mute_logger("odoo.sql_db"), self.assertRaises(ConcurrencyError):
            Warning._raise_warning(vals)
        self.assertEqual(self._warnings(), first)
        first.action_close()
        second = Warning._raise_warning(vals)
        self.assertEqual(self._warnings(), first | second, "closed: a new one opens")

    def test_warning_texts_in_their_readers_language(self):
        """The service head's to-do in the head's language, the chatter note
        in the company's, whoever filed the third complaint."""
        load_zh_cn(self.env, ["property_helpdesk"])
        (self.service_head.partner_id | self.env.company.partner_id).lang = "zh_CN"
        for hour in (8, 9, 10):
            self._complaint(hour)
        warning = self._warnings()
        todo = warning.activity_ids.filtered(lambda a: a.user_id == self.service_head)
        self.assertEqual(todo.summary, f"群诉预警：{warning.name}")
        self.assertTrue(
            any("户业主投诉同类问题" in (m.body or "") for m in warning.message_ids)
        )

    def test_one_household_three_times_is_not_a_group(self):
        for hour in (8, 9, 10):
            self._complaint(hour, unit=self.homes[-1])
        self.assertFalse(self._warnings())
        self._complaint(11)
        self._complaint(12)
        warning = self._warnings()
        self.assertEqual(warning.household_count, 3)
        self.assertEqual(warning.ticket_count, 5)

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

    def _settings(self, **values):
        settings = Form(self.env["res.config.settings"])
        for name, value in values.items():
            setattr(settings, name, value)
        settings.save().execute()

    def test_threshold_and_window_are_settings(self):
        self._settings(property_group_warning_count=2, property_group_warning_hours=1)
        self._complaint(8)
        self._complaint(10)  # two hours later: outside the 1-hour window
        self.assertFalse(self._warnings())
        self._complaint(11)
        self.assertEqual(self._warnings().ticket_count, 2)

    def test_project_scope_counts_every_building(self):
        self._settings(property_group_warning_scope="project")
        self._complaint(8)
        self._complaint(9, unit=self.unit_b1)
        self.assertFalse(self._warnings())
        self._complaint(10)
        warning = self._warnings()
        self.assertEqual(warning.ticket_count, 3)
        self.assertFalse(warning.building_id)
