from lxml import etree

from odoo.tests import HttpCase, new_test_user, tagged


def _load_zh_cn(env):
    """Activate Simplified Chinese and load its terms, as Odoo does for an
    installed language (``-l zh_CN`` / *Settings → Languages*)."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"].search(
        [("name", "in", ("helpdesk_mgmt", "helpdesk_mgmt_zh_cn"))]
    )._update_translations("zh_CN")
    return env(context=dict(env.context, lang="zh_CN"))


@tagged("post_install", "-at_install")
class TestHelpdeskZhCn(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env_zh = _load_zh_cn(cls.env)

    def test_ticket_fields_and_selections(self):
        fields = self.env_zh["helpdesk.ticket"].fields_get(
            ["user_id", "team_id", "partner_id", "description", "priority", "stage_id"],
            ["string", "selection"],
        )
        self.assertEqual(fields["user_id"]["string"], "负责人")
        self.assertEqual(fields["team_id"]["string"], "团队")
        self.assertEqual(fields["description"]["string"], "描述")
        self.assertEqual(fields["stage_id"]["string"], "阶段")
        self.assertEqual(
            [label for _value, label in fields["priority"]["selection"]],
            ["低", "中", "高", "非常高"],
        )

    def test_stages_menu_and_smart_button(self):
        stages = self.env_zh["helpdesk.ticket.stage"].search([])
        self.assertEqual(
            {stage.name for stage in stages},
            {"新建", "处理中", "等待中", "已完成", "已取消", "已拒绝"},
        )
        self.assertEqual(
            self.env_zh.ref("helpdesk_mgmt.helpdesk_ticket_main_menu").name, "服务台"
        )
        # the partner's smart button shows this field's label
        smart_button = self.env_zh["res.partner"].fields_get(
            ["helpdesk_ticket_count_string"], ["string"]
        )
        self.assertEqual(smart_button["helpdesk_ticket_count_string"]["string"], "工单")

    def test_ticket_form_arch(self):
        arch = etree.fromstring(
            self.env_zh["helpdesk.ticket"].get_view(view_type="form")["arch"]
        )
        labels = {node.get("string") for node in arch.iter() if node.get("string")}
        self.assertIn("分派给我", labels)
        self.assertFalse(
            labels & {"Assign to me", "Other Information", "Description"}, labels
        )

    def test_dashboard_tiles(self):
        tiles = self.env_zh["helpdesk.ticket.team"].retrieve_dashboard()
        self.assertIn("未结工单", [tile["name"] for tile in tiles])

    def test_portal_ticket_list(self):
        owner = new_test_user(
            self.env, "zh.owner", groups="base.group_portal", lang="zh_CN"
        )
        self.env["helpdesk.ticket"].create(
            {
                "name": "水管漏水",
                "description": "厨房水管漏水",
                "partner_id": owner.partner_id.id,
            }
        )
        self.authenticate("zh.owner", "zh.owner")
        page = self.url_open("/my/tickets").text
        self.assertIn("水管漏水", page)
        for label in ("最新", "按标题搜索", "阶段"):
            self.assertIn(label, page)
        for english in ("Newest", "Search in Title", "No tickets found."):
            self.assertNotIn(english, page)
