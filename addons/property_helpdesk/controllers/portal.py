from datetime import timedelta

import werkzeug
from werkzeug.exceptions import BadRequest

from odoo import fields, http
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL
from odoo.tools.mimetypes import guess_mimetype

#: the kinds of ticket an owner may file from the portal
PORTAL_KINDS = ("repair", "complaint")
#: accepted photo types, checked on the file's content (not its name)
PHOTO_MIMETYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")


class PropertyIntakeError(UserError):
    """The owner's ticket form was refused: shown on the form, nothing written."""


def _my_units():
    """The units the portal user currently lives in (owner, tenant, family)."""
    partner = request.env.user.partner_id.commercial_partner_id
    residencies_sudo = (
        request.env["property.residency"]
        .sudo()
        .search([("partner_id", "=", partner.id), ("is_current", "=", True)])
    )
    return residencies_sudo.unit_id


class PropertyHelpdeskTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's portal routes, hardened and given the owner's home."""

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"])
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        """Close a ticket from the portal: only the caller's own ticket, only to
        a closing stage of its team that allows portal closing, and never a
        repair, complaint or defect of a home (staff close those)."""
        try:
            ticket_id = int(ticket_id or 0)
            stage_id = int(stage_id or 0)
        except ValueError:
            raise BadRequest() from None
        try:
            # the portal's own check, without accepting an access token
            ticket_sudo = CustomerPortal._document_check_access(
                self, "helpdesk.ticket", ticket_id
            )
        except (AccessError, MissingError):
            return werkzeug.utils.redirect("/my")
        stage = ticket_sudo._property_portal_close_stages().filtered(
            lambda s: s.id == stage_id
        )
        if stage and not ticket_sudo.closed:
            ticket_sudo.stage_id = stage
        return werkzeug.utils.redirect(f"/my/ticket/{ticket_sudo.id}")

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        kinds = dict(
            request.env["helpdesk.ticket"]
            ._fields["kind"]
            ._description_selection(request.env)
        )
        limits = request.env["helpdesk.ticket"]._property_portal_limits()
        values.update(
            {
                "property_units": _my_units(),
                "property_kinds": [(kind, kinds[kind]) for kind in PORTAL_KINDS],
                "property_max_photos": limits["photos"],
                "property_max_photo_mb": limits["photo_mb"],
                "property_error": kw.get("property_error"),
            }
        )
        return values

    @http.route()
    def submit_ticket(self, **kw):
        """helpdesk_mgmt's intake; a refusal of ours is shown on the form and
        writes nothing."""
        try:
            with request.env.cr.savepoint():
                return super().submit_ticket(**kw)
        except PropertyIntakeError as error:
            values = self._get_create_new_ticket_values(
                **kw, property_error=error.args[0]
            )
            return request.render("helpdesk_mgmt.portal_create_ticket", values)

    def _prepare_submit_ticket_vals(self, **kw):
        self._property_check_category(kw.get("category"))
        self._property_check_photos()
        self._property_check_rate()
        vals = super()._prepare_submit_ticket_vals(**kw)
        if not kw.get("unit_id"):
            return vals
        try:
            unit_id = int(kw["unit_id"])
        except ValueError:
            raise BadRequest() from None
        unit = _my_units().filtered(lambda u: u.id == unit_id)
        if not unit:
            raise AccessError(
                request.env._("You can only file requests for your own home.")
            )
        kind = kw.get("kind") or "repair"
        if kind not in PORTAL_KINDS:
            raise PropertyIntakeError(
                request.env._("Choose whether this is a repair or a complaint.")
            )
        vals.update(
            {
                "unit_id": unit.id,
                "kind": kind,
                "company_id": unit.company_id.id,
            }
        )
        if kind == "complaint":
            vals["complaint_grade"] = "general"
        return vals

    def _property_check_category(self, category):
        """Only an active category shown on the portal, of the owner's company
        (helpdesk_mgmt itself takes any id it is given)."""
        if not category:
            return
        try:
            category_id = int(category)
        except ValueError:
            raise BadRequest() from None
        offered = (
            request.env["helpdesk.ticket.category"]
            .sudo()
            .search(
                [
                    ("show_in_portal", "=", True),
                    ("company_id", "in", [False, request.env.company.id]),
                ]
            )
        )
        if category_id not in offered.ids:
            raise PropertyIntakeError(request.env._("Choose a category from the list."))

    def _property_check_photos(self):
        """At most N photos of at most M MB each, images by their content."""
        limits = request.env["helpdesk.ticket"]._property_portal_limits()
        uploads = [
            upload
            for upload in request.httprequest.files.getlist("attachment")
            if upload.filename
        ]
        if len(uploads) > limits["photos"]:
            raise PropertyIntakeError(
                request.env._("Attach at most %s photos.", limits["photos"])
            )
        max_bytes = limits["photo_mb"] * 1024 * 1024
        for upload in uploads:
            data = upload.read(max_bytes + 1)
            upload.seek(0)
            if len(data) > max_bytes:
                raise PropertyIntakeError(
                    request.env._(
                        "Photo %(name)s is larger than %(mb)s MB.",
                        name=upload.filename,
                        mb=limits["photo_mb"],
                    )
                )
            if guess_mimetype(data) not in PHOTO_MIMETYPES:
                raise PropertyIntakeError(
                    request.env._(
                        "%s is not a photo: attach JPEG, PNG, GIF or WebP images.",
                        upload.filename,
                    )
                )

    def _property_check_rate(self):
        """An owner files at most N tickets per window (a setting); the owner's
        row is locked so that parallel submissions are counted one by one."""
        limits = request.env["helpdesk.ticket"]._property_portal_limits()
        if not limits["rate_count"]:
            return
        partner = request.env.user.partner_id.commercial_partner_id
        request.env.cr.execute(
            SQL("SELECT id FROM res_partner WHERE id = %s FOR UPDATE", partner.id)
        )
        since = fields.Datetime.now() - timedelta(hours=limits["rate_hours"])
        count = (
            request.env["helpdesk.ticket"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "child_of", partner.id),
                    ("create_uid", "=", request.env.uid),
                    ("create_date", ">=", since),
                ]
            )
        )
        if count >= limits["rate_count"]:
            raise PropertyIntakeError(
                request.env._(
                    "You have filed %(count)s requests in the last %(hours)s "
                    "hours: please call your butler for anything urgent.",
                    count=count,
                    hours=limits["rate_hours"],
                )
            )


class PropertyCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    """The owner rates a callback from helpdesk_mgmt's ticket page."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        values["closed_stages"] = ticket._property_portal_close_stages()
        values["property_due_callback"] = ticket._property_portal_callbacks(
            request.env.user
        )[:1]
        return values

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
        callback_sudo = ticket_sudo._property_portal_callbacks(
            request.env.user
        ).filtered(lambda c: c.id == callback_id)
        if not callback_sudo:
            return request.redirect(f"/my/ticket/{ticket_id}")
        try:
            with request.env.cr.savepoint():
                callback_sudo._record(score, comment, request.env.user)
        except (UserError, ValidationError):
            return request.redirect(f"/my/ticket/{ticket_id}?callback_error=1")
        return request.redirect(f"/my/ticket/{ticket_id}")
