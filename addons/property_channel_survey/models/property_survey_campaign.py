from werkzeug.urls import url_join

from odoo import models

# owner message channel -> survey invitation channel
MESSAGE_TO_SURVEY_CHANNEL = {
    "email": "email",
    "sms": "sms",
    "wechat": "wechat",
    "call": "phone",
}


class PropertySurveyCampaign(models.Model):
    _inherit = "property.survey.campaign"

    def action_invite_channels(self):
        """Invite every sampled household not invited yet on its owner's
        channel: e-mail, WeChat or SMS carry a short link to the household's
        own answer; owners no channel reaches get a call from their butler."""
        for campaign in self:
            campaign._invite_on_channels()
        return True

    def _invite_on_channels(self):
        self.ensure_one()
        households = self.household_ids.filtered(lambda h: not h.user_input_id)
        Message = self.env["property.channel.message"]
        channels = Message._channel_by_partner(households.partner_id)
        answers = self.env["survey.user_input"]
        for channel, group in households.grouped(
            lambda h: MESSAGE_TO_SURVEY_CHANNEL[channels[h.partner_id]]
        ).items():
            answers |= self._invite(group, channel)
        if not answers:
            return answers
        base_url = self.get_base_url()
        links = self.env["link.tracker"].search_or_create(
            [
                {
                    "url": url_join(base_url, answer.get_start_url()),
                    "title": self.survey_id.title,
                }
                for answer in answers
            ]
        )
        vals_list = []
        for answer, link in zip(answers, links, strict=True):
            env = self.with_context(lang=answer.partner_id.lang or self.env.lang).env
            vals_list.append(
                {
                    "event_key": f"survey.user_input:{answer.id}",
                    "partner_id": answer.partner_id.id,
                    "company_id": self.company_id.id,
                    "res_model": "survey.user_input",
                    "res_id": answer.id,
                    "subject": env._("Your opinion: %s", self.survey_id.title),
                    "body": env._(
                        "%(name)s, please tell us how we served you this month: "
                        "%(url)s",
                        name=answer.partner_id.name,
                        url=link.short_url,
                    ),
                }
            )
        Message._enqueue(vals_list)
        self.message_post(
            body=self.env._("%s households invited on their channels.", len(answers))
        )
        return answers
