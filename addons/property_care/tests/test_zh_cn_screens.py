from odoo.addons.property_base.tests.zh_cn import (
    assert_no_english,
    load_zh_cn,
    view_labels,
)
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestChineseScreens(TransactionCase):
    """The butler's care screens read in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env_zh = load_zh_cn(cls.env)

    def test_touchpoint_visit_and_conversion_screens(self):
        for model in (
            "property.care.touchpoint",
            "property.care.visit",
            "property.care.conversion",
        ):
            for view_type in ("form", "list"):
                with self.subTest(model=model, view_type=view_type):
                    assert_no_english(self, view_labels(self.env_zh, model, view_type))
