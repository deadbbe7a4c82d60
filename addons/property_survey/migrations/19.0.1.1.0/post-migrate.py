"""Excluded households move from one row each to one row per campaign and rule.

Before 19.0.1.1.0 every excluded household was a ``property_survey_household``
row with ``state = 'excluded'`` and its ``exclusion_rule``; they become the
aligned arrays of ``property_survey_exclusion`` (same units, buildings and
respondents, sorted by building and unit), and the household table keeps the
sample only. The strata, one row per building, become aligned arrays on their
campaign.
"""

from odoo.tools import SQL
from odoo.tools.sql import TableKind, column_exists, table_kind


def migrate(cr, version):
    if table_kind(cr, "property_survey_stratum") == TableKind.Regular:
        cr.execute(
            SQL(
                """
                UPDATE property_survey_campaign c
                   SET stratum_building_ids = s.building_ids,
                       stratum_eligible_counts = s.eligible_counts,
                       stratum_proportional_sizes = s.proportional_sizes,
                       stratum_sample_sizes = s.sample_sizes
                  FROM (SELECT campaign_id,
                               array_agg(building_id ORDER BY building_id)
                                   AS building_ids,
                               array_agg(eligible_count ORDER BY building_id)
                                   AS eligible_counts,
                               array_agg(proportional_size::float8
                                         ORDER BY building_id)
                                   AS proportional_sizes,
                               array_agg(sample_size ORDER BY building_id)
                                   AS sample_sizes
                          FROM property_survey_stratum
                      GROUP BY campaign_id) s
                 WHERE s.campaign_id = c.id;
                DROP TABLE property_survey_stratum;
                """
            )
        )
    if not column_exists(cr, "property_survey_household", "exclusion_rule"):
        return
    cr.execute(
        SQL(
            """
            INSERT INTO property_survey_exclusion
                (campaign_id, exclusion_rule, household_count, unit_ids,
                 building_ids, partner_ids, create_date, write_date)
            SELECT campaign_id, exclusion_rule, COUNT(*),
                   array_agg(unit_id ORDER BY building_id, unit_id),
                   array_agg(building_id ORDER BY building_id, unit_id),
                   array_agg(partner_id ORDER BY building_id, unit_id),
                   MIN(create_date), MAX(write_date)
              FROM property_survey_household
             WHERE state = 'excluded' AND exclusion_rule IS NOT NULL
          GROUP BY campaign_id, exclusion_rule
            ON CONFLICT (campaign_id, exclusion_rule) DO NOTHING;
            DELETE FROM property_survey_household WHERE state = 'excluded';
            ALTER TABLE property_survey_household
                DROP COLUMN state, DROP COLUMN exclusion_rule;
            """
        )
    )
