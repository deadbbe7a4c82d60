from odoo import api, fields, models


class SurveyUserInput(models.Model):
    """Answers to ticket questionnaires complete callbacks and open follow-ups."""

    _inherit = "survey.user_input"

    property_callback_id = fields.Many2one(
        "property.ticket.callback",
        string="Ticket Callback",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    property_followup_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Follow-up Ticket", readonly=True, copy=False
    )
    property_names_repairs = fields.Boolean(
        string="Names Repairs and Service",
        compute="_compute_property_recent_ticket_ids",
    )
    property_recent_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Owner's Tickets",
        compute="_compute_property_recent_ticket_ids",
        help="The owner's tickets, newest first, shown when the answer names "
        "repairs and customer service among the reasons for dissatisfaction.",
    )

    @api.depends("user_input_line_ids.suggested_answer_id", "partner_id")
    def _compute_property_recent_ticket_ids(self):
        repairs = self.env.ref(
            "property_survey.dimension_repairs", raise_if_not_found=False
        )
        naming = self.filtered(
            lambda a: (
                repairs
                and repairs
                in a.user_input_line_ids.suggested_answer_id.property_dimension_id
            )
        )
        tickets = self.env["helpdesk.ticket"].search(
            [("partner_id", "in", naming.partner_id.ids)], order="create_date desc"
        )
        by_partner = tickets.grouped("partner_id")
        for answer in self:
            answer.property_names_repairs = answer in naming
            answer.property_recent_ticket_ids = (
                by_partner.get(answer.partner_id, tickets.browse())
                if answer in naming
                else False
            )

    def _mark_done(self):
        res = super()._mark_done()
        self.filtered("property_callback_id")._property_complete_callbacks()
        return res

    def _property_complete_callbacks(self):
        """Record each answer's score on its callback; low scores get a follow-up."""
        score_question = self.env.ref("property_survey_helpdesk.question_ticket_score")
        comment_question = self.env.ref(
            "property_survey_helpdesk.question_ticket_comment"
        )
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("user_input_id", "in", self.ids),
                    ("question_id", "in", (score_question | comment_question).ids),
                    ("skipped", "=", False),
                ]
            )
        )
        scores = {
            line.user_input_id.id: int(line.value_scale)
            for line in lines
            if line.question_id == score_question
        }
        comments = {
            line.user_input_id.id: line.value_text_box
            for line in lines
            if line.question_id == comment_question
        }
        threshold = self.env["res.config.settings"]._property_param(
            "property_helpdesk.callback_reopen_max_score"
        )
        dissatisfied = self.browse()
        now = fields.Datetime.now()
        for answer in self.sudo():
            callback = answer.property_callback_id
            score = scores.get(answer.id)
            if not score or callback.state != "planned":
                continue
            callback.write(
                {
                    "score": score,
                    "comment": comments.get(answer.id) or False,
                    "state": "done",
                    "done_date": now,
                }
            )
            if score <= threshold:
                dissatisfied |= answer
        dissatisfied._property_open_followups()

    def _property_open_followups(self):
        """One follow-up ticket per dissatisfied answer, linked both ways."""
        todo = self.sudo().filtered(lambda a: not a.property_followup_ticket_id)
        vals_list = []
        for answer in todo:
            original = answer.property_callback_id.ticket_id
            score = answer.property_callback_id.score
            vals_list.append(
                {
                    "name": self.env._("Follow-up: %s", original.name),
                    "description": self.env._(
                        "The owner scored the handling of %(ticket)s %(score)s/5 "
                        "in the questionnaire: %(comment)s",
                        ticket=original.number,
                        score=score,
                        comment=answer.property_callback_id.comment or "-",
                    ),
                    "kind": original.kind,
                    "complaint_grade": original.complaint_grade,
                    "partner_id": original.partner_id.id,
                    "unit_id": original.unit_id.id,
                    "team_id": original.team_id.id,
                    "company_id": original.company_id.id,
                    "staff_entry_reason": self.env._(
                        "Follow-up of %s", original.number
                    ),
                    "origin_ticket_id": original.id,
                    "survey_answer_id": answer.id,
                }
            )
        tickets = self.env["helpdesk.ticket"].sudo().create(vals_list)
        for answer, ticket in zip(todo, tickets, strict=True):
            answer.property_followup_ticket_id = ticket
