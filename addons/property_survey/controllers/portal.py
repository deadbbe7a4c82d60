from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.http import request


class SatisfactionPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_survey_count" in counters:
            values["property_survey_count"] = len(self._property_survey_open_answers())
        return values

    def _property_survey_open_answers(self):
        """The logged-in owner's own open satisfaction questionnaires."""
        partner = request.env.user.partner_id
        answers_sudo = (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("property_campaign_id", "!=", False),
                    ("property_campaign_id.state", "=", "inviting"),
                    ("state", "!=", "done"),
                ],
                order="property_month desc",
            )
        )
        return answers_sudo

    @http.route(
        "/my/satisfaction", type="http", auth="user", website=True, readonly=True
    )
    def portal_my_satisfaction(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property_survey",
                "answers": self._property_survey_open_answers(),
            }
        )
        return request.render("property_survey.portal_my_satisfaction", values)

    @http.route(
        "/my/satisfaction/<int:answer_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_satisfaction_answer(self, answer_id, **kw):
        """Open one's own questionnaire; anybody else's is not found."""
        answer_sudo = self._property_survey_open_answers().filtered(
            lambda a: a.id == answer_id
        )
        if not answer_sudo:
            raise request.not_found()
        return request.redirect(answer_sudo.get_start_url())

    @http.route(
        "/survey/property/opt-out/<string:answer_token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
    )
    def property_survey_opt_out(self, answer_token, **kw):
        """The link of every invitation: the owner stops being surveyed.

        GET asks for confirmation (changes nothing), POST with Odoo's CSRF
        token records the opt-out with its reason on the owner.
        """
        answer_sudo = (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("access_token", "=", answer_token),
                    ("property_campaign_id", "!=", False),
                    ("partner_id", "!=", False),
                ],
                limit=1,
            )
        )
        if not answer_sudo:
            raise request.not_found()
        partner_sudo = answer_sudo.partner_id
        done = request.httprequest.method == "POST"
        if done and not partner_sudo.property_survey_opt_out:
            partner_sudo._property_survey_owner_opt_out()
        return request.render(
            "property_survey.portal_property_survey_opt_out",
            {
                "answer_token": answer_token,
                "partner_name": partner_sudo.name,
                "opted_out": done or partner_sudo.property_survey_opt_out,
            },
        )
