from odoo.addons.property_base.tests.zh_cn import (
    assert_no_english,
    load_zh_cn,
    view_labels,
)
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestChineseScreens(TransactionCase):
    """The staff screens of repairs and complaints read in Chinese: the OCA
    Helpdesk labels (through helpdesk_mgmt_zh_cn) and the suite's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env_zh = load_zh_cn(cls.env)

    def test_ticket_screens(self):
        for view_type in ("form", "list", "kanban", "search"):
            with self.subTest(view_type=view_type):
                assert_no_english(
                    self, view_labels(self.env_zh, "helpdesk.ticket", view_type)
                )

    def test_patrol_and_callback_screens(self):
        for model in ("property.patrol", "property.ticket.callback"):
            for view_type in ("form", "list"):
                with self.subTest(model=model, view_type=view_type):
                    assert_no_english(self, view_labels(self.env_zh, model, view_type))

    def test_demo_desk_has_no_oca_sample(self):
        """With demo data, OCA's English sample desk is gone from the lists."""
        team = self.env.ref("helpdesk_mgmt.helpdesk_team_1", raise_if_not_found=False)
        if not team:
            self.skipTest("database without demo data")
        self.assertFalse(
            self.env["helpdesk.ticket.team"].search([("name", "=", "Helpdesk")])
        )
        names = self.env["helpdesk.ticket.category"].search([]).mapped("name")
        self.assertFalse({"Software", "Wifi", "Odoo"} & set(names), names)
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("name", "=like", "Damaged%")])
        )
