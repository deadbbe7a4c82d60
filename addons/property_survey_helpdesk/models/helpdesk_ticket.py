from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    origin_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Follow-up Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    followup_ticket_ids = fields.One2many(
        "helpdesk.ticket", "origin_ticket_id", string="Follow-up Tickets"
    )
    survey_answer_id = fields.Many2one(
        "survey.user_input",
        string="From Questionnaire",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    _survey_answer_uniq = models.UniqueIndex(
        "(survey_answer_id) WHERE survey_answer_id IS NOT NULL",
        "A questionnaire answer opens one follow-up ticket.",
    )

    def action_view_followups(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up Tickets"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("origin_ticket_id", "=", self.id)],
        }
