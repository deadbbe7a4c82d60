from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyPatrolFinding(models.Model):
    """Something a patrol found: it becomes a ticket and is rechecked."""

    _name = "property.patrol.finding"
    _description = "Patrol Finding"
    _order = "recheck_due, id"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _check_company_auto = True

    patrol_id = fields.Many2one(
        "property.patrol",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    project_id = fields.Many2one(related="patrol_id.project_id", store=True)
    building_id = fields.Many2one(
        "property.building",
        compute="_compute_building_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    company_id = fields.Many2one(related="patrol_id.company_id", store=True)
    description = fields.Text(required=True)
    location = fields.Char()
    category_id = fields.Many2one("helpdesk.ticket.category")
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True, copy=False)
    recheck_due = fields.Date(compute="_compute_recheck_due", store=True)
    rechecked_date = fields.Date(copy=False)
    recheck_ok = fields.Boolean(string="Fixed at Recheck", copy=False)
    overdue_notified = fields.Boolean(copy=False, readonly=True)
    recheck_overdue = fields.Boolean(
        compute="_compute_recheck_overdue", search="_search_recheck_overdue"
    )

    @api.depends("patrol_id.building_id")
    def _compute_building_id(self):
        for finding in self:
            finding.building_id = finding.building_id or finding.patrol_id.building_id

    @api.depends("patrol_id.date")
    def _compute_recheck_due(self):
        days = self.env["res.config.settings"]._property_param(
            "property_helpdesk.patrol_recheck_days"
        )
        for finding in self:
            finding.recheck_due = finding.patrol_id.date + timedelta(days=days)

    @api.depends("recheck_due", "rechecked_date")
    def _compute_recheck_overdue(self):
        today = fields.Date.context_today(self)
        for finding in self:
            finding.recheck_overdue = (
                not finding.rechecked_date and finding.recheck_due < today
            )

    def _search_recheck_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        overdue = [
            ("rechecked_date", "=", False),
            ("recheck_due", "<", fields.Date.context_today(self)),
        ]
        return overdue if (operator == "=") == value else ["!", "&", *overdue]

    @api.depends("location", "description")
    def _compute_display_name(self):
        for finding in self:
            finding.display_name = (
                finding.location or (finding.description or "")[:60] or ""
            )

    def action_create_ticket(self):
        """Turn findings into repair tickets (one each, never twice)."""
        todo = self.filtered(lambda f: not f.ticket_id)
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": (finding.location or finding.description)[:80],
                    "description": finding.description,
                    "kind": "repair",
                    "category_id": finding.category_id.id,
                    "project_id": finding.project_id.id,
                    "building_id": finding.building_id.id,
                }
                for finding in todo
            ]
        )
        for finding, ticket in zip(todo, tickets, strict=True):
            finding.ticket_id = ticket
        return tickets

    def action_recheck_ok(self):
        return self.action_recheck(True)

    def action_recheck_not_ok(self):
        return self.action_recheck(False)

    def action_recheck(self, fixed=True):
        if self.filtered("rechecked_date"):
            raise UserError(self.env._("This finding was already rechecked."))
        self.write(
            {"rechecked_date": fields.Date.context_today(self), "recheck_ok": fixed}
        )

    @api.model
    def _cron_recheck_overdue(self, batch_size=500):
        """An overdue-recheck activity for the patroller of each finding not
        rechecked in time, once (``overdue_notified``)."""
        cron = self.env["ir.cron"]
        while findings := self._notify_overdue_rechecks(batch_size):
            if not cron._commit_progress(len(findings)):
                break

    @api.model
    def _notify_overdue_rechecks(self, limit):
        """One batch of the overdue-recheck activities; return the findings."""
        findings = self.search(
            [("recheck_overdue", "=", True), ("overdue_notified", "=", False)],
            limit=limit,
        )
        for finding in findings:
            user = finding.patrol_id.user_id
            # the patroller's to-do: in the patroller's language
            env = self.with_context(lang=user.lang).env
            finding.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=env._(
                    "Recheck overdue: %s", finding.with_env(env).display_name
                ),
            )
        findings.overdue_notified = True
        return findings
