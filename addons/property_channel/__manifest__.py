{
    "name": "Property Owner Relations - Channels",
    "summary": "Reach each owner on their channel (e-mail, WeChat, SMS or a "
    "staff call) through one queue: nothing lost or sent twice, retries, "
    "rate limits, daily cap, unsubscribe",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_base", "sms_aliyun", "sms_tencentcloud"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/property_channel_message_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/property_channel_menus.xml",
    ],
    "demo": ["demo/property_channel_message_demo.xml"],
    "installable": True,
}
