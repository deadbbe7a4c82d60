from freezegun import freeze_time

from odoo.addons.property_helpdesk.tests.common import HelpdeskCommon
from odoo.exceptions import UserError
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSurveyHelpdesk(HelpdeskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_a.email = "wang@example.com"
        cls.score_question = cls.env.ref(
            "property_survey_helpdesk.question_ticket_score"
        )
        cls.comment_question = cls.env.ref(
            "property_survey_helpdesk.question_ticket_comment"
        )
        cls.Callback = cls.env["property.ticket.callback"]

    def _resolved_ticket(self, partner=None, unit=None):
        ticket = self._ticket(
            partner_id=(partner or self.owner_a).id,
            unit_id=(unit or self.unit_a1).id,
        )
        with freeze_time("2030-01-01 10:00:00"):
            self._close(ticket)
        return ticket

    def _questionnaire(self, ticket):
        return ticket.callback_ids.filtered(
            lambda c: c.callback_type == "questionnaire"
        )

    def _send_due(self, when="2030-02-05 09:00:00"):
        """Run the hourly cron as the scheduler would, at ``when``."""
        cron = self.env.ref(
            "property_survey_helpdesk.ir_cron_send_callback_questionnaires"
        )
        with freeze_time(when), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()

    def _answer(self, answer, score, comment=None):
        answer._save_lines(self.score_question, score)
        if comment:
            answer._save_lines(self.comment_question, comment)
        answer._mark_done()

    def test_due_callback_becomes_an_invitation_once(self):
        ticket = self._resolved_ticket()
        callback = self._questionnaire(ticket)
        self._send_due("2030-01-15 09:00:00")  # not due yet
        self.assertFalse(callback.survey_answer_id)
        self._send_due()
        answer = callback.survey_answer_id
        self.assertEqual(answer.partner_id, self.owner_a)
        self.assertEqual(answer.property_callback_id, callback)
        self.assertTrue(
            self.env["mail.mail"].search(
                [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
            )
        )
        self._send_due("2030-02-06 09:00:00")
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("property_callback_id", "=", callback.id)]
            ),
            1,
        )
        with self.assertRaises(UserError):
            callback.action_send_questionnaire()

    def test_owner_without_channel_keeps_a_staff_callback(self):
        ticket = self._resolved_ticket(partner=self.owner_b, unit=self.unit_b1)
        self.owner_b.email = False
        self._send_due()
        self.assertFalse(self._questionnaire(ticket).survey_answer_id)

    def test_good_answer_completes_the_callback(self):
        ticket = self._resolved_ticket()
        callback = self._questionnaire(ticket)
        self._send_due()
        self._answer(callback.survey_answer_id, 5, "Quick and clean")
        self.assertEqual(callback.state, "done")
        self.assertEqual(callback.score, 5)
        self.assertEqual(callback.comment, "Quick and clean")
        self.assertFalse(ticket.followup_ticket_ids)

    def test_low_answer_opens_one_follow_up_ticket(self):
        ticket = self._resolved_ticket()
        callback = self._questionnaire(ticket)
        self._send_due()
        answer = callback.survey_answer_id
        self._answer(answer, 2, "Still dripping")
        followup = ticket.followup_ticket_ids
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.survey_answer_id, answer)
        self.assertEqual(answer.property_followup_ticket_id, followup)
        self.assertEqual(followup.unit_id, ticket.unit_id)
        self.assertEqual(followup.partner_id, self.owner_a)
        self.assertIn("Still dripping", followup.description)
        self.assertEqual(callback.score, 2)
        # the same answer submitted again opens nothing more
        answer._mark_done()
        answer._property_open_followups()
        self.assertEqual(
            self.Ticket.search_count([("origin_ticket_id", "=", ticket.id)]), 1
        )

    def test_threshold_is_the_helpdesk_setting(self):
        self.env["res.config.settings"].create(
            {"property_callback_reopen_max_score": 4}
        ).execute()
        ticket = self._resolved_ticket()
        self._send_due()
        # 4 is not dissatisfied by default (3): it is when the setting says so
        self._answer(self._questionnaire(ticket).survey_answer_id, 4)
        self.assertEqual(len(ticket.followup_ticket_ids), 1)
