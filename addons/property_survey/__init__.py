from odoo.tools import SQL

from . import controllers, models, wizard


def _pre_init_take_over_kpis(env):
    """Adopt the satisfaction KPIs that older property_base versions shipped.

    Their definitions now live in this addon's data: on a database where
    property_base created them, move their external ids here so loading
    the data updates them instead of failing on the unique KPI code.
    """
    env.cr.execute(
        SQL(
            """
            UPDATE ir_model_data
               SET module = 'property_survey'
             WHERE module = 'property_base'
               AND name IN ('kpi_loyalty', 'kpi_satisfaction')
               AND NOT EXISTS (
                   SELECT 1 FROM ir_model_data
                    WHERE module = 'property_survey'
                      AND name IN ('kpi_loyalty', 'kpi_satisfaction'))
            """
        )
    )
