from odoo import fields, models


class PropertyCalendarWorkday(models.Model):
    """A make-up working day (调休) of a working calendar: a weekend day on
    which people work like on a weekday, e.g. the Saturday after National
    Day. The calendar's attendances of ``like_dayofweek`` apply that day."""

    _name = "property.calendar.workday"
    _description = "Make-up Working Day"
    _order = "date"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Date(required=True)
    name = fields.Char(string="Reason", translate=True)
    like_dayofweek = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
        ],
        string="Worked Like",
        required=True,
        default="0",
        help="The day is worked with the hours of this weekday.",
    )

    _calendar_date_unique = models.Constraint(
        "UNIQUE(calendar_id, date)",
        "A day is a make-up working day of a calendar only once.",
    )
