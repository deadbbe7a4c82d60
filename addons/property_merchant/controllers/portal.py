import uuid

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request


class MerchantPortal(CustomerPortal):
    def _merchant(self):
        """The alliance merchant the current portal user works for, if any."""
        user = request.env.user
        if not user.has_group("property_merchant.property_merchant_group_user"):
            return request.env["res.partner"]
        merchant_sudo = user.sudo().commercial_partner_id
        return (
            merchant_sudo
            if merchant_sudo.is_alliance_merchant
            else merchant_sudo.browse()
        )

    def _merchant_values(self, merchant, **extra):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "merchant",
                "merchant": merchant,
                "redemptions": request.env["property.merchant.redemption"].search(
                    [], limit=20
                ),
                "statements": request.env["property.merchant.statement"].search(
                    [], limit=12
                ),
                "client_token": uuid.uuid4().hex,
            }
        )
        values.update(extra)
        return values

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "merchant_redemption_count" in counters:
            values["merchant_redemption_count"] = (
                request.env["property.merchant.redemption"].search_count([])
                if self._merchant()
                else 0
            )
        return values

    @http.route("/my/merchant", type="http", auth="user", website=True, readonly=True)
    def portal_merchant(self, **kw):
        merchant = self._merchant()
        if not merchant:
            return request.redirect("/my")
        return request.render(
            "property_merchant.portal_merchant", self._merchant_values(merchant)
        )

    @http.route(
        "/my/merchant/verify", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_merchant_verify(self, number="", **kw):
        merchant = self._merchant()
        if not merchant:
            return request.redirect("/my")
        result = request.env["property.merchant.verification"]._verify(merchant, number)
        return request.render(
            "property_merchant.portal_merchant",
            self._merchant_values(
                merchant, result=result, number=number if result["accepted"] else ""
            ),
        )

    @http.route(
        "/my/merchant/redeem", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_merchant_redeem(self, number="", amount="", client_token="", **kw):
        merchant = self._merchant()
        if not merchant:
            return request.redirect("/my")
        try:
            redemption = request.env["property.merchant.redemption"]._redeem(
                merchant, number, amount, client_token
            )
        except UserError as error:
            return request.render(
                "property_merchant.portal_merchant",
                self._merchant_values(merchant, error=error.args[0]),
            )
        return request.render(
            "property_merchant.portal_merchant",
            self._merchant_values(merchant, redemption=redemption.sudo()),
        )

    @http.route(
        "/my/merchant/statement/<int:statement_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_merchant_statement(self, statement_id, **kw):
        try:
            statement_sudo = self._document_check_access(
                "property.merchant.statement", statement_id
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._show_report(
            model=statement_sudo,
            report_type="pdf",
            report_ref="property_merchant.action_report_merchant_statement",
            download=kw.get("download") == "true",
        )

    @http.route(
        "/my/club/offers", type="http", auth="user", website=True, readonly=True
    )
    def portal_club_offers(self, **kw):
        tier = request.env.user.partner_id.club_tier_id
        lines_sudo = request.env["property.merchant.agreement.line"].sudo()
        if tier:
            lines_sudo = lines_sudo.search(
                [
                    ("tier_id", "=", tier.id),
                    (
                        "agreement_id",
                        "any",
                        request.env["property.merchant.agreement"]._valid_domain(),
                    ),
                ]
            )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "club_offers", "tier": tier, "lines": lines_sudo})
        return request.render("property_merchant.portal_club_offers", values)
