from odoo import api, fields, models


class PropertyPatrol(models.Model):
    """A patrol round: the butler's daily round, the manager's weekly one."""

    _name = "property.patrol"
    _description = "Patrol Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    patrol_type = fields.Selection(
        [
            ("butler_daily", "Butler Daily Round"),
            ("manager_weekly", "Manager Weekly Round"),
        ],
        string="Type",
        required=True,
        default="butler_daily",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Patroller",
        required=True,
        default=lambda self: self.env.user,
    )
    project_id = fields.Many2one("property.project", required=True, index=True)
    building_id = fields.Many2one(
        "property.building", domain="[('project_id', '=', project_id)]", index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    finding_ids = fields.One2many("property.patrol.finding", "patrol_id")
    finding_count = fields.Integer(compute="_compute_finding_count")
    notes = fields.Text()

    @api.depends("patrol_type", "date")
    def _compute_name(self):
        types = dict(self._fields["patrol_type"]._description_selection(self.env))
        for patrol in self:
            patrol.name = f"{types.get(patrol.patrol_type)} {patrol.date or ''}"

    def _compute_finding_count(self):
        counts = dict(
            self.env["property.patrol.finding"]._read_group(
                [("patrol_id", "in", self.ids)], ["patrol_id"], ["__count"]
            )
        )
        for patrol in self:
            patrol.finding_count = counts.get(patrol, 0)
