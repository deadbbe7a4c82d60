from odoo import fields, models

PROPERTY_ROLES = [
    ("overall", "Overall satisfaction"),
    ("loyalty", "Loyalty"),
    ("dimension", "Service dimension"),
    ("reasons", "Dissatisfaction reasons"),
    ("comment", "Free comment"),
]


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    property_role = fields.Selection(
        PROPERTY_ROLES,
        string="Satisfaction Role",
        help="What this question measures in owner-satisfaction results.",
    )
    property_dimension_id = fields.Many2one(
        "property.survey.dimension", string="Dimension", ondelete="restrict"
    )

    def _validate_scale(self, answer):
        """A score is a whole number of the question's scale: ``abc``, ``4.5``
        or ``0`` get a message on the page instead of a server error."""
        errors = super()._validate_scale(answer)
        if errors or answer in (None, ""):
            return errors
        text = str(answer).strip()
        if not (text.isdigit() and self.scale_min <= int(text) <= self.scale_max):
            return {
                self.id: self.env._(
                    "Choose a whole number from %(min)s to %(max)s.",
                    min=self.scale_min,
                    max=self.scale_max,
                )
            }
        return {}

    def _validate_choice(self, answer, comment):
        """Only the question's own suggested answers, each once: another
        question's answer, or one reason given 500 times, is refused."""
        errors = super()._validate_choice(answer, comment)
        if errors or not self.property_role:
            return errors
        answers = answer if isinstance(answer, list) else ([answer] if answer else [])
        given = [str(value).strip() for value in answers]
        offered = {str(answer_id) for answer_id in self.suggested_answer_ids.ids}
        if len(set(given)) != len(given) or not offered.issuperset(given):
            return {self.id: self.env._("Choose among the answers offered, each once.")}
        return {}
