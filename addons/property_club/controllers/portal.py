from odoo import fields, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class ClubPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "club_card_count" in counters:
            values["club_card_count"] = request.env["property.club.card"].search_count(
                self._club_card_domain()
            )
        return values

    def _club_card_domain(self):
        partner = request.env.user.partner_id
        return [("partner_id", "=", partner.id), ("state", "!=", "draft")]

    def _club_upcoming_events(self, tiers):
        """Upcoming club activities open to holders of ``tiers``."""
        events_sudo = (
            request.env["event.event"]
            .sudo()
            .search(
                [
                    ("is_club_activity", "=", True),
                    ("date_end", ">=", fields.Datetime.now()),
                    "|",
                    ("club_tier_ids", "=", False),
                    ("club_tier_ids", "in", tiers.ids),
                ],
                order="date_begin",
                limit=20,
            )
        )
        return events_sudo

    @http.route("/my/club", type="http", auth="user", website=True, readonly=True)
    def portal_my_club(self, **kw):
        cards = request.env["property.club.card"].search(
            self._club_card_domain(), order="state, expiry_date desc"
        )
        active_tiers = cards.filtered(lambda c: c.state == "active").tier_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "club",
                "cards": cards,
                "tiers": active_tiers,
                "events": self._club_upcoming_events(active_tiers),
            }
        )
        return request.render("property_club.portal_my_club", values)

    @http.route(
        "/my/club/card/<int:card_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def portal_my_club_card(
        self, card_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            card_sudo = self._document_check_access(
                "property.club.card", card_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=card_sudo,
                report_type=report_type,
                report_ref="property_club.action_report_club_card",
                download=download,
            )
        values = self._get_page_view_values(
            card_sudo,
            access_token,
            {"page_name": "club_card", "card": card_sudo},
            "my_club_cards_history",
            False,
        )
        return request.render("property_club.portal_club_card", values)
