from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestIssueWizard(ClubCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomers = cls.env["res.partner"].create(
            [{"name": f"Newcomer {i}", "customer_stage": "owner"} for i in range(5)]
        )

    def _run(self, partners, tier=None, user=None):
        env = self.env(user=user or self.officer)
        form = Form(
            env["property.club.card.issue.wizard"].with_context(
                active_model="res.partner", active_ids=partners.ids
            )
        )
        if tier:
            form.tier_id = tier
        return form.save()

    def test_bulk_issue_one_card_per_member_and_tier_idempotent(self):
        self.env["ir.config_parameter"].set_param("property_club.issue_batch_size", 2)
        partners = self.newcomers | self.owner_a
        wizard = self._run(partners, self.silver)
        self.assertEqual(wizard.partner_ids, partners)
        action = wizard.action_issue()
        cards = self.env["property.club.card"].search(action["domain"])
        self.assertEqual(cards.partner_id, self.newcomers)  # owner_a holds Silver
        self.assertEqual(set(cards.mapped("state")), {"active"})
        self.assertEqual(cards.tier_id, self.silver)
        self.assertEqual(set(self.newcomers.mapped("club_state")), {"member"})
        again = self._run(partners, self.silver).action_issue()
        self.assertEqual(again["type"], "ir.actions.client")
        self.assertEqual(
            self.env["property.club.card"].search_count(
                [("partner_id", "in", partners.ids)]
            ),
            6,
        )
        # another tier is another card
        gold = self._run(self.newcomers[:1], self.gold).action_issue()
        self.assertEqual(len(self.env["property.club.card"].search(gold["domain"])), 1)

    def test_bulk_issue_earned_tier_and_skips_left_members(self):
        self.newcomers[0].club_state = "left"
        cards = self._run(self.newcomers)._issue()
        self.assertEqual(cards.partner_id, self.newcomers[1:])
        self.assertEqual(cards.tier_id, self.blue)  # newcomers earn the entry tier

    def test_queries_per_batch_not_per_member(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Bulk {i}", "customer_stage": "owner"} for i in range(40)]
        )
        wizard = self._run(partners[:20], self.blue)
        wizard.activate = False
        with self.assertQueryCount(200) as _count:
            wizard._issue()
        small = self._run(partners[20:22], self.blue)
        small.activate = False
        self.env.invalidate_all()
        with self.assertQueryCount(200):
            small._issue()

    def test_butler_cannot_issue_cards(self):
        with self.assertRaises(AccessError):
            self._run(self.newcomers, self.silver, user=self.butler_a).action_issue()
