from datetime import date, timedelta

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.tests import tagged, warmup

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestClubCrons(ClubCommon):
    def _run(self, xmlid):
        with self.enter_registry_test_mode():
            self.env.ref(xmlid).method_direct_trigger()
        self.env.invalidate_all()

    def test_expiry_cron_is_idempotent(self):
        self.card_b.expiry_date = date.today() - timedelta(days=1)
        self._run("property_club.ir_cron_club_card_expiry")
        self.assertEqual(self.card_b.state, "expired")
        self.assertEqual(self.card_a.state, "active")
        self._run("property_club.ir_cron_club_card_expiry")
        self.assertEqual(self.card_b.state, "expired")

    @freeze_time("2030-06-01")
    def test_retier_promotes_with_reason_and_second_run_changes_nothing(self):
        # owner_a owns since 2023-01-01: 7 years -> Silver (>= 1 year); with two
        # attended club events in the window and 3 years -> Gold.
        event = self._club_event(
            "Family day",
            date_begin="2030-03-01 09:00:00",
            date_end="2030-03-01 12:00:00",
        )
        event2 = self._club_event(
            "Forum", date_begin="2030-04-01 09:00:00", date_end="2030-04-01 12:00:00"
        )
        self.env["event.registration"].create(
            [
                {"event_id": e.id, "partner_id": self.owner_a.id, "state": "done"}
                for e in (event, event2)
            ]
        )
        self._run("property_club.ir_cron_club_retier")
        self.assertEqual(self.card_a.tier_id, self.gold)
        history = self.card_a.tier_history_ids[:1]
        self.assertEqual(history.old_tier_id, self.silver)
        self.assertIn("2 club events", history.reason)
        # owner_b has no event attended but owns since 2023 -> Silver
        self.assertEqual(self.card_b.tier_id, self.silver)
        histories = self.env["property.club.tier.history"].search_count([])
        self._run("property_club.ir_cron_club_retier")
        self.assertEqual(
            self.env["property.club.tier.history"].search_count([]), histories
        )
        self.assertEqual(self.card_a.tier_id, self.gold)

    @freeze_time("2030-06-01")
    def test_retier_history_reasons_give_the_holders_figures(self):
        Partner = self.env["res.partner"]
        # owner_a: 7 years, 2 current units, 2 counted referrals, 5 counted
        # club events (an activity archived since counts) -> Platinum
        self.env["property.residency"].create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a2.id,
                "role": "co_owner",
                "date_start": "2029-01-01",
            }
        )
        Partner.create(
            [
                {
                    "name": "Zhao Lei",
                    "referred_by_id": self.owner_a.id,
                    "customer_stage": "owner",
                },
                {
                    "name": "Qian Fang",
                    "referred_by_id": self.owner_a.id,
                    "customer_stage": "signed",
                },
                {
                    "name": "Sun Hao",
                    "referred_by_id": self.owner_a.id,
                    "customer_stage": "prospect",
                },
                {
                    "name": "Zhou Min",
                    "referred_by_id": self.owner_a.id,
                    "customer_stage": "owner",
                    "active": False,
                },
            ]
        )
        counted = [
            self._club_event(
                f"Forum {n}",
                date_begin=f"2030-0{n}-01 09:00:00",
                date_end=f"2030-0{n}-01 12:00:00",
            )
            for n in range(1, 5)
        ]
        too_old = self._club_event(
            "Old forum",
            date_begin="2029-01-01 09:00:00",
            date_end="2029-01-01 12:00:00",
        )
        archived = self._club_event(
            "Archived", date_begin="2030-05-01 09:00:00", date_end="2030-05-01 12:00:00"
        )
        not_club = self._club_event(
            "Sales day",
            is_club_activity=False,
            date_begin="2030-05-02 09:00:00",
            date_end="2030-05-02 12:00:00",
        )
        Registration = self.env["event.registration"]
        Registration.create(
            [
                {"event_id": e.id, "partner_id": self.owner_a.id, "state": "done"}
                for e in (*counted, too_old, archived, not_club)
            ]
        )
        archived.active = False
        # a registration not attended does not count
        Registration.create(
            {"event_id": counted[0].id, "partner_id": self.owner_b.id, "state": "open"}
        )
        # a member with no home: no threshold met -> the entry tier
        newcomer = Partner.create({"name": "Wu Xin", "customer_stage": "signed"})
        card_c = self.env["property.club.card"].create(
            {"partner_id": newcomer.id, "tier_id": self.silver.id}
        )
        card_c.action_activate()
        metrics = (self.owner_a | self.owner_b | newcomer)._club_metrics()
        self._run("property_club.ir_cron_club_retier")
        expected = {
            self.card_a: (
                self.silver,
                self.platinum,
                "Re-tiering: 7 years of ownership, 2 units, 2 referrals, "
                "5 club events attended: Silver → Platinum",
            ),
            self.card_b: (
                self.blue,
                self.silver,
                "Re-tiering: 7 years of ownership, 1 units, 0 referrals, "
                "0 club events attended: Blue → Silver",
            ),
            card_c: (
                self.silver,
                self.blue,
                "Re-tiering: 0 years of ownership, 0 units, 0 referrals, "
                "0 club events attended: Silver → Blue",
            ),
        }
        for card, (old, new, reason) in expected.items():
            history = card.tier_history_ids[:1]
            self.assertEqual(card.tier_id, new)
            self.assertEqual(
                (history.old_tier_id, history.new_tier_id, history.reason),
                (old, new, reason),
            )
            self.assertEqual(history.partner_id, card.partner_id)
            self.assertEqual(history.user_id, self.env.ref("base.user_root"))
            # the reason's figures are those the rest of the club uses
            self.assertEqual(
                history.reason,
                card._retier_reason(old, new, metrics[card.partner_id.id]),
            )
        # the holder's stored tier follows the card
        self.assertEqual(self.owner_a.club_tier_id, self.platinum)
        self.assertEqual(newcomer.club_tier_id, self.blue)

    @freeze_time("2030-06-01")
    def test_retier_never_gives_a_holder_two_live_cards_of_a_tier(self):
        # owner_b earns Silver but already holds a draft Silver card
        draft = self.env["property.club.card"].create(
            {"partner_id": self.owner_b.id, "tier_id": self.silver.id}
        )
        self._run("property_club.ir_cron_club_retier")
        self.assertEqual(self.card_b.tier_id, self.blue)
        self.assertFalse(self.card_b.tier_history_ids.filtered("old_tier_id"))
        self.assertEqual(draft.tier_id, self.silver)
        # two active cards of one holder that both earn Silver: one moves
        (self.card_b | draft).action_cancel()
        gold, platinum = self.env["property.club.card"].create(
            [
                {"partner_id": self.owner_b.id, "tier_id": self.gold.id},
                {"partner_id": self.owner_b.id, "tier_id": self.platinum.id},
            ]
        )
        (gold | platinum).action_activate()
        self._run("property_club.ir_cron_club_retier")
        self.assertEqual(gold.tier_id, self.silver)
        self.assertEqual(platinum.tier_id, self.platinum)
        self.assertFalse(platinum.tier_history_ids.filtered("old_tier_id"))

    def _rerun_with_members(self, count):
        partners = self.env["res.partner"].create(
            [{"name": f"Member {n}", "customer_stage": "owner"} for n in range(count)]
        )
        self.env["property.residency"].create(
            [
                {
                    "partner_id": partner.id,
                    "unit_id": self.unit_a2.id,
                    "role": "owner",
                    "date_start": "2020-01-01",
                }
                for partner in partners
            ]
        )
        partners.action_join_club()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr)
            env["property.club.card"]._cron_retier()
            History = env["property.club.tier.history"]
            changes = History.search_count([])
            with self.assertQueryCount(2):
                env["property.club.card"]._cron_retier()
            self.assertEqual(History.search_count([]), changes)

    @warmup
    def test_retier_rerun_queries_few_members(self):
        self._rerun_with_members(2)

    @warmup
    def test_retier_rerun_queries_many_members(self):
        self._rerun_with_members(12)

    @freeze_time("2030-06-01")
    def test_retier_reason_in_company_language(self):
        """The monthly cron runs in English; the tier history is read by the
        company's staff, in its language."""
        load_zh_cn(self.env, ["property_club"])
        self.card_a.company_id.partner_id.lang = "zh_CN"
        events = self._club_event(
            "Family day",
            date_begin="2030-03-01 09:00:00",
            date_end="2030-03-01 12:00:00",
        ) | self._club_event(
            "Forum", date_begin="2030-04-01 09:00:00", date_end="2030-04-01 12:00:00"
        )
        self.env["event.registration"].create(
            [
                {"event_id": e.id, "partner_id": self.owner_a.id, "state": "done"}
                for e in events
            ]
        )
        self._run("property_club.ir_cron_club_retier")
        self.assertEqual(
            self.card_a.tier_history_ids[:1].reason,
            "重新定级：业主年限 7 年，房产 1 套，推荐 0 人，"
            "参加俱乐部活动 2 次：银卡 → 金卡",
        )

    def test_metrics_are_batched(self):
        partners = self.owner_a | self.owner_b
        partners._club_metrics()
        with self.assertQueryCount(4):
            partners._club_metrics()

    def test_attendance_feeds_health(self):
        event = self._club_event(
            "Calligraphy",
            date_begin=date.today() - timedelta(days=3),
            date_end=date.today() - timedelta(days=2),
        )
        self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.owner_a.id, "state": "done"}
        )
        (self.owner_a | self.owner_b).action_compute_health()
        self.assertIn("1 club activities attended", self.owner_a.health_reasons)
        self.assertEqual(self.owner_a.health_score, 83)
        self.assertIn("no activity", self.owner_b.health_reasons)
        self.assertEqual(self.owner_b.health_score, 75)
