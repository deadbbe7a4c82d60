from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CareCommon


@tagged("post_install", "-at_install")
class TestCareStage(CareCommon):
    def _code(self, partner):
        return partner.care_stage_id.code

    def test_stage_follows_the_journey(self):
        with freeze_time("2030-06-15"):
            prospect = self._customer("P", customer_stage="prospect")
            subscriber = self._customer(
                "S", customer_stage="subscriber", subscription_date=date(2030, 6, 1)
            )
            signed = self._customer(
                "G", customer_stage="signed", signing_date=date(2030, 6, 2)
            )
            handed = self._customer(
                "H", customer_stage="owner", handover_date=date(2030, 6, 1)
            )
            settling = self._customer(
                "M",
                customer_stage="owner",
                handover_date=date(2030, 3, 1),
                move_in_date=date(2030, 5, 1),
            )
            warranty = self._customer(
                "W",
                customer_stage="owner",
                handover_date=date(2029, 6, 1),
                move_in_date=date(2029, 7, 1),
            )
            journey = self._customer(
                "J",
                customer_stage="owner",
                handover_date=date(2027, 12, 1),
                move_in_date=date(2028, 1, 1),
            )
            four_year = self._customer(
                "F",
                customer_stage="owner",
                handover_date=date(2027, 1, 1),
                move_in_date=date(2027, 2, 1),
            )
            self.env.flush_all()
        self.assertEqual(
            [
                self._code(p)
                for p in (
                    prospect,
                    subscriber,
                    signed,
                    handed,
                    settling,
                    warranty,
                    journey,
                    four_year,
                )
            ],
            [
                "pre_sale",
                "signing",
                "awaiting",
                "handover",
                "settling",
                "warranty",
                "journey",
                "four_year",
            ],
        )
        self.assertEqual(self.env["property.care.stage"].search_count([]), 8)
        # searchable and groupable on the contact
        groups = self.env["res.partner"]._read_group(
            [("id", "in", (settling | warranty).ids)], ["care_stage_id"], ["__count"]
        )
        self.assertEqual(len(groups), 2)

    def test_stage_moves_with_time_and_settings(self):
        with freeze_time("2030-06-15"):
            owner = self._customer(
                "M",
                customer_stage="owner",
                handover_date=date(2030, 3, 1),
                move_in_date=date(2030, 5, 1),
            )
            self.assertEqual(self._code(owner), "settling")
        # three months after move-in the cron moves the customer on
        self._generate("2030-08-02")
        self.assertEqual(self._code(owner), "warranty")
        self.assertEqual(owner.care_stage_next_date, date(2032, 3, 1))
        # a longer settling-in period on the settings page brings them back
        with freeze_time("2030-08-03"):
            settings = self.env["res.config.settings"].create({})
            settings.property_care_settling_months = 6
            settings.execute()
            self.assertEqual(self._code(owner), "settling")
            self.assertEqual(owner.care_stage_next_date, date(2030, 11, 1))

    def test_demo_customers_have_a_care_stage_from_the_start(self):
        """The demo's customers existed before the care stages were loaded."""
        if not self.env.ref(
            "property_base.project_jade_lake", raise_if_not_found=False
        ):
            self.skipTest("demo data not installed")
        customers = self.env["res.partner"].search([("customer_stage", "!=", False)])
        self.assertGreater(len(customers), 20)
        self.assertFalse(customers.filtered(lambda p: not p.care_stage_id))
