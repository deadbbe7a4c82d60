from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CHANNELS = [
    ("email", "Email"),
    ("portal", "Portal"),
    ("phone", "Phone Interview"),
]


class PropertySurveyHousehold(models.Model):
    """A household drawn into a campaign's sample.

    Butlers read these lines for their grid: whether the household answered
    and its overall score, without access to the answers themselves. The
    households the rules kept out are stored per rule
    (``property.survey.exclusion``) and listed by
    ``property.survey.excluded.household``.
    """

    _name = "property.survey.household"
    _description = "Campaign Household"
    _order = "campaign_id desc, building_id, unit_id"
    _rec_name = "unit_id"

    # Written in bulk by the draw: only the keys the sampling needs are
    # stored, the rest is related, and indexes are few.
    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="campaign_id.project_id")
    company_id = fields.Many2one(related="campaign_id.company_id")
    month = fields.Date(related="campaign_id.month")
    unit_id = fields.Many2one("property.unit", required=True)
    building_id = fields.Many2one("property.building", required=True)
    butler_id = fields.Many2one(related="building_id.butler_id", string="Grid Butler")
    partner_id = fields.Many2one("res.partner", string="Respondent")
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")
    user_input_id = fields.Many2one("survey.user_input", string="Answer", copy=False)
    channel = fields.Selection(CHANNELS)
    answered = fields.Boolean(readonly=True, copy=False)
    overall_score = fields.Integer(readonly=True, copy=False, aggregator="avg")
    answer_status = fields.Selection(
        [
            ("not_invited", "Not invited"),
            ("invited", "Invited"),
            ("answered", "Answered"),
        ],
        compute="_compute_answer_status",
    )

    _campaign_unit_uniq = models.Constraint(
        "unique(campaign_id, unit_id)",
        "A household appears once in a campaign.",
    )
    _answered_unit_idx = models.Index("(unit_id) WHERE answered")

    @api.depends("user_input_id", "answered")
    def _compute_answer_status(self):
        for household in self:
            if household.answered:
                household.answer_status = "answered"
            elif household.user_input_id:
                household.answer_status = "invited"
            else:
                household.answer_status = "not_invited"

    def action_phone_interview(self):
        """Staff interview the respondent by phone and fill the questionnaire."""
        self.ensure_one()
        self._check_survey_staff()
        self._check_independent_interviewer()
        if self.user_input_id:
            answer = self.user_input_id
            if answer.state == "done":
                raise UserError(
                    self.env._(
                        "%s already answered this campaign.", self.unit_id.display_name
                    )
                )
            answer.sudo().write(
                {"property_channel": "phone", "property_interviewer_id": self.env.uid}
            )
            self.sudo().channel = "phone"
        else:
            answer = self.campaign_id._invite(self, "phone", interviewer=self.env.user)
        return {
            "type": "ir.actions.act_url",
            "url": answer.get_start_url(),
            "target": "new",
        }

    def action_invite_portal(self):
        """Open a questionnaire the owner finds on their portal /my page."""
        self._check_survey_staff()
        for campaign in self.campaign_id:
            households = self.filtered(lambda h, c=campaign: h.campaign_id == c)
            campaign._invite(households, "portal")
        return True

    # ---- separation of duties --------------------------------------------------

    def _check_survey_staff(self):
        """Invitations and interviews belong to the customer-service centre.

        The flows behind them write answers as superuser: refuse anybody who
        is not a survey interviewer (officers are), and any household the
        user may not read.
        """
        if not self.env.su and not self.env.user.has_group(
            "property_survey.property_survey_group_interviewer"
        ):
            raise AccessError(
                self.env._(
                    "Only the customer-service centre (survey interviewers and "
                    "officers) invites households and interviews them."
                )
            )
        self.check_access("read")

    def _check_independent_interviewer(self):
        """A household is never interviewed by its own butler, the service
        head or the manager of its project (unless the setting allows it)."""
        if self.env.su or self.env["res.config.settings"]._property_param(
            "property_survey.interview_own_grid_allowed"
        ):
            return
        user = self.env.user
        for household in self.sudo():
            project = household.campaign_id.project_id
            chain = household.building_id.butler_id | project.service_head_id
            if user in chain | project.manager_id:
                raise AccessError(
                    self.env._(
                        "%(unit)s is in your own grid: its phone interview is "
                        "done by another interviewer of the customer-service "
                        "centre.",
                        unit=household.unit_id.display_name,
                    )
                )
