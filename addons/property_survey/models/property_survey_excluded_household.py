from odoo import fields, models
from odoo.tools import SQL

from .property_survey_exclusion_rule import EXCLUSION_RULES


class PropertySurveyExcludedHousehold(models.Model):
    """One household a rule kept out of a campaign's sample (read-only)."""

    _name = "property.survey.excluded.household"
    _description = "Excluded Household"
    _auto = False
    # by id: the households of a rule as stored, by building and unit;
    # ordering by building and unit names would sort every row of the campaign
    _order = "campaign_id desc, exclusion_rule, id"
    _rec_name = "unit_id"
    _depends = {
        "property.survey.exclusion": ["campaign_id", "exclusion_rule"],
        "property.survey.campaign": ["project_id", "company_id", "month"],
    }

    exclusion_id = fields.Many2one("property.survey.exclusion", readonly=True)
    campaign_id = fields.Many2one("property.survey.campaign", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    exclusion_rule = fields.Selection(EXCLUSION_RULES, readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    butler_id = fields.Many2one(related="building_id.butler_id", string="Grid Butler")
    partner_id = fields.Many2one("res.partner", string="Respondent", readonly=True)
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")

    @property
    def _table_query(self):
        # ids: the exclusion row's id and the household's rank in its arrays
        return SQL(
            """
            SELECT e.id::bigint * 10000000 + h.rank AS id,
                   e.id AS exclusion_id, e.campaign_id, c.project_id,
                   c.company_id, c.month, e.exclusion_rule,
                   h.unit_id, h.building_id, h.partner_id
              FROM property_survey_exclusion e
              JOIN property_survey_campaign c ON c.id = e.campaign_id
             CROSS JOIN LATERAL unnest(e.unit_ids, e.building_ids, e.partner_ids)
                   WITH ORDINALITY AS h(unit_id, building_id, partner_id, rank)
            """
        )
