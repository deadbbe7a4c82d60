from odoo.addons.property_merchant.models.amount_words import amount_to_chinese
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestAmountWords(TransactionCase):
    def test_chinese_upper_case_amounts(self):
        cases = {
            1234.56: "壹仟贰佰叁拾肆元伍角陆分",
            100: "壹佰元整",
            10005: "壹万零伍元整",
            101000: "壹拾万壹仟元整",
            1000000.01: "壹佰万元零壹分",
            20.3: "贰拾元叁角",
            0.05: "伍分",
            0: "零元整",
            1010: "壹仟零壹拾元整",
            10010000: "壹仟零壹万元整",
        }
        for amount, words in cases.items():
            self.assertEqual(amount_to_chinese(amount), words, amount)

    def test_rounding_to_the_cent(self):
        self.assertEqual(amount_to_chinese(19.205), "壹拾玖元贰角壹分")
