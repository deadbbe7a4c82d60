from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError


class PropertyComplaintWarning(models.Model):
    """Group-complaint early warning (群诉预警): many complaints, one place."""

    _name = "property.complaint.warning"
    _description = "Group Complaint Warning"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    category_id = fields.Many2one("helpdesk.ticket.category", index=True)
    building_id = fields.Many2one("property.building", index=True, check_company=True)
    project_id = fields.Many2one("property.project", required=True, index=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    ticket_ids = fields.One2many("helpdesk.ticket", "warning_id", string="Complaints")
    ticket_count = fields.Integer(compute="_compute_ticket_count", store=True)
    household_count = fields.Integer(
        string="Households", compute="_compute_ticket_count", store=True
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        index=True,
    )

    _open_place_uniq = models.UniqueIndex(
        "(project_id, COALESCE(building_id, 0), COALESCE(category_id, 0))"
        " WHERE state = 'open'",
        "A place has one open warning per complaint category.",
    )

    @api.depends("category_id", "building_id", "project_id")
    def _compute_name(self):
        for warning in self:
            warning.name = " / ".join(
                part
                for part in (
                    warning.building_id.display_name or warning.project_id.display_name,
                    warning.category_id.name,
                )
                if part
            )

    @api.depends("ticket_ids.unit_id", "ticket_ids.partner_id")
    def _compute_ticket_count(self):
        for warning in self:
            warning.ticket_count = len(warning.ticket_ids)
            warning.household_count = len(self._households(warning.ticket_ids))

    def action_close(self):
        self.write({"state": "closed"})

    @api.model
    def _settings(self):
        setting = self.env["res.config.settings"]._property_param
        return {
            "count": setting("property_helpdesk.group_warning_count"),
            "hours": setting("property_helpdesk.group_warning_hours"),
            "scope": setting("property_helpdesk.group_warning_scope"),
        }

    @api.model
    def _households(self, tickets):
        """Distinct households among ``tickets``: their home, else the
        complainant's household (one owner filing three times is one)."""
        return {
            ("unit", t.unit_id.id)
            if t.unit_id
            else ("partner", t.partner_id.commercial_partner_id.id or t.id)
            for t in tickets
        }

    def _place_key(self, ticket, scope):
        return (
            ticket.category_id.id,
            ticket.building_id.id if scope == "building" else False,
            ticket.project_id.id,
        )

    @api.model
    def _check(self, complaints):
        """Join ``complaints`` to an open warning of their place, or raise one
        when the N-th complaint of a category arrives within T hours."""
        settings = self._settings()
        scope = settings["scope"]
        complaints = complaints.filtered(
            lambda t: t.project_id and (t.building_id or scope == "project")
        )
        if not complaints:
            return self.browse()
        since = min(complaints.mapped("reported_date")) - timedelta(
            hours=settings["hours"]
        )
        place_field = "building_id" if scope == "building" else "project_id"
        open_warnings = self.search(
            [
                ("state", "=", "open"),
                (place_field, "in", complaints[place_field].ids),
            ]
        )
        by_key = {
            (
                w.category_id.id,
                w.building_id.id if scope == "building" else False,
                w.project_id.id,
            ): w
            for w in open_warnings
        }
        recent = self.env["helpdesk.ticket"].search(
            [
                ("kind", "=", "complaint"),
                (place_field, "in", complaints[place_field].ids),
                ("reported_date", ">=", since),
            ]
        )
        created = self.browse()
        for ticket in complaints:
            key = self._place_key(ticket, scope)
            warning = by_key.get(key)
            if warning:
                ticket.warning_id = warning
                continue
            window_start = ticket.reported_date - timedelta(hours=settings["hours"])
            same = recent.filtered(
                lambda t, k=key, s=window_start: (
                    self._place_key(t, scope) == k
                    and t.reported_date >= s
                    and not t.warning_id
                )
            )
            if len(self._households(same)) >= settings["count"]:
                warning = self._raise_warning(
                    {
                        "category_id": ticket.category_id.id,
                        "building_id": ticket.building_id.id
                        if scope == "building"
                        else False,
                        "project_id": ticket.project_id.id,
                    }
                )
                same.warning_id = warning
                warning._notify_managers()
                by_key[key] = warning
                created |= warning
        return created

    @api.model
    def _raise_warning(self, vals):
        """Create the open warning of a place. Two complaints filed at the
        same moment may both reach the threshold: the database keeps one open
        warning per place (unique index); the other transaction is retried
        and then joins the warning already there."""
        try:
            with self.env.cr.savepoint():
                return self.create(vals)
        except UniqueViolation as error:
            raise ConcurrencyError(
                "an open warning for this place was raised concurrently"
            ) from error

    def _notify_managers(self):
        for warning in self:
            project = warning.project_id
            managers = project.service_head_id | project.manager_id
            warning.message_subscribe(partner_ids=managers.partner_id.ids)
            for manager in managers:
                warning.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.with_context(lang=manager.lang).env._(
                        "Group complaint warning: %s", warning.name
                    ),
                )
            # the note is read by the company's staff: in its language
            company_env = self.with_context(lang=warning.company_id.partner_id.lang).env
            warning.message_post(
                body=company_env._(
                    "%(count)s households complain of the same kind in one place: "
                    "%(name)s.",
                    count=warning.household_count,
                    name=warning.name,
                ),
                partner_ids=managers.partner_id.ids,
            )
