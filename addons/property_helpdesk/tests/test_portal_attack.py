import base64
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import HelpdeskCommon

#: the smallest valid PNG (1x1 pixel)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortalAttack(HelpdeskCommon, HttpCase):
    """Issue 12 items 1, 6 and 7: a logged-in owner attacks the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = new_test_user(
            cls.env,
            login="owner_a_atk",
            password="owner_a_atk",
            groups="base.group_portal",
            partner_id=cls.owner_a.id,
        )
        cls.user_b = new_test_user(
            cls.env,
            login="owner_b_atk",
            password="owner_b_atk",
            groups="base.group_portal",
            partner_id=cls.owner_b.id,
        )
        cls.done_stage.close_from_portal = True
        cls.cat_portal = cls.env["helpdesk.ticket.category"].create(
            {"name": "Portal Category", "show_in_portal": True}
        )
        cls.cat_hidden = cls.env["helpdesk.ticket.category"].create(
            {"name": "Staff Only Category", "show_in_portal": False}
        )
        cls.env.company.helpdesk_mgmt_portal_select_category = True

    def _post(self, url, data, **kw):
        return self.url_open(
            url, data={**data, "csrf_token": http.Request.csrf_token(self)}, **kw
        )

    def _close_request(self, ticket, method="POST"):
        data = {"ticket_id": ticket.id, "stage_id": self.done_stage.id}
        if method == "GET":
            return self.url_open(
                f"/ticket/close?ticket_id={ticket.id}&stage_id={self.done_stage.id}",
                allow_redirects=False,
            )
        return self._post("/ticket/close", data, allow_redirects=False)

    # ---- item 1: closing tickets ---------------------------------------

    def test_owner_cannot_close_other_owners_ticket_with_get(self):
        """The confirmed case: a GET from another owner closed the repair."""
        repair = self._ticket(unit_id=self.unit_a1.id)
        self.authenticate("owner_b_atk", "owner_b_atk")
        response = self._close_request(repair, method="GET")
        self.assertEqual(response.status_code, 405)
        self.assertFalse(repair.closed)
        self.assertFalse(repair.resolve_date)
        self.assertFalse(repair.callback_ids)

    def test_owner_cannot_close_other_owners_ticket_with_post(self):
        inquiry = self._ticket(
            kind="inquiry", unit_id=False, partner_id=self.owner_a.id
        )
        self.authenticate("owner_b_atk", "owner_b_atk")
        response = self._close_request(inquiry)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertFalse(inquiry.closed)

    def test_owner_cannot_close_own_repair_or_complaint(self):
        repair = self._ticket()
        complaint = self._ticket(kind="complaint", complaint_grade="general")
        self.authenticate("owner_a_atk", "owner_a_atk")
        page = self.url_open(f"/my/ticket/{repair.id}")
        self.assertNotIn('action="/ticket/close"', page.text)
        for ticket in repair | complaint:
            self._close_request(ticket)
            self.assertFalse(ticket.closed)

    def test_owner_sees_close_button_and_ticket_number_on_own_inquiry(self):
        inquiry = self._ticket(kind="inquiry")
        self.authenticate("owner_a_atk", "owner_a_atk")
        page = self.url_open(f"/my/ticket/{inquiry.id}").text
        sidebar = page[page.index("o_portal_helpdesk_sidebar") :]
        sidebar = sidebar[: sidebar.index("helpdesk_ticket_content")]
        self.assertIn('action="/ticket/close"', sidebar)
        self.assertIn(self.done_stage.name, sidebar)
        self.assertIn(inquiry.number, sidebar)

    def test_owner_closes_own_inquiry_with_post_only_to_allowed_stage(self):
        inquiry = self._ticket(kind="inquiry")
        self.authenticate("owner_a_atk", "owner_a_atk")
        # helpdesk_mgmt's close buttons post their form with a CSRF token
        page = self.env.ref("helpdesk_mgmt.portal_helpdesk_ticket_page")
        (form,) = page._get_combined_arch().xpath(
            "//div[@name='ticket_close_buttons']//form"
        )
        self.assertEqual(form.get("method"), "post")
        self.assertTrue(form.xpath("input[@name='csrf_token']"))
        not_closing = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        self._post(
            "/ticket/close",
            {"ticket_id": inquiry.id, "stage_id": not_closing.id},
            allow_redirects=False,
        )
        self.assertNotEqual(inquiry.stage_id, not_closing)
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Elsewhere"})
        team_stage = self.env["helpdesk.ticket.stage"].create(
            {
                "name": "Closed elsewhere",
                "closed": True,
                "close_from_portal": True,
                "team_ids": [(6, 0, other_team.ids)],
            }
        )
        self._post(
            "/ticket/close",
            {"ticket_id": inquiry.id, "stage_id": team_stage.id},
            allow_redirects=False,
        )
        self.assertFalse(inquiry.closed)
        self._close_request(inquiry)
        self.assertTrue(inquiry.closed)

    # ---- item 6: the owner's ticket form -------------------------------

    def _submit(self, files=None, **values):
        data = {
            "unit_id": self.unit_a1.id,
            "kind": "repair",
            "subject": "Broken window",
            "description": "Cracked glass",
            "csrf_token": http.Request.csrf_token(self),
            **values,
        }
        return self.url_open("/submitted/ticket", data=data, files=files)

    def _filed(self, subject="Broken window"):
        return self.Ticket.search([("name", "=", subject)])

    def test_six_photos_refused(self):
        self.authenticate("owner_a_atk", "owner_a_atk")
        files = [("attachment", (f"p{i}.png", PNG, "image/png")) for i in range(6)]
        response = self._submit(files=files)
        self.assertIn("Attach at most 5 photos", response.text)
        self.assertFalse(self._filed())
        files = [("attachment", (f"p{i}.png", PNG, "image/png")) for i in range(5)]
        self._submit(files=files)
        self.assertEqual(len(self._filed().attachment_ids), 5)

    def test_non_image_refused_by_content(self):
        self.authenticate("owner_a_atk", "owner_a_atk")
        files = [
            ("attachment", ("photo.jpg", b"<script>alert(1)</script>", "image/jpeg"))
        ]
        response = self._submit(files=files)
        self.assertIn("is not a photo", response.text)
        self.assertFalse(self._filed())
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "photo.jpg")]))

    def test_oversized_photo_refused(self):
        self.env["ir.config_parameter"].set_param(
            "property_helpdesk.portal_max_photo_mb", 1
        )
        self.authenticate("owner_a_atk", "owner_a_atk")
        big = PNG + b"\0" * (1024 * 1024)
        response = self._submit(files=[("attachment", ("big.png", big, "image/png"))])
        self.assertIn("larger than 1 MB", response.text)
        self.assertFalse(self._filed())

    def test_rate_limit_per_owner(self):
        self.env["ir.config_parameter"].set_param(
            "property_helpdesk.portal_rate_count", 2
        )
        self.authenticate("owner_a_atk", "owner_a_atk")
        self._submit(subject="First")
        self._submit(subject="Second")
        response = self._submit(subject="Third")
        self.assertIn("You have filed 2 requests", response.text)
        self.assertTrue(self._filed("Second"))
        self.assertFalse(self._filed("Third"))
        # another owner is not limited by owner A's requests
        self.authenticate("owner_b_atk", "owner_b_atk")
        self._submit(subject="Other owner", unit_id=self.unit_b1.id)
        self.assertTrue(self._filed("Other owner"))

    def test_category_must_be_offered(self):
        self.authenticate("owner_a_atk", "owner_a_atk")
        response = self._submit(category=self.cat_hidden.id)
        self.assertIn("Choose a category from the list", response.text)
        self.assertFalse(self._filed())
        self._submit(category=self.cat_portal.id)
        self.assertEqual(self._filed().category_id, self.cat_portal)

    # ---- item 7: callback ratings --------------------------------------

    def _due_callback(self, ticket):
        self._close(ticket)
        callback = ticket.callback_ids.filtered(lambda c: c.callback_type == "phone")
        callback.due_date = fields.Datetime.now() - timedelta(hours=1)
        return callback

    def test_rating_stored_as_owner_only_when_due(self):
        ticket = self._ticket()
        self._close(ticket)
        visit = ticket.callback_ids.filtered(lambda c: c.callback_type == "visit")
        self.authenticate("owner_a_atk", "owner_a_atk")
        self._post(f"/my/ticket/{ticket.id}/callback/{visit.id}", {"score": "5"})
        self.assertEqual(visit.state, "planned", "not due yet: refused")
        phone = ticket.callback_ids.filtered(lambda c: c.callback_type == "phone")
        phone.due_date = fields.Datetime.now() - timedelta(hours=1)
        self._post(f"/my/ticket/{ticket.id}/callback/{phone.id}", {"score": "5"})
        self.assertEqual(phone.state, "done")
        self.assertEqual(phone.user_id, self.user_a)

    def test_follower_of_other_household_cannot_rate(self):
        ticket = self._ticket()
        callback = self._due_callback(ticket)
        ticket.message_subscribe(partner_ids=self.owner_b.ids)
        self.authenticate("owner_b_atk", "owner_b_atk")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn("o_ticket_callback_form", page.text)
        self._post(f"/my/ticket/{ticket.id}/callback/{callback.id}", {"score": "1"})
        self.assertEqual(callback.state, "planned")
        self.assertTrue(ticket.closed)
