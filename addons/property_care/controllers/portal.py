from odoo import fields, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import ValidationError
from odoo.http import request


class PropertyCarePortal(CustomerPortal):
    def _care_appointments_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [
            ("partner_id", "child_of", partner.id),
            ("state", "=", "planned"),
            ("line_id.portal_visible", "=", True),
        ]

    def _care_appointments_sudo(self):
        """The owner's own upcoming appointments (quality inspections, the
        four-year appointment); sudo on exactly that recordset."""
        return (
            request.env["property.care.touchpoint"]
            .sudo()
            .search(self._care_appointments_domain(), order="due_date")
        )

    def _care_appointment_sudo(self, touchpoint_id):
        appointments_sudo = (
            request.env["property.care.touchpoint"]
            .sudo()
            .search(
                [("id", "=", touchpoint_id)] + self._care_appointments_domain(),
                limit=1,
            )
        )
        if not appointments_sudo:
            raise request.not_found()
        return appointments_sudo

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "care_count" in counters:
            values["care_count"] = (
                request.env["property.care.touchpoint"]
                .sudo()
                .search_count(self._care_appointments_domain())
            )
        return values

    @http.route(
        "/my/care",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_care(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "care",
                "appointments": self._care_appointments_sudo(),
                "message": kw.get("message"),
                "error": kw.get("error"),
                "today": fields.Date.context_today(request.env.user),
            }
        )
        return request.render("property_care.portal_my_care", values)

    @http.route(
        "/my/care/<int:touchpoint_id>/confirm",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_care_confirm(self, touchpoint_id, **kw):
        self._care_appointment_sudo(touchpoint_id)._portal_confirm()
        return request.redirect("/my/care?message=confirmed")

    @http.route(
        "/my/care/<int:touchpoint_id>/reschedule",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_care_reschedule(self, touchpoint_id, requested_date=None, note="", **kw):
        appointment_sudo = self._care_appointment_sudo(touchpoint_id)
        day = None
        try:
            day = fields.Date.to_date(requested_date) if requested_date else None
            appointment_sudo._portal_reschedule(day, (note or "").strip()[:500])
        except (ValueError, ValidationError):
            too_far = day and day >= fields.Date.context_today(appointment_sudo)
            return request.redirect(
                "/my/care?error=%s" % ("window" if too_far else "date")
            )
        return request.redirect("/my/care?message=requested")
