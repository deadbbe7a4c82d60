{
    "name": "Property Owner Relations - Survey and Helpdesk",
    "summary": "The one-month ticket callback is a questionnaire; a low score opens "
    "one follow-up ticket; dissatisfied owners' answers show their last tickets",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_survey", "property_helpdesk"],
    "data": [
        "data/survey_survey_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/property_ticket_callback_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/survey_user_input_views.xml",
    ],
    "demo": ["demo/property_survey_helpdesk_demo.xml"],
    "auto_install": True,
    "installable": True,
}
