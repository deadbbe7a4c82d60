{
    "name": "Property Owner Relations - Early Warning",
    "summary": "Predict next month's unhappy households from the suite's own signals, "
    "back-tested against the audited satisfaction survey, with a work list per grid",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_base", "property_survey"],
    "external_dependencies": {"python": ["scikit-learn", "numpy"]},
    "data": [
        "security/ir.model.access.csv",
        "security/property_insight_security.xml",
        "data/ir_cron_data.xml",
        "views/property_insight_risk_views.xml",
        "views/property_insight_backtest_views.xml",
        "views/property_insight_feature_views.xml",
        "views/property_survey_campaign_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_insight_menus.xml",
    ],
    "demo": ["demo/property_insight_demo.xml"],
    "assets": {
        "web.assets_tests": ["property_insight/static/tests/tours/*.js"],
    },
    "installable": True,
}
