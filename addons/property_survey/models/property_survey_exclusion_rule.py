from odoo import fields, models

EXCLUSION_RULES = [
    ("not_handed_over", "Not handed over"),
    ("vacant", "Vacant"),
    ("no_contact", "No contact channel"),
    ("opted_out", "Opted out"),
    ("black_customer", "Black customer"),
    ("recently_surveyed", "Surveyed recently"),
]


class PropertySurveyExclusionRule(models.Model):
    """One rule that can keep a household out of a sample.

    Rules are data: a manager switches them on or off, and every switch is
    tracked in the rule's chatter so an auditor sees who changed the sampling
    frame and when.
    """

    _name = "property.survey.exclusion.rule"
    _description = "Sampling Exclusion Rule"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(EXCLUSION_RULES, required=True, readonly=True)
    sequence = fields.Integer(default=10)
    enabled = fields.Boolean(default=True, tracking=True)
    months = fields.Integer(
        string="Months",
        default=3,
        tracking=True,
        help="For 'Surveyed recently': households that answered within this many "
        "months before the campaign month are excluded.",
    )
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint("unique(code)", "There is one rule per code.")
    _months_positive = models.Constraint(
        "CHECK(months >= 0)", "The number of months cannot be negative."
    )

    def _get_enabled(self):
        """Return ``{code: rule}`` of the enabled rules."""
        rules = self.sudo().search([("enabled", "=", True)])
        return {rule.code: rule for rule in rules}
