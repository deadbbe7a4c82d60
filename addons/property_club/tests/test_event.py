from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ClubCommon


@tagged("post_install", "-at_install")
class TestClubEvent(ClubCommon):
    def test_reserved_event_refuses_other_tiers(self):
        forum = self._club_event("Owner forum", tiers=self.gold | self.silver)
        self.env["event.registration"].create(
            {"event_id": forum.id, "partner_id": self.owner_a.id}
        )
        with self.assertRaisesRegex(ValidationError, "reserved"):
            self.env["event.registration"].create(
                {"event_id": forum.id, "partner_id": self.owner_b.id}
            )

    def test_open_event_accepts_everyone(self):
        day = self._club_event("Family day")
        registration = self.env["event.registration"].create(
            {"event_id": day.id, "partner_id": self.owner_b.id}
        )
        self.assertTrue(registration.exists())
