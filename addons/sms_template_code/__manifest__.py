{
    "name": "SMS Template Codes",
    "summary": "Map Odoo SMS templates to the pre-approved template code and "
    "named parameters of providers that only send approved templates "
    "(mainland China)",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["sms_twilio"],
    "data": [
        "views/sms_template_views.xml",
        "views/sms_sms_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}
