from . import res_config_settings
from . import property_insight_feature
from . import property_insight_backtest
from . import property_insight_backtest_month
from . import property_insight_risk
from . import property_survey_campaign
