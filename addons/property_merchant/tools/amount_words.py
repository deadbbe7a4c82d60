"""Chinese upper-case amounts (大写金额) for statements.

``num2words`` as pinned by Odoo 19 (0.5.10) has no Chinese, so the financial
form is built here: 1234.56 -> 壹仟贰佰叁拾肆元伍角陆分.
"""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")


def _big_unit(index):
    """Unit of the ``index``-th group of four digits: 万, 亿, 万亿, 亿亿..."""
    return ("万" if index % 2 else "") + "亿" * (index // 2)


def _four_digits(number):
    """Words for 0 < number < 10000, with inner zeros collapsed to one 零."""
    words = ""
    zero = False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit:
            if zero:
                words += DIGITS[0]
            words += DIGITS[digit] + SMALL_UNITS[position]
            zero = False
        elif words:
            zero = True
    return words


def amount_to_chinese(amount):
    """Return ``amount`` (yuan) in Chinese financial upper-case words.

    Any amount: groups of four digits take 万 and 亿 (万亿, 亿亿...), so
    statement totals far above the largest bill allowed still read right.
    """
    cents = int(
        (Decimal(str(amount)) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    )
    if cents < 0:
        return "负" + amount_to_chinese(-cents / 100)
    yuan, fen = divmod(cents, 100)
    jiao, fen = divmod(fen, 10)
    words = ""
    if yuan:
        groups = []
        while yuan:
            yuan, group = divmod(yuan, 10000)
            groups.append(group)
        need_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group:
                if need_zero or (words and group < 1000):
                    words += DIGITS[0]
                words += _four_digits(group) + _big_unit(index)
                need_zero = False
            elif words:
                need_zero = True
        words += "元"
    if not jiao and not fen:
        return (words or "零元") + "整"
    if jiao:
        words += DIGITS[jiao] + "角"
    elif words:
        words += DIGITS[0]
    if fen:
        words += DIGITS[fen] + "分"
    return words
