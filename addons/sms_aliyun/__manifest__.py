{
    "name": "Alibaba Cloud SMS",
    "summary": "Send SMS through Alibaba Cloud SMS (阿里云短信服务) with approved "
    "templates and signatures, with delivery reports",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["sms_template_code"],
    "external_dependencies": {"python": ["alibabacloud-dysmsapi20170525"]},
    "data": ["views/res_config_settings_views.xml"],
    "demo": ["demo/res_company_demo.xml"],
    "installable": True,
}
