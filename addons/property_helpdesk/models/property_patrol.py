from datetime import timedelta

from odoo import api, fields, models


class PropertyPatrol(models.Model):
    """A patrol round: the butler's daily round, the manager's weekly one."""

    _name = "property.patrol"
    _description = "Patrol Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

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
        "property.building",
        domain="[('project_id', '=', project_id)]",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    finding_ids = fields.One2many("property.patrol.finding", "patrol_id")
    finding_count = fields.Integer(compute="_compute_finding_count")
    notes = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")],
        default="done",
        required=True,
        index=True,
        tracking=True,
        help="Planned rounds are created every day (butlers) and every week "
        "(project managers); the patroller marks them done.",
    )
    done_count = fields.Integer(
        string="Rounds Done",
        compute="_compute_done_count",
        store=True,
        aggregator="sum",
    )
    due_count = fields.Integer(
        string="Rounds Due", default=1, readonly=True, aggregator="sum"
    )

    _planned_round_uniq = models.UniqueIndex(
        "(patrol_type, user_id, project_id, COALESCE(building_id, 0), date)"
        " WHERE state = 'planned'"
    )

    @api.depends("patrol_type", "date")
    def _compute_name(self):
        types = dict(self._fields["patrol_type"]._description_selection(self.env))
        for patrol in self:
            patrol.name = f"{types.get(patrol.patrol_type)} {patrol.date or ''}"

    @api.depends("state")
    def _compute_done_count(self):
        for patrol in self:
            patrol.done_count = 1 if patrol.state == "done" else 0

    def _compute_finding_count(self):
        counts = dict(
            self.env["property.patrol.finding"]._read_group(
                [("patrol_id", "in", self.ids)], ["patrol_id"], ["__count"]
            )
        )
        for patrol in self:
            patrol.finding_count = counts.get(patrol, 0)

    def action_done(self):
        self.write({"state": "done"})

    @api.model
    def _cron_plan_rounds(self):
        """Plan today's butler rounds (one per grid building) and this week's
        manager round (one per project, on Monday). Idempotent: what exists is
        skipped, a unique index guards against doubles."""
        today = fields.Date.context_today(self)
        monday = today - timedelta(days=today.weekday())
        buildings = self.env["property.building"].search([("butler_id", "!=", False)])
        projects = self.env["property.project"].search([("manager_id", "!=", False)])
        wanted = [
            {
                "patrol_type": "butler_daily",
                "user_id": building.butler_id.id,
                "project_id": building.project_id.id,
                "building_id": building.id,
                "date": today,
                "state": "planned",
            }
            for building in buildings
        ] + [
            {
                "patrol_type": "manager_weekly",
                "user_id": project.manager_id.id,
                "project_id": project.id,
                "building_id": False,
                "date": monday,
                "state": "planned",
            }
            for project in projects
        ]
        existing = {
            (p.patrol_type, p.user_id.id, p.project_id.id, p.building_id.id, p.date)
            for p in self.search([("date", "in", [today, monday])])
        }
        todo = [
            vals
            for vals in wanted
            if (
                vals["patrol_type"],
                vals["user_id"],
                vals["project_id"],
                vals["building_id"] or False,
                vals["date"],
            )
            not in existing
        ]
        return self.create(todo)
