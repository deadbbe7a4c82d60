{
    "name": "Property Owner Relations - Care and Club",
    "summary": "High-value owners are offered the next club tier and asked for "
    "referrals; club events serve as black-customer conversion actions",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_care", "property_club"],
    "data": [
        "views/property_care_touchpoint_views.xml",
        "views/property_care_conversion_views.xml",
    ],
    "demo": ["demo/property_care_club_demo.xml"],
    "auto_install": True,
    "installable": True,
}
