{
    "name": "Property Owner Relations - Care Channels",
    "summary": "Care touchpoints with an SMS or greeting action are sent on the "
    "owner's channel and logged on the touchpoint; milestone broadcasts reach "
    "every buyer on their channel",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_channel", "property_care"],
    "data": [
        "data/ir_cron_data.xml",
        "views/property_care_touchpoint_views.xml",
        "views/property_project_milestone_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["property_channel_care/static/tests/tours/*.js"],
    },
    "auto_install": True,
    "installable": True,
}
