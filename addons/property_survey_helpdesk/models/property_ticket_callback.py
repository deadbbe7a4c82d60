from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyTicketCallback(models.Model):
    """The one-month questionnaire callback is sent as a survey invitation."""

    _inherit = "property.ticket.callback"

    survey_answer_id = fields.Many2one(
        "survey.user_input",
        string="Questionnaire",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    _survey_answer_uniq = models.UniqueIndex(
        "(survey_answer_id) WHERE survey_answer_id IS NOT NULL",
        "A questionnaire answers one callback.",
    )

    def _questionnaires_to_send(self):
        return self.filtered(
            lambda c: (
                c.callback_type == "questionnaire"
                and c.state == "planned"
                and not c.survey_answer_id
                and c.partner_id.email
            )
        )

    def _send_questionnaires(self):
        """Invite each owner by e-mail; callbacks already sent are skipped."""
        todo = self._questionnaires_to_send()
        survey_sudo = self.env.ref(
            "property_survey_helpdesk.survey_ticket_callback"
        ).sudo()
        template_sudo = self.env.ref(
            "property_survey_helpdesk.mail_template_ticket_callback_invite"
        ).sudo()
        for callback in todo.sudo():
            answer = survey_sudo._create_answer(
                partner=callback.partner_id,
                check_attempts=False,
                property_callback_id=callback.id,
            )
            callback.survey_answer_id = answer
            template_sudo.send_mail(
                answer.id, email_layout_xmlid="mail.mail_notification_light"
            )
        return todo

    def action_send_questionnaire(self):
        """Staff send the questionnaire now (e.g. the owner asked for it)."""
        if not self._questionnaires_to_send():
            raise UserError(
                self.env._(
                    "Only a planned questionnaire callback of an owner with an "
                    "e-mail address can be sent, once."
                )
            )
        self._send_questionnaires()
        return True

    def _property_ask_for_a_call(self):
        """The questionnaire came back without a usable score: the callback
        stays planned, and its responsible calls the owner."""
        today = fields.Date.context_today(self)
        for callback in self:
            user = callback.responsible_id
            callback_lang = callback.with_context(lang=user.lang or None)
            text = callback_lang.env._(
                "The owner returned the questionnaire without a score: call "
                "them to hear how %s was handled.",
                callback.ticket_id.display_name,
            )
            callback.message_post(body=text, subtype_xmlid="mail.mt_note")
            if user:
                callback.activity_schedule(
                    "mail.mail_activity_data_call",
                    date_deadline=today,
                    user_id=user.id,
                    summary=callback_lang.env._("Call: questionnaire without a score"),
                    note=text,
                )

    @api.model
    def _cron_send_questionnaires(self, batch_size=200):
        """Send the questionnaires that are due, in batches; safe to rerun."""
        domain = [
            ("callback_type", "=", "questionnaire"),
            ("state", "=", "planned"),
            ("survey_answer_id", "=", False),
            ("due_date", "<=", fields.Datetime.now()),
            ("partner_id.email", "!=", False),
        ]
        # each batch is committed; a crash loses nothing sent before it
        while callbacks := self.search(domain, limit=batch_size):
            callbacks._send_questionnaires()
            if not self.env["ir.cron"]._commit_progress(
                len(callbacks), remaining=self.search_count(domain)
            ):
                break
