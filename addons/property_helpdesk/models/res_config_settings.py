from odoo import api, fields, models
from odoo.exceptions import ValidationError

#: settings that must be at least 1 (the others may be 0 or negative)
POSITIVE_SETTINGS = (
    "property_group_warning_count",
    "property_group_warning_hours",
    "property_callback_phone_hours",
    "property_callback_visit_hours",
    "property_callback_questionnaire_hours",
    "property_patrol_recheck_days",
    "property_escalation_levels",
    "property_portal_max_photos",
    "property_portal_max_photo_mb",
    "property_portal_rate_hours",
    "property_helpdesk_health_window_days",
    "property_helpdesk_health_repeat_repairs",
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_group_warning_count = fields.Integer(
        string="Group Warning: Households",
        config_parameter="property_helpdesk.group_warning_count",
        default=3,
        help="Raise a group-complaint warning when this many different "
        "households complain about one category in one place within the window.",
    )
    property_group_warning_hours = fields.Integer(
        string="Group Warning: Within (hours)",
        config_parameter="property_helpdesk.group_warning_hours",
        default=24,
        help="The window in which the complaints are counted.",
    )
    property_group_warning_scope = fields.Selection(
        [("building", "Building"), ("project", "Project")],
        string="Group Warning: Place",
        config_parameter="property_helpdesk.group_warning_scope",
        default="building",
        help="Count the complaints per building or per whole project.",
    )
    property_callback_phone_hours = fields.Integer(
        string="Phone Callback After (hours)",
        config_parameter="property_helpdesk.callback_phone_hours",
        default=24,
        help="Hours after the resolution when the phone callback is due.",
    )
    property_callback_visit_hours = fields.Integer(
        string="Visit After (hours)",
        config_parameter="property_helpdesk.callback_visit_hours",
        default=168,
        help="Hours after the resolution when the visit is due.",
    )
    property_callback_questionnaire_hours = fields.Integer(
        string="Questionnaire After (hours)",
        config_parameter="property_helpdesk.callback_questionnaire_hours",
        default=720,
        help="Hours after the resolution when the questionnaire is due.",
    )
    property_callback_reopen_max_score = fields.Integer(
        string="Reopen at Score",
        config_parameter="property_helpdesk.callback_reopen_max_score",
        default=3,
        help="A callback scored this or lower (on 1-5) reopens the ticket; "
        "0 never reopens.",
    )
    property_patrol_recheck_days = fields.Integer(
        string="Recheck Findings Within (days)",
        config_parameter="property_helpdesk.patrol_recheck_days",
        default=2,
        help="A patrol finding must be rechecked within so many days of the "
        "round; then its patroller gets an overdue activity.",
    )
    property_escalation_levels = fields.Integer(
        string="Escalation Levels",
        config_parameter="property_helpdesk.escalation_levels",
        default=3,
        help="How far a late ticket climbs: 1 responsible butler, 2 customer "
        "service head, 3 project manager. The step between levels is set on "
        "each SLA policy.",
    )
    property_portal_max_photos = fields.Integer(
        string="Photos per Request",
        config_parameter="property_helpdesk.portal_max_photos",
        default=5,
        help="How many photos an owner may attach to a request on the portal.",
    )
    property_portal_max_photo_mb = fields.Integer(
        string="Photo Size (MB)",
        config_parameter="property_helpdesk.portal_max_photo_mb",
        default=5,
        help="Largest photo an owner may attach, in megabytes.",
    )
    property_portal_rate_count = fields.Integer(
        string="Requests per Owner",
        config_parameter="property_helpdesk.portal_rate_count",
        default=5,
        help="How many requests one owner may file on the portal within the "
        "window; 0 for no limit.",
    )
    property_portal_rate_hours = fields.Integer(
        string="Requests Window (hours)",
        config_parameter="property_helpdesk.portal_rate_hours",
        default=24,
        help="The window of the per-owner request limit.",
    )
    property_goodwill_template_id = fields.Many2one(
        "mail.template",
        string="Apology Template",
        config_parameter="property_helpdesk.goodwill_template_id",
        domain="[('model', '=', 'helpdesk.ticket')]",
        help="Sent to the owner once when a ticket misses its resolution "
        "deadline; the grid butler also gets a goodwill activity. Empty: "
        "no goodwill gesture.",
    )
    property_helpdesk_health_window_days = fields.Integer(
        string="Health: Ticket Window (days)",
        config_parameter="property_helpdesk.health_window_days",
        default=90,
        help="Tickets reported within so many days lower an owner's health.",
    )
    property_helpdesk_health_points_complaint = fields.Integer(
        string="Health: Points per Complaint",
        config_parameter="property_helpdesk.health_points_complaint",
        default=-8,
        help="Points per complaint in the window (counted up to three times).",
    )
    property_helpdesk_health_points_breach = fields.Integer(
        string="Health: Points per Late Ticket",
        config_parameter="property_helpdesk.health_points_breach",
        default=-5,
        help="Points per ticket handled late (counted up to three times).",
    )
    property_helpdesk_health_repeat_repairs = fields.Integer(
        string="Health: Repeated Repairs From",
        config_parameter="property_helpdesk.health_repeat_repairs",
        default=3,
        help="So many repairs in the window count as repeated repairs.",
    )
    property_helpdesk_health_points_repeat = fields.Integer(
        string="Health: Points for Repeated Repairs",
        config_parameter="property_helpdesk.health_points_repeat",
        default=-10,
        help="Points once repairs repeat.",
    )

    @api.constrains(*POSITIVE_SETTINGS)
    def _check_property_helpdesk_positive(self):
        for settings in self:
            for name in POSITIVE_SETTINGS:
                if settings[name] < 1:
                    raise ValidationError(
                        self.env._(
                            "%s must be at least 1.",
                            self._fields[name].get_description(self.env)["string"],
                        )
                    )
            if not 0 <= settings.property_callback_reopen_max_score <= 5:
                raise ValidationError(
                    self.env._("The reopen score is between 0 and 5.")
                )
            if settings.property_escalation_levels > 3:
                raise ValidationError(
                    self.env._(
                        "There are three escalation levels: butler, service "
                        "head, project manager."
                    )
                )
            if settings.property_portal_rate_count < 0:
                raise ValidationError(
                    self.env._("The request limit cannot be negative.")
                )
