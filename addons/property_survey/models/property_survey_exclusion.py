from odoo import fields, models
from odoo.tools import SQL

from .property_survey_exclusion_rule import EXCLUSION_RULES


class PropertySurveyExclusion(models.Model):
    """The households one rule kept out of one campaign's sample.

    A draw excludes tens of thousands of households; storing each as a row
    with its foreign keys costs more than the draw itself. One row per
    (campaign, rule) keeps them all instead: the units, their buildings and
    their respondents at the time of the draw, as aligned integer arrays
    written by the draw's single statement. Users read them one household a
    line through ``property.survey.excluded.household``.
    """

    _name = "property.survey.exclusion"
    _description = "Campaign Exclusion"
    _order = "campaign_id desc, exclusion_rule"
    _rec_name = "exclusion_rule"

    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id")
    exclusion_rule = fields.Selection(EXCLUSION_RULES, required=True, readonly=True)
    household_count = fields.Integer(string="Households", readonly=True)

    _campaign_rule_uniq = models.Constraint(
        "unique(campaign_id, exclusion_rule)",
        "A rule excludes households once per campaign.",
    )

    def init(self):
        # aligned arrays, one entry per excluded household, sorted by building
        # and unit
        self.env.cr.execute(
            SQL(
                "ALTER TABLE %s ADD COLUMN IF NOT EXISTS unit_ids int4[] NOT NULL"
                " DEFAULT '{}', ADD COLUMN IF NOT EXISTS building_ids int4[] NOT NULL"
                " DEFAULT '{}', ADD COLUMN IF NOT EXISTS partner_ids int4[] NOT NULL"
                " DEFAULT '{}'",
                SQL.identifier(self._table),
            )
        )
