from odoo.addons.property_survey.tests.common import SurveyCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestRecentTickets(SurveyCommon):
    def test_answer_naming_repairs_shows_the_owner_tickets(self):
        owner = self.a_units[0].owner_ids
        Ticket = self.env["helpdesk.ticket"]
        ticket = Ticket.create(
            {
                "name": "Lift stuck",
                "description": "x",
                "unit_id": self.a_units[0].id,
                "partner_id": owner.id,
            }
        )
        Ticket.create(
            {
                "name": "Other owner's tap",
                "description": "x",
                "unit_id": self.a_units[1].id,
                "partner_id": self.a_units[1].owner_ids.id,
            }
        )
        answers = self.survey._create_answer(
            partner=owner, check_attempts=False
        ) | self.survey._create_answer(partner=owner, check_attempts=False)
        self._answer(answers[0], 2, reasons=["repairs"])
        self._answer(answers[1], 2, reasons=["parking"])
        self.assertTrue(answers[0].property_names_repairs)
        self.assertEqual(answers[0].property_recent_ticket_ids, ticket)
        self.assertFalse(answers[1].property_recent_ticket_ids)
