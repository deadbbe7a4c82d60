from odoo.tests import HttpCase


class ChineseTourCase(HttpCase):
    """A browser tour in the Chinese web client: zh_CN with the suite's terms."""

    tour_modules = ("property_base",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            list(cls.tour_modules), ["zh_CN"], overwrite=True
        )

    @classmethod
    def _speak_chinese(cls, *users):
        for user in users:
            user.lang = "zh_CN"
