from datetime import date, timedelta

from freezegun import freeze_time

from odoo.addons.property_base.tests.zh_cn import load_zh_cn
from odoo.tests import tagged

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
