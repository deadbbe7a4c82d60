{
    "name": "Helpdesk Management - Simplified Chinese",
    "summary": "Simplified Chinese (zh_CN) translation of OCA Helpdesk "
    "Management: labels, stages, menus, views, portal pages and mails",
    "version": "19.0.1.0.0",
    "category": "Localization",
    "license": "AGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["helpdesk_mgmt"],
    "auto_install": True,
    "installable": True,
}
