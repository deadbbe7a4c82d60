from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.property_care_plan_line import shift_date
from ..models.property_care_touchpoint import PropertyCareTouchpoint
from .common import CareCommon


@tagged("post_install", "-at_install")
class TestGeneration(CareCommon):
    def test_first_contact_due_seven_days_after_subscription(self):
        with freeze_time("2030-03-10"):
            customer = self._customer(
                "Zhao Lei",
                unit=self.unit_a2,
                since=date(2030, 3, 10),
                customer_stage="subscriber",
                subscription_date=date(2030, 3, 10),
            )
        self._generate("2030-03-10")
        first = self._touchpoints(customer, self._line("first_contact"))
        self.assertEqual(len(first), 1)
        self.assertEqual(first.due_date, date(2030, 3, 17))
        self.assertEqual(first.deadline, date(2030, 3, 17))
        self.assertEqual(first.user_id, self.butler_a, "the grid butler answers first")
        self.assertEqual(first.unit_id, self.unit_a2)
        self.assertEqual(first.state, "planned")
        activity = self._care_activities(first)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.butler_a)
        self.assertEqual(activity.date_deadline, date(2030, 3, 17))
        # the butler sees it in their activities
        self.assertIn(first, self.Touchpoint.with_user(self.butler_a).search([]))

    def test_chinese_butler_reads_touchpoints_activities_and_notice_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_care"], ["zh_CN"])
        self.butler_a.lang = "zh_CN"
        with freeze_time("2030-03-10"):
            chinese = self._customer(
                "Zhao Lei",
                unit=self.unit_a2,
                customer_stage="subscriber",
                subscription_date=date(2030, 3, 10),
            )
            english = self._customer(
                "Qian Yu",
                unit=self.unit_b1,
                customer_stage="subscriber",
                subscription_date=date(2030, 3, 10),
            )
        self._generate("2030-03-10")
        line = self._line("first_contact")
        touchpoint = self._touchpoints(chinese, line)
        self.assertEqual(touchpoint.user_id, self.butler_a)
        self.assertEqual(touchpoint.name, "首问管家首次联系")
        self.assertEqual(
            self._touchpoints(english, line).name,
            "First contact by the first-responsible butler",
        )
        activity = self._care_activities(touchpoint)
        self.assertEqual(activity.summary, "首问管家首次联系")
        self.assertEqual(activity.user_id, self.butler_a)
        self.assertIn(self.butler_a.partner_id, touchpoint.message_partner_ids)
        notice = self.env["mail.message"].search(
            [("partner_ids", "in", self.butler_a.partner_id.ids)]
        )
        self.assertEqual(len(notice), 1, "one notice for the run, not one per activity")
        self.assertEqual(notice.subject, "您有 1 个新的关怀触点")
        self.assertIn("2030/03/17", str(notice.body))

    def test_month_end_handover_lands_on_month_ends_including_leap_february(self):
        owner = self._customer(
            "Sun Li",
            unit=self.unit_a1,
            customer_stage="owner",
            handover_date=date(2023, 11, 30),
        )
        for day in ("2024-02-20", "2024-10-20", "2025-10-20", "2026-10-20"):
            self._generate(day)
        inspections = self._touchpoints(owner).filtered(
            lambda t: t.action == "inspection"
        )
        self.assertEqual(
            inspections.mapped("due_date"),
            [
                date(2024, 2, 29),
                date(2024, 10, 31),
                date(2025, 10, 31),
                date(2026, 10, 31),
            ],
        )
        # the Python twin used when a date moves agrees with SQL
        self.assertEqual(shift_date(date(2024, 4, 30), 3), date(2024, 7, 31))
        self.assertEqual(shift_date(date(2023, 1, 31), 13), date(2024, 2, 29))
        self.assertEqual(shift_date(date(2023, 1, 15), 1, 7), date(2023, 2, 22))

    def test_yearly_lines_repeat_on_real_dates(self):
        owner = self._customer(
            "Qian Hu",
            unit=self.unit_a1,
            customer_stage="owner",
            handover_date=date(2026, 5, 20),
            birthday=date(1980, 2, 29),
        )
        self._generate("2030-02-25")
        birthday = self._touchpoints(owner, self._line("birthday"))
        self.assertEqual(birthday.mapped("due_date"), [date(2030, 2, 28)])
        self._generate("2030-05-10")
        yearly = self._touchpoints(owner, self._line("yearly_visit"))
        self.assertEqual(yearly.mapped("due_date"), [date(2030, 5, 20)])
        self.assertEqual(yearly.repeat_index, 3)

    def test_rerun_creates_nothing_new(self):
        owner = self._customer(
            "Wu Fang",
            unit=self.unit_a1,
            customer_stage="owner",
            handover_date=date(2030, 1, 5),
            move_in_date=date(2030, 4, 1),
        )
        self._generate("2030-04-05")
        touchpoints = self._touchpoints(owner)
        self.assertTrue(touchpoints)
        activities = self._care_activities(touchpoints)
        self.assertEqual(len(activities), len(touchpoints))
        self._generate("2030-04-05")
        self._generate("2030-04-06")
        self.assertEqual(self._touchpoints(owner), touchpoints)
        self.assertEqual(self._care_activities(touchpoints), activities)

    def test_crash_half_way_then_rerun_yields_the_full_set(self):
        owners = self.env["res.partner"]
        units = self.env["property.unit"].create(
            [{"name": f"9{i}", "building_id": self.building_a.id} for i in range(6)]
        )
        for i, unit in enumerate(units):
            owners |= self._customer(
                f"Owner {i}",
                unit=unit,
                customer_stage="subscriber",
                subscription_date=date(2030, 3, 1),
            )
        line = self._line("first_contact")
        original = PropertyCareTouchpoint._schedule_activities_quietly
        calls = []

        def crash_on_second_batch(touchpoints):
            calls.append(touchpoints.ids)
            if len(calls) == 2:
                # the touchpoints of the batch are inserted, their activities not
                raise RuntimeError("killed half-way through a batch")
            return original(touchpoints)

        def full_set():
            touchpoints = self.Touchpoint.search(
                [("partner_id", "in", owners.ids), ("line_id", "=", line.id)]
            )
            return touchpoints, self._care_activities(touchpoints)

        cron = self.env.ref("property_care.ir_cron_care_generate")
        cron.code = "model._cron_generate(batch_size=2)"
        with (
            patch.object(
                PropertyCareTouchpoint,
                "_schedule_activities_quietly",
                crash_on_second_batch,
            ),
            mute_logger("odoo.addons.base.models.ir_cron"),
        ):
            self._generate("2030-03-05")
        # the committed batches stayed, the killed one was rolled back and
        # the scheduler's next loop redid it: exactly one of each
        self.assertGreater(len(calls), 2, "the cron really crashed and resumed")
        touchpoints, activities = full_set()
        self.assertEqual(len(touchpoints), 6)
        self.assertEqual(touchpoints.partner_id, owners)
        self.assertEqual(len(activities), 6)
        self.assertEqual(set(activities.mapped("res_id")), set(touchpoints.ids))
        # and a rerun on the same day changes nothing
        self._generate("2030-03-05")
        self.assertEqual(full_set(), (touchpoints, activities))

    def test_moving_the_handover_date_moves_planned_touchpoints_only(self):
        owner = self._customer(
            "Zheng He",
            unit=self.unit_a1,
            customer_stage="owner",
            handover_date=date(2030, 1, 31),
        )
        self._generate("2030-04-20")
        inspection = self._touchpoints(owner, self._line("inspection_3"))
        self.assertEqual(inspection.due_date, date(2030, 4, 30))
        welcome = self.Touchpoint.create(
            {
                "name": "Done call",
                "partner_id": owner.id,
                "kind": "plan",
                "line_id": self._line("inspection_11").id,
                "trigger_date": date(2030, 1, 31),
                "occurrence_date": date(2030, 12, 31),
                "due_date": date(2030, 12, 31),
                "deadline": date(2030, 12, 31),
                "user_id": self.butler_a.id,
            }
        )
        with freeze_time("2030-04-21"):
            welcome.action_done()
            owner.handover_date = date(2030, 2, 10)
        self.assertEqual(inspection.due_date, date(2030, 5, 10))
        self.assertEqual(inspection.deadline, date(2030, 5, 24))
        self.assertEqual(
            self._care_activities(inspection).date_deadline, date(2030, 5, 10)
        )
        self.assertEqual(welcome.due_date, date(2030, 12, 31), "done ones stay")
        # the cron does not recreate the old occurrence
        self._generate("2030-04-22")
        self.assertEqual(
            self._touchpoints(owner, self._line("inspection_3")), inspection
        )

    def test_done_once_only_inspection_not_planned_again_after_date_correction(self):
        owner = self._customer(
            "Feng Yu",
            unit=self.unit_a1,
            customer_stage="owner",
            handover_date=date(2030, 1, 31),
        )
        self._generate("2030-04-20")
        inspection = self._touchpoints(owner, self._line("inspection_3"))
        self.assertEqual(inspection.due_date, date(2030, 4, 30))
        with freeze_time("2030-04-25"):
            inspection.action_done()
            owner.handover_date = date(2030, 2, 10)
        self._generate("2030-05-05")
        self.assertEqual(
            self._touchpoints(owner, self._line("inspection_3")),
            inspection,
            "the inspection is done once, whatever the handover date says now",
        )

    def test_plan_limited_to_projects_and_stages(self):
        other_project = self.env["property.project"].create(
            {"name": "Other", "code": "OT"}
        )
        self.plan.project_ids = other_project
        customer = self._customer(
            "Ma Li",
            unit=self.unit_a2,
            customer_stage="subscriber",
            subscription_date=date(2030, 3, 10),
        )
        self._generate("2030-03-10")
        self.assertFalse(self._touchpoints(customer))
        self.plan.project_ids = self.project
        self._line("first_contact").stage_ids = self.env.ref(
            "property_care.stage_journey"
        )
        self._generate("2030-03-11")
        self.assertFalse(self._touchpoints(customer, self._line("first_contact")))

    def test_batches_count_customers_as_set_in_the_settings(self):
        """The cron commits after each batch of the settings' number of
        customers; other contacts between them (gaps in the ids) add no
        batch, and every customer gets their touchpoint."""
        customers = self.env["res.partner"]
        for i in range(5):
            self.env["res.partner"].create(
                [{"name": f"Supplier {i}.{j}"} for j in range(3)]
            )
            customers |= self._customer(
                f"Batch {i}",
                unit=self.unit_a2,
                customer_stage="subscriber",
                subscription_date=date(2030, 3, 1),
            )
        settings = self.env["res.config.settings"].create(
            {"property_care_generate_batch_size": 2}
        )
        settings.execute()
        everyone = self.env["res.partner"].search_count(
            [("customer_stage", "!=", False)]
        )
        original = PropertyCareTouchpoint._generate_batch
        batches = []

        def count_batches(model, lines, id_from, id_to, today):
            batches.append((id_from, id_to))
            return original(model, lines, id_from, id_to, today)

        with patch.object(PropertyCareTouchpoint, "_generate_batch", count_batches):
            self._generate("2030-03-05")
        self.assertEqual(len(batches), -(-everyone // 2))
        first = self.Touchpoint.search(
            [
                ("partner_id", "in", customers.ids),
                ("line_id", "=", self._line("first_contact").id),
            ]
        )
        self.assertEqual(first.partner_id, customers)
