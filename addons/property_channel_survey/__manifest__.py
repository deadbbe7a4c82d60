{
    "name": "Property Owner Relations - Survey Channels",
    "summary": "Invite the sampled households to the satisfaction survey on "
    "each owner's channel, SMS included, with a short link per answer",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "license": "LGPL-3",
    "author": "Owner Relations Suite",
    "website": "https://github.com/owner-relations/property-suite",
    "depends": ["property_channel", "property_survey", "link_tracker"],
    "data": ["views/property_survey_campaign_views.xml"],
    "auto_install": True,
    "installable": True,
}
