"""Club card numbers: random digits closed by a Damm check digit.

The Damm algorithm detects every single-digit substitution and every
transposition of adjacent digits, so a mistyped number is never taken for
another member's card.
"""

import secrets

_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits):
    interim = 0
    for char in digits:
        interim = _DAMM[interim][int(char)]
    return str(interim)


def generate(length=12):
    """A random card number of ``length`` digits, the last one a check digit."""
    body = str(secrets.randbelow(9) + 1) + "".join(
        str(secrets.randbelow(10)) for _ in range(length - 2)
    )
    return body + damm_digit(body)


def normalize(number):
    """Strip the spaces and dashes people type or scanners add."""
    return "".join((number or "").split()).replace("-", "")


def is_well_formed(number, length=12):
    number = normalize(number)
    return len(number) == length and number.isdigit() and damm_digit(number) == "0"


def mask(number):
    """Only the last 4 digits, the way a receipt shows a card: ``**** **** 1234``."""
    number = normalize(number)
    if not number:
        return ""
    hidden = "*" * max(len(number) - 4, 0)
    masked = hidden + number[-4:]
    return " ".join(masked[i : i + 4] for i in range(0, len(masked), 4))
