from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_club_event_window_months = fields.Integer(
        string="Events Counted Over (months)",
        config_parameter="property_club.event_window_months",
        default=12,
        help="Club activities attended in this many past months count for the "
        "tier and the health score.",
    )
    property_club_health_points_event = fields.Integer(
        string="Points per Activity",
        config_parameter="property_club.health_points_event",
        default=3,
        help="Health points a member earns per club activity attended.",
    )
    property_club_health_points_event_max = fields.Integer(
        string="Activity Points Cap",
        config_parameter="property_club.health_points_event_max",
        default=15,
        help="At most this many health points from club activities.",
    )
    property_club_health_points_inactive = fields.Integer(
        string="Points for No Activity",
        config_parameter="property_club.health_points_inactive",
        default=-5,
        help="Health points (usually negative) of a member who attended no "
        "activity in the window.",
    )
    property_club_issue_batch_size = fields.Integer(
        string="Bulk Issue Batch Size",
        config_parameter="property_club.issue_batch_size",
        default=500,
        help="Cards created per batch when issuing cards in bulk.",
    )
