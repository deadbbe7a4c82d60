"""Simplified Chinese in tests: load the catalogues as an installed zh_CN
would, and find the English a Chinese user would still read on a screen.

    from odoo.addons.property_base.tests.zh_cn import (
        assert_no_english, load_zh_cn, view_labels,
    )

    env_zh = load_zh_cn(self.env)        # every installed module, lang=zh_CN
    assert_no_english(self, view_labels(env_zh, "helpdesk.ticket", "form"))
    assert_no_english(self, self.url_open("/my/tickets").text)   # a page
"""

import re

from lxml import etree, html

# Latin that stays Latin on a Chinese screen: codes and units, not words.
ALLOWED = frozenset(
    {"KPI", "KPIs", "SLA", "QR", "ID", "IDs", "CNY", "PDF", "SMS", "URL", "CSV"}
    | {"Excel", "Odoo", "WeChat", "Email", "VIP", "Pareto", "NPS", "Wi-Fi"}
)
# attributes of a view or page whose text the user reads
SHOWN_ATTRIBUTES = ("string", "placeholder", "title", "help", "confirm", "sum")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
IGNORED_TAGS = ("script", "style", "code", "pre")


def load_zh_cn(env, modules=None):
    """Activate zh_CN, load the catalogues of ``modules`` (default: every
    installed module) and return ``env`` in zh_CN."""
    env["res.lang"]._activate_lang("zh_CN")
    domain = [("state", "=", "installed")]
    if modules:
        domain.append(("name", "in", list(modules)))
    env["ir.module.module"].search(domain)._update_translations("zh_CN")
    return env(context=dict(env.context, lang="zh_CN"))


def english_words(text, allow=()):
    """The Latin words of ``text`` that are not codes: acronyms (all capitals),
    words with digits and ``ALLOWED``/``allow`` are left out."""
    allowed = ALLOWED | set(allow)
    return [
        word
        for word in WORD.findall(text or "")
        if word not in allowed and not word.isupper()
    ]


def shown_texts(markup):
    """The texts a user reads in a view arch or an HTML page: text nodes and
    the shown attributes, outside scripts and styles."""
    root = markup
    if isinstance(markup, str):
        try:
            root = etree.fromstring(markup.strip())
        except etree.XMLSyntaxError:
            root = html.fromstring(markup)
    texts = []
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in IGNORED_TAGS:
            continue
        if node.tag == "field" and node.get("invisible") in ("1", "True"):
            continue
        texts += [node.get(attr) for attr in SHOWN_ATTRIBUTES if node.get(attr)]
        parent_ignored = node.getparent() is not None and (
            node.getparent().tag in IGNORED_TAGS
        )
        if node.text and node.text.strip() and not parent_ignored:
            texts.append(node.text.strip())
        if node.tail and node.tail.strip():
            texts.append(node.tail.strip())
    return texts


def view_labels(env, model, view_type, view_id=None):
    """What a user reads on a view of ``model`` in ``env``'s language: the
    strings of its arch and the labels and selection values of its fields."""
    views = env[model].get_views([(view_id, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    texts = shown_texts(arch)
    fields_of = {name: data["fields"] for name, data in views["models"].items()}
    for node in arch.iter("field"):
        if node.get("invisible") in ("1", "True") or node.get("nolabel") == "1":
            continue
        description = fields_of.get(model, {}).get(node.get("name"), {})
        if not node.get("string") and description.get("string"):
            texts.append(description["string"])
        texts += [label for _value, label in description.get("selection") or []]
    return "\n".join(texts)


def assert_no_english(testcase, markup_or_text, allow=()):
    """Fail ``testcase`` listing each English word left in ``markup_or_text``
    (a view arch, an HTML page or ``view_labels`` text), with its line."""
    text = markup_or_text
    if isinstance(text, str) and text.lstrip().startswith("<"):
        text = "\n".join(shown_texts(text))
    found = [
        (line, words)
        for line in text.splitlines()
        if (words := english_words(line, allow))
    ]
    if found:
        testcase.fail(
            "English left on a Chinese screen:\n"
            + "\n".join(f"  {words}: {line!r}" for line, words in found)
        )
