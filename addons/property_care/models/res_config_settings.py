from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    property_care_settling_months = fields.Integer(
        string="Settling-in Period (months)",
        config_parameter="property_care.settling_months",
        default=3,
    )
    property_care_warranty_months = fields.Integer(
        string="Warranty Period (months)",
        config_parameter="property_care.warranty_months",
        default=24,
    )
    property_care_four_year_months = fields.Integer(
        string="Four-Year Appointment From (months)",
        config_parameter="property_care.four_year_months",
        default=36,
    )
    property_care_lookahead_days = fields.Integer(
        string="Look-ahead (days)",
        config_parameter="property_care.lookahead_days",
        default=30,
    )
    property_care_catch_up_days = fields.Integer(
        string="Catch-up (days)",
        config_parameter="property_care.catch_up_days",
        default=7,
    )
    property_care_grace_days = fields.Integer(
        string="Missed After (days past deadline)",
        config_parameter="property_care.grace_days",
        default=14,
    )
    property_care_proactive_interval_days = fields.Integer(
        string="Proactive Touchpoint Interval (days)",
        config_parameter="property_care.proactive_interval_days",
        default=30,
    )
    property_care_proactive_days_allowed = fields.Integer(
        string="Days to Complete a Proactive Touchpoint",
        config_parameter="property_care.proactive_days_allowed",
        default=7,
    )
    property_care_generate_batch_size = fields.Integer(
        string="Customers per Generation Batch",
        config_parameter="property_care.generate_batch_size",
        default=20000,
        help="The daily generation commits its work after each batch of this "
        "many customers: larger batches run faster, smaller ones lose less "
        "work if the run is interrupted.",
    )
    property_care_quota_butler = fields.Integer(
        string="Butler Monthly Visits",
        config_parameter="property_care.quota_butler",
        default=120,
    )
    property_care_quota_service_head = fields.Integer(
        string="Department Head Monthly Visits",
        config_parameter="property_care.quota_service_head",
        default=50,
    )
    property_care_quota_project_manager = fields.Integer(
        string="Project Manager Monthly Visits",
        config_parameter="property_care.quota_project_manager",
        default=30,
    )
    property_care_health_points_overdue = fields.Integer(
        string="Points per Overdue Touchpoint",
        config_parameter="property_care.health_points_overdue",
        default=-5,
    )
    property_care_health_points_low_visit = fields.Integer(
        string="Points for a Low Visit Score",
        config_parameter="property_care.health_points_low_visit",
        default=-10,
    )
    property_care_health_points_good_visit = fields.Integer(
        string="Points for a Good Visit",
        config_parameter="property_care.health_points_good_visit",
        default=5,
    )
    property_care_health_window_days = fields.Integer(
        string="Visits Considered (days)",
        config_parameter="property_care.health_window_days",
        default=90,
    )

    property_care_max_years_back = fields.Integer(
        string="Dates Accepted Back To (years)",
        config_parameter="property_care.max_years_back",
        default=3,
        help="A visit, touchpoint or conversion action dated further back is "
        "refused as a typing mistake.",
    )
    property_care_reschedule_window_days = fields.Integer(
        string="Owner May Move an Appointment By (days)",
        config_parameter="property_care.reschedule_window_days",
        default=180,
        help="The latest day an owner may ask for on the portal, counted from "
        "the appointment's due date.",
    )

    def set_values(self):
        keys = ("settling_months", "warranty_months", "four_year_months")
        get = self.env["ir.config_parameter"].sudo().get_param
        before = [get(f"property_care.{key}") for key in keys]
        res = super().set_values()
        if before != [get(f"property_care.{key}") for key in keys]:
            self.env["res.partner"]._refresh_care_stages(everyone=True)
        return res
