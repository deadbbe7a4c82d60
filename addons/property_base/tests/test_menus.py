from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestMenus(TransactionCase):
    """Every menu of the Owner Relations app opens on real demo records."""

    def test_every_menu_opens_on_demo_records(self):
        if not self.env.ref(
            "property_base.project_jade_lake", raise_if_not_found=False
        ):
            self.skipTest("needs the demo data (checked in the all-together run)")
        root = self.env.ref("property_base.menu_property_root")
        menus = self.env["ir.ui.menu"].search([("id", "child_of", root.id)])
        checked, empty = [], []
        for menu in menus.filtered("action"):
            action = menu.action
            if action._name != "ir.actions.act_window":
                continue
            model = self.env[action.res_model]
            if model._transient or model._abstract:
                continue
            domain = safe_eval(
                action.domain or "[]",
                {"uid": self.env.uid, "context_today": lambda: None},
            )
            checked.append(menu.complete_name)
            if not model.search_count(domain, limit=1):
                empty.append(f"{menu.complete_name} ({action.res_model})")
        self.assertGreater(len(checked), 5)
        self.assertFalse(empty, "menus that open on nothing with the demo data")
