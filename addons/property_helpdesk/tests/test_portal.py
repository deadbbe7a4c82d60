from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import HelpdeskCommon
from .test_portal_attack import PNG


@tagged("post_install", "-at_install")
class TestHelpdeskPortal(HelpdeskCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="owner_a_hd",
            password="owner_a_hd",
            groups="base.group_portal",
            partner_id=cls.owner_a.id,
        )
        new_test_user(
            cls.env,
            login="owner_b_hd",
            password="owner_b_hd",
            groups="base.group_portal",
            partner_id=cls.owner_b.id,
        )

    def _post(self, url, data, **kw):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}, **kw
        )

    def test_owner_files_repair_for_own_unit_with_photo(self):
        self.authenticate("owner_a_hd", "owner_a_hd")
        form = self.url_open("/new/ticket")
        self.assertIn(self.unit_a1.display_name, form.text)
        self.assertNotIn(self.unit_b1.display_name, form.text)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "unit_id": self.unit_a1.id,
                "kind": "repair",
                "subject": "Door lock broken",
                "description": "The lock is stuck",
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"attachment": ("lock.png", PNG, "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.Ticket.search([("name", "=", "Door lock broken")])
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertEqual(ticket.kind, "repair")
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.user_id, self.butler_a)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["lock.png"])
        # the owner lands on the ticket page and sees the 3-1-2 deadlines
        self.assertIn(f"/my/ticket/{ticket.id}", response.url)
        self.assertIn("expected by", response.text)
        self.assertIn("o_ticket_milestones", response.text)

    def test_owner_files_repair_in_the_browser(self):
        """The request form as the owner clicks it from /my (browser tour)."""
        self.start_tour("/my", "property_helpdesk_owner_request", login="owner_a_hd")
        ticket = self.Ticket.search([("name", "=", "Kitchen tap dripping")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.kind, "repair")
        self.assertEqual(ticket.unit_id, self.unit_a1)
        self.assertEqual(ticket.partner_id, self.owner_a)
        self.assertEqual(ticket.user_id, self.butler_a)
        self.assertTrue(ticket.resolve_deadline)

    def test_owner_files_complaint(self):
        self.authenticate("owner_a_hd", "owner_a_hd")
        self._post(
            "/submitted/ticket",
            {
                "unit_id": self.unit_a1.id,
                "kind": "complaint",
                "subject": "Noisy neighbours",
                "description": "Every night",
            },
        )
        ticket = self.Ticket.search([("name", "=", "Noisy neighbours")])
        self.assertEqual(ticket.kind, "complaint")
        self.assertEqual(ticket.complaint_grade, "general")
        self.assertTrue(ticket.resolve_deadline)

    def test_owner_cannot_file_for_someone_elses_unit(self):
        self.authenticate("owner_b_hd", "owner_b_hd")
        form = self.url_open("/new/ticket")
        self.assertNotIn(self.unit_a1.display_name, form.text)
        response = self._post(
            "/submitted/ticket",
            {
                "unit_id": self.unit_a1.id,
                "kind": "complaint",
                "subject": "Not mine",
                "description": "x",
            },
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.Ticket.search([("name", "=", "Not mine")]))

    def test_owner_cannot_see_someone_elses_ticket(self):
        ticket = self._ticket(kind="repair", name="Private leak")
        self.authenticate("owner_b_hd", "owner_b_hd")
        response = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn("Private leak", response.text)
        self.assertNotIn(f"/my/ticket/{ticket.id}", response.url)

    def test_owner_rates_callback_and_low_score_reopens(self):
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        phone = ticket.callback_ids.filtered(lambda c: c.callback_type == "phone")
        phone.due_date = fields.Datetime.now() - timedelta(minutes=1)
        self.authenticate("owner_a_hd", "owner_a_hd")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn("o_ticket_callback_form", page.text)
        self._post(f"/my/ticket/{ticket.id}/callback/{phone.id}", {"score": "1"})
        self.assertEqual(phone.score, 1)
        self.assertFalse(ticket.closed)

    def test_other_owner_cannot_rate(self):
        ticket = self._ticket(kind="repair")
        self._close(ticket)
        callback = ticket.callback_ids[0]
        self.authenticate("owner_b_hd", "owner_b_hd")
        self._post(
            f"/my/ticket/{ticket.id}/callback/{callback.id}",
            {"score": "1"},
            allow_redirects=False,
        )
        self.assertEqual(callback.state, "planned")
        self.assertTrue(ticket.closed)
