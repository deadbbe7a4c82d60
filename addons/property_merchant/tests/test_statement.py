from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MerchantCommon


@tagged("post_install", "-at_install")
class TestStatement(MerchantCommon):
    def test_statement_generation_idempotent_and_pdf_in_words(self):
        with freeze_time("2030-03-10 10:00:00"):
            self.card_a.expiry_date = "2031-01-01"
            self._checkout(self.card_a.name, 1000, "m-1")
            self._checkout(self.card_a.name, "234.56", "m-2")
        Statement = self.env["property.merchant.statement"]
        statements = Statement._generate(date(2030, 3, 1))
        statements = Statement._generate(date(2030, 3, 1))
        statement = statements.filtered(lambda s: s.merchant_id == self.merchant)
        self.assertEqual(len(statement), 1)
        self.assertEqual(statement.redemption_count, 2)
        self.assertAlmostEqual(statement.amount_total, 1234.56)
        self.assertAlmostEqual(statement.discount_total, 123.46)
        self.assertEqual(statement.amount_total_words, "壹仟贰佰叁拾肆元伍角陆分")
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_merchant.action_report_merchant_statement", statement.ids
        )
        self.assertIn("壹仟贰佰叁拾肆元伍角陆分", html.decode())
        self.assertIn("壹佰贰拾叁元肆角陆分", html.decode())
