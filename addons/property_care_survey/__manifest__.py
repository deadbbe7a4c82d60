{
    "name": "Property Owner Relations - Care and Survey",
    "summary": "3-score households of a closed campaign get a conversion visit; "
    "visit scores feed the satisfaction health signal; campaigns show what "
    "the visited households answered next month",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_care", "property_survey"],
    "data": [
        "views/property_survey_campaign_views.xml",
        "views/property_care_touchpoint_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/property_care_survey_demo.xml"],
    "auto_install": True,
    "installable": True,
}
