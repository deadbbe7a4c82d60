from datetime import date

from freezegun import freeze_time

from odoo.addons.property_base.tests.common import PropertyBaseCommon
from odoo.tests import new_test_user


class CareCommon(PropertyBaseCommon):
    """Base fixture plus a department head, and helpers to run the crons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = new_test_user(
            cls.env,
            login="care_head",
            groups="property_base.property_base_group_officer",
        )
        cls.project.service_head_id = cls.head
        cls.plan = cls.env.ref("property_care.care_plan_default")
        cls.Touchpoint = cls.env["property.care.touchpoint"]

    def _line(self, xmlid):
        return self.env.ref(f"property_care.care_plan_line_{xmlid}")

    def _customer(self, name, unit=None, since=None, **vals):
        partner = self.env["res.partner"].create(dict(vals, name=name))
        if unit:
            self.env["property.residency"].create(
                {
                    "partner_id": partner.id,
                    "unit_id": unit.id,
                    "role": "owner",
                    "date_start": since or date(2020, 1, 1),
                }
            )
        return partner

    def _generate(self, day):
        """Run the daily generation cron as the scheduler would, on ``day``."""
        with freeze_time(day), self.enter_registry_test_mode():
            result = self.env.ref(
                "property_care.ir_cron_care_generate"
            ).method_direct_trigger()
        self.env.invalidate_all()
        return result

    def _follow_up(self, day):
        with freeze_time(day), self.enter_registry_test_mode():
            self.env.ref("property_care.ir_cron_care_follow_up").method_direct_trigger()
        self.env.invalidate_all()

    def _touchpoints(self, partner, line=None):
        domain = [("partner_id", "=", partner.id)]
        if line:
            domain.append(("line_id", "=", line.id))
        return self.Touchpoint.search(domain, order="due_date")

    def _care_activities(self, touchpoints):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "property.care.touchpoint"),
                ("res_id", "in", touchpoints.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("property_care.mail_activity_type_care").id,
                ),
            ]
        )
