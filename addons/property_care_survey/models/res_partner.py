from datetime import datetime, time

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _property_survey_last_scores(self):
        """The latest of the last survey answer and the last scored visit.

        A conversion visit asks the same question as the questionnaire, so its
        score feeds the same health signal (and the contact's last score).
        """
        if not self.ids:
            return {}
        last = super()._property_survey_last_scores()
        answers = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("property_campaign_id", "!=", False),
                    ("state", "=", "done"),
                ],
                ["partner_id"],
                ["end_datetime:max"],
            )
        )
        answered_at = {partner.id: when for partner, when in answers}
        visits = (
            self.env["property.care.visit"]
            .sudo()
            .search_read(
                [("partner_id", "in", self.ids), ("score", ">", 0)],
                ["partner_id", "date", "score"],
                order="date desc, id desc",
            )
        )
        seen = set()
        for visit in visits:
            partner_id = visit["partner_id"][0]
            if partner_id in seen:
                continue
            seen.add(partner_id)
            visited_at = datetime.combine(visit["date"], time.max)
            answered = answered_at.get(partner_id)
            if not answered or visited_at > answered:
                last[partner_id] = visit["score"]
        return last
