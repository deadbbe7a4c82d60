{
    "name": "Property Owner Relations - Early Warning and Care",
    "summary": "Care signals (overdue touchpoints, visits) feed the early warning; "
    "each household on the work list gets one proactive touchpoint a month",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_insight", "property_care"],
    "data": [
        "views/property_insight_risk_views.xml",
        "views/property_insight_feature_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
