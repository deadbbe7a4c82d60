{
    "name": "Property Owner Relations - Care and Helpdesk",
    "summary": "Visits and touchpoints that need action open tickets; breached or "
    "reopened tickets give a service-recovery touchpoint; inspections list open "
    "defects and repairs",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_care", "property_helpdesk"],
    "data": [
        "views/property_care_touchpoint_views.xml",
        "views/property_care_visit_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/property_care_helpdesk_demo.xml"],
    "auto_install": True,
    "installable": True,
}
