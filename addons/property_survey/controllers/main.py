from odoo.addons.survey.controllers.main import Survey
from odoo.http import request


class PropertySurvey(Survey):
    def _check_validity(
        self,
        survey_sudo,
        answer_sudo,
        answer_token,
        ensure_token=True,
        check_partner=True,
    ):
        """Let the interviewer of a phone interview fill the owner's answer;
        nobody answers a closed campaign.

        Survey refuses an answer whose partner is not the logged-in user; a
        staff member recorded as the interviewer of a phone interview fills
        the questionnaire on the owner's behalf.
        """
        if (
            check_partner
            and answer_sudo
            and answer_sudo.property_channel == "phone"
            and answer_sudo.property_interviewer_id == request.env.user
            and request.env.user._is_internal()
        ):
            check_partner = False
        validity = super()._check_validity(
            survey_sudo,
            answer_sudo,
            answer_token,
            ensure_token=ensure_token,
            check_partner=check_partner,
        )
        if (
            validity is True
            and answer_sudo
            and answer_sudo.property_campaign_id.state == "closed"
        ):
            # the month's figures are final: the page says the survey has
            # ended and a late submit stores nothing
            return "answer_deadline"
        return validity
