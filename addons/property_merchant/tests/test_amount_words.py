import random
from decimal import Decimal

from odoo.addons.property_merchant.models.res_config_settings import MAX_AMOUNT_CAP
from odoo.addons.property_merchant.tools.amount_words import DIGITS, amount_to_chinese
from odoo.tests import TransactionCase, tagged

BIG = {"万亿亿": 10**20, "亿亿": 10**16, "万亿": 10**12, "亿": 10**8, "万": 10**4}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def words_to_cents(words):
    """Read upper-case words back (test oracle, written independently)."""
    words = words.removesuffix("整")
    yuan, _sep, cents = words.rpartition("元")
    stack, digit, i = [], 0, 0
    while i < len(yuan):
        unit = next((u for u in BIG if yuan.startswith(u, i)), None)
        if unit:
            stack.append(digit)
            digit, value = 0, 0
            while stack and stack[-1] < BIG[unit]:
                value += stack.pop()
            stack.append(value * BIG[unit])
            i += len(unit)
            continue
        char = yuan[i]
        if char in SMALL:
            stack.append(digit * SMALL[char])
            digit = 0
        else:
            digit = DIGITS.index(char)
        i += 1
    total = (sum(stack) + digit) * 100
    for char, next_char in zip(cents, cents[1:], strict=False):
        if char in DIGITS and next_char in "角分":
            total += DIGITS.index(char) * (10 if next_char == "角" else 1)
    return total


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
            MAX_AMOUNT_CAP: "壹拾亿元整",
            10**12: "壹万亿元整",
            10**17: "壹拾亿亿元整",
        }
        for amount, words in cases.items():
            self.assertEqual(amount_to_chinese(amount), words, amount)

    def test_rounding_to_the_cent(self):
        self.assertEqual(amount_to_chinese(19.205), "壹拾玖元贰角壹分")

    def test_words_cover_every_amount_the_cap_allows(self):
        """Bills up to the largest cap, and statement totals of 100 000 such
        bills, read back to the same number of cents."""
        rng = random.Random(20261123)
        largest_total = MAX_AMOUNT_CAP * 100 * 100_000
        samples = [1, 9, 10, 99, 100, 10**4, 10**6 + 1, MAX_AMOUNT_CAP * 100]
        samples += [MAX_AMOUNT_CAP * 100 - 1, largest_total]
        samples += [rng.randint(1, MAX_AMOUNT_CAP * 100) for _i in range(3000)]
        samples += [rng.randint(1, largest_total) for _i in range(1000)]
        samples += [
            int("".join(rng.choice("0001") for _d in range(rng.randint(2, 20))))
            for _i in range(2000)
        ]
        for cents in samples:
            words = amount_to_chinese(Decimal(cents) / 100)
            self.assertEqual(words_to_cents(words), cents, words)
