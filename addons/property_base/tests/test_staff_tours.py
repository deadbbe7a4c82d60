from odoo import fields
from odoo.tests import tagged

from .common import PropertyBaseCommon
from .common_tour import ChineseTourCase


@tagged("post_install", "-at_install")
class TestBaseStaffTours(PropertyBaseCommon, ChineseTourCase):
    """The KPI dashboard as the project manager reads it in Chinese."""

    def test_manager_reads_the_kpi_dashboard(self):
        month = fields.Date.context_today(self.manager).replace(day=1)
        occupancy = self.env.ref("property_base.kpi_occupancy_rate")
        black = self.env.ref("property_base.kpi_black_customer_rate")
        self.env["property.kpi.value"].create(
            [
                {
                    "kpi_id": occupancy.id,
                    "project_id": self.project.id,
                    "company_id": self.project.company_id.id,
                    "month": month,
                    "value": 92.5,
                    "target": 80,
                    "on_target": True,
                },
                {
                    "kpi_id": black.id,
                    "project_id": self.project.id,
                    "company_id": self.project.company_id.id,
                    "month": month,
                    "value": 6,
                    "target": 5,
                    "on_target": False,
                },
            ]
        )
        self._speak_chinese(self.manager)
        self.start_tour(
            "/odoo/action-property_base.property_kpi_value_action",
            "property_base_kpi_dashboard",
            login="prop_manager",
            timeout=180,
        )
