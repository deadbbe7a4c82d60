from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestMerchantCrons(MerchantCommon):
    def _run(self, xmlid):
        with self.enter_registry_test_mode():
            self.env.ref(xmlid).method_direct_trigger()
        self.env.invalidate_all()

    def test_agreement_expiry_cron(self):
        self.agreement.date_end = "2030-06-30"
        self.card_a.expiry_date = "2031-01-01"
        expiry = "property_merchant.ir_cron_merchant_agreement_expiry"
        with freeze_time("2030-06-30"):
            self._run(expiry)
            self.assertEqual(self.agreement.state, "active")
            self.assertTrue(self._verify(self.card_a.name)["discount"])
        with freeze_time("2030-07-01"):
            self._run(expiry)
            self.assertEqual(self.agreement.state, "expired")
            self.assertEqual(self.other_agreement.state, "active")
            self._run(expiry)  # a second run changes nothing
            self.assertEqual(self.agreement.state, "expired")
            # the desk no longer grants the discount
            self.assertEqual(self._verify(self.card_a.name)["discount"], 0)

    def _queries(self, xmlid):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self._run(xmlid)
        return self.env.cr.sql_log_count - before

    def test_agreement_expiry_cron_queries_do_not_grow_with_agreements(self):
        expiry = "property_merchant.ir_cron_merchant_agreement_expiry"
        self.agreement.date_end = "2030-06-30"
        with freeze_time("2030-07-01"):
            one = self._queries(expiry)
        for _i in range(25):
            self.agreement.copy({"date_end": "2030-07-30"}).action_activate()
        with freeze_time("2030-08-01"):
            many = self._queries(expiry)
        self.assertFalse(
            self.env["property.merchant.agreement"].search_count(
                [("state", "=", "active"), ("date_end", "=", "2030-07-30")]
            )
        )
        self.assertLessEqual(many, one + 3)

    def test_statement_cron_covers_last_month_once(self):
        with freeze_time("2030-03-10 10:00:00"):
            self.card_a.expiry_date = "2031-01-01"
            self._checkout(self.card_a.name, "236.5", "cron-1")
            self._checkout(
                self.card_a.name,
                "100",
                "cron-2",
                user=self.other_cashier,
                merchant=self.other_merchant,
            )
        Statement = self.env["property.merchant.statement"]
        with freeze_time("2030-04-01 01:00:00"):
            self._run("property_merchant.ir_cron_merchant_statement")
            self._run("property_merchant.ir_cron_merchant_statement")
        statements = Statement.search([("month", "=", date(2030, 3, 1))])
        self.assertEqual(statements.merchant_id, self.merchant | self.other_merchant)
        mine = statements.filtered(lambda s: s.merchant_id == self.merchant)
        self.assertEqual(mine.redemption_count, 1)
        self.assertEqual(mine.amount_total, 236.5)
        self.assertEqual(mine.currency_id, self.env.company.currency_id)
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_merchant.action_report_merchant_statement", mine.ids
        )
        self.assertIn("236.50", html.decode())
        self.assertIn("贰佰叁拾陆元伍角", html.decode())
