import base64

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

PORTAL_KINDS = ("repair", "complaint")


class PropertyTicketPortal(CustomerPortal):
    def _my_units(self):
        """The units the portal user currently lives in (owner, tenant, family)."""
        partner = request.env.user.partner_id.commercial_partner_id
        residencies_sudo = (
            request.env["property.residency"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("is_current", "=", True)])
        )
        return residencies_sudo.unit_id

    @http.route(
        "/my/property/request",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_property_request(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_request",
                "units": self._my_units(),
                "categories": request.env["helpdesk.ticket.category"]
                .sudo()
                .search([("active", "=", True)]),
                "error": kw.get("error"),
            }
        )
        return request.render("property_helpdesk.portal_property_request", values)

    @http.route(
        "/my/property/request", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_property_request_submit(
        self,
        unit_id=None,
        kind="repair",
        subject="",
        description="",
        category_id=None,
        **kw,
    ):
        units = self._my_units()
        try:
            unit = units.filtered(lambda u: u.id == int(unit_id or 0))
        except ValueError:
            unit = units.browse()
        if not unit:
            raise AccessError(
                request.env._("You can only file requests for your own home.")
            )
        if kind not in PORTAL_KINDS or not subject.strip():
            return request.redirect("/my/property/request?error=missing")
        partner = request.env.user.partner_id
        vals = {
            "name": subject.strip()[:120],
            "description": plaintext2html(description or subject),
            "kind": kind,
            "unit_id": unit.id,
            "partner_id": partner.commercial_partner_id.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "channel_id": request.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_web"
            ).id,
        }
        if category_id and category_id.isdigit():
            vals["category_id"] = int(category_id)
        if kind == "complaint":
            vals["complaint_grade"] = "general"
        ticket_sudo = request.env["helpdesk.ticket"].sudo().create(vals)
        ticket_sudo.message_subscribe(partner_ids=partner.ids)
        for upload in request.httprequest.files.getlist("attachment"):
            if upload.filename:
                request.env["ir.attachment"].sudo().create(
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "helpdesk.ticket",
                        "res_id": ticket_sudo.id,
                    }
                )
        return request.redirect(f"/my/ticket/{ticket_sudo.id}")

    @http.route(
        "/my/ticket/<int:ticket_id>/callback/<int:callback_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_ticket_rate_callback(
        self, ticket_id, callback_id, score=None, comment=None, **kw
    ):
        try:
            ticket_sudo = self._document_check_access("helpdesk.ticket", ticket_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        callback = ticket_sudo.callback_ids.filtered(lambda c: c.id == callback_id)
        if not callback:
            return request.redirect("/my")
        try:
            callback.action_record(score, comment)
        except (UserError, ValidationError):
            return request.redirect(f"/my/ticket/{ticket_id}?callback_error=1")
        return request.redirect(f"/my/ticket/{ticket_id}")
