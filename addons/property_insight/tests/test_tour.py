from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import InsightCommon


@tagged("post_install", "-at_install")
class TestWorkListTour(InsightCommon, HttpCase):
    # a year of answers up to last month: this month can be scored
    first_month = fields.Date.today().replace(day=1) - relativedelta(months=12)

    def test_manager_scores_the_month_and_reads_the_reasons(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_insight"], ["zh_CN"])
        self.manager.lang = "zh_CN"
        self.start_tour(
            "/odoo/action-property_insight.property_insight_risk_action",
            "property_insight_work_list",
            login=self.manager.login,
            timeout=300,
        )
        month = fields.Date.today().replace(day=1)
        risks = self.env["property.insight.risk"].search([("month", "=", month)])
        self.assertEqual(len(risks), self.households)
        self.assertEqual(risks.create_uid, self.manager)
        self.assertTrue(risks.filtered("in_work_list"))
