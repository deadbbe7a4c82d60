from odoo.addons.property_club.tools import card_number
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCardNumber(TransactionCase):
    def test_generated_numbers_are_valid_and_random(self):
        numbers = {card_number.generate() for _i in range(200)}
        self.assertEqual(len(numbers), 200)
        for number in numbers:
            self.assertEqual(len(number), 12)
            self.assertTrue(card_number.is_well_formed(number), number)

    def test_every_single_digit_typo_is_detected(self):
        for number in [card_number.generate() for _i in range(20)]:
            for position in range(len(number)):
                for digit in "0123456789":
                    if digit == number[position]:
                        continue
                    typo = number[:position] + digit + number[position + 1 :]
                    self.assertFalse(card_number.is_well_formed(typo), typo)

    def test_adjacent_transpositions_are_detected(self):
        number = "600000000051"
        for position in range(len(number) - 1):
            a, b = number[position], number[position + 1]
            if a == b:
                continue
            swapped = number[:position] + b + a + number[position + 2 :]
            self.assertFalse(card_number.is_well_formed(swapped), swapped)

    def test_malformed_inputs(self):
        for bad in ("", "abc", "6000 0000 005", "60000000005X", "6000000000510"):
            self.assertFalse(card_number.is_well_formed(bad), bad)
        self.assertTrue(card_number.is_well_formed("6000 0000 0051"))
        self.assertTrue(card_number.is_well_formed("6000-0000-0051"))
