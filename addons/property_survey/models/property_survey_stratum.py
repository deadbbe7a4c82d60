from odoo import fields, models
from odoo.tools import SQL


class PropertySurveyStratum(models.Model):
    """One building of a campaign's stratified sample (read-only).

    A draw over 100 000 households has thousands of strata; the draw stores
    them on the campaign as aligned arrays (building, eligible households,
    exact and rounded share) in one UPDATE, and this view lists them one
    building a line.
    """

    _name = "property.survey.stratum"
    _description = "Sampling Stratum"
    _auto = False
    _order = "campaign_id, id"
    _depends = {
        "property.survey.campaign": ["company_id", "sample_size", "draw_date"],
    }

    campaign_id = fields.Many2one("property.survey.campaign", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    butler_id = fields.Many2one(related="building_id.butler_id", string="Grid Butler")
    eligible_count = fields.Integer(string="Eligible Households", readonly=True)
    proportional_size = fields.Float(
        digits=(16, 2), readonly=True, help="Exact proportional share of the sample."
    )
    sample_size = fields.Integer(
        readonly=True, help="Share after largest-remainder rounding."
    )

    @property
    def _table_query(self):
        # ids: the campaign's id and the building's rank in its arrays
        return SQL(
            """
            SELECT c.id::bigint * 1000000 + s.rank AS id, c.id AS campaign_id,
                   c.company_id, s.building_id, s.eligible_count,
                   s.proportional_size, s.sample_size
              FROM property_survey_campaign c
             CROSS JOIN LATERAL unnest(
                       c.stratum_building_ids, c.stratum_eligible_counts,
                       c.stratum_proportional_sizes, c.stratum_sample_sizes)
                   WITH ORDINALITY
                   AS s(building_id, eligible_count, proportional_size,
                        sample_size, rank)
            """
        )
