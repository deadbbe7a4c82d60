from odoo.tests import HttpCase, TransactionCase, tagged

from .zh_cn import assert_no_english, english_words, load_zh_cn


@tagged("post_install", "-at_install")
class TestChineseScreenTour(HttpCase):
    def test_no_english_step_passes_a_chinese_screen(self):
        """The tour step staff tours use to fail on English left on a screen."""
        load_zh_cn(self.env)
        self.env.ref("base.user_admin").lang = "zh_CN"
        self.env["property.project"].create({"name": "翠湖花园", "code": "ZHCN"})
        self.start_tour(
            "/odoo/action-property_base.property_project_action",
            "property_base_zh_cn_screen",
            login="admin",
        )


@tagged("post_install", "-at_install")
class TestAssertNoEnglish(TransactionCase):
    def test_flags_words_not_codes(self):
        self.assertEqual(
            english_words("负责人 Assigned user · KPI 5.31 % · HT00022 · SLA · e-mail"),
            ["Assigned", "user", "e-mail"],
        )

    def test_reads_labels_of_arch_and_page(self):
        arch = '<form string="工单"><button string="Assign to me"/><p>说明</p></form>'
        with self.assertRaisesRegex(AssertionError, "Assign"):
            assert_no_english(self, arch)
        assert_no_english(
            self, "<div><span>新建</span><input placeholder='搜索'/></div>"
        )
        with self.assertRaisesRegex(AssertionError, "Search"):
            assert_no_english(self, "<div><input placeholder='Search...'/></div>")
