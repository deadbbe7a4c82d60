from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from .property_care_plan_line import MILESTONE_KINDS

BUYER_STAGES = ("subscriber", "signed", "owner")


class PropertyProjectMilestone(models.Model):
    """A project milestone broadcast to every buyer (topping-out, open day ...).

    Placeholders in the message: ``{name}`` the buyer, ``{unit}`` their home,
    ``{project}`` the project, ``{date}`` the milestone date.
    """

    _name = "property.project.milestone"
    _description = "Project Milestone"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one("property.project", required=True, index=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(MILESTONE_KINDS, required=True, default="progress")
    date = fields.Date(required=True, default=fields.Date.context_today)
    subject = fields.Char(required=True)
    message = fields.Text(
        required=True,
        help="Placeholders: {name}, {unit}, {project}, {date}.",
    )
    log_ids = fields.One2many("property.project.milestone.log", "milestone_id")
    sent_count = fields.Integer(compute="_compute_counts")
    failed_count = fields.Integer(compute="_compute_counts")
    last_sent = fields.Datetime(readonly=True)

    def _compute_counts(self):
        counts = {
            (milestone.id, state): count
            for milestone, state, count in self.env[
                "property.project.milestone.log"
            ]._read_group(
                [("milestone_id", "in", self.ids)],
                ["milestone_id", "state"],
                ["__count"],
            )
        }
        for milestone in self:
            milestone.sent_count = counts.get((milestone.id, "sent"), 0)
            milestone.failed_count = counts.get((milestone.id, "failed"), 0)

    def _recipients(self):
        """Every buyer of the project: subscribers, signed customers, owners."""
        self.ensure_one()
        return self.env["res.partner"].search(
            [
                ("property_project_id", "=", self.project_id.id),
                ("customer_stage", "in", BUYER_STAGES),
            ]
        )

    def _render(self, partner):
        values = {
            "name": partner.name or "",
            "unit": partner.unit_ids[:1].display_name or "",
            "project": self.project_id.name or "",
            "date": self.date,
        }
        try:
            return self.message.format(**values)
        except (KeyError, IndexError, ValueError) as error:
            raise UserError(
                self.env._(
                    "The message has an unknown placeholder (%s); use {name}, "
                    "{unit}, {project} or {date}.",
                    error,
                )
            ) from error

    def action_send(self):
        """Send to the buyers not reached yet; one log line per recipient."""
        Log = self.env["property.project.milestone.log"]
        for milestone in self:
            milestone._render(self.env["res.partner"])  # validate placeholders
            logs = {log.partner_id: log for log in milestone.log_ids}
            recipients = milestone._recipients().filtered(
                lambda p, logs=logs: p not in logs or logs[p].state != "sent"
            )
            new_logs = []
            for partner in recipients:
                vals = milestone._send_one(partner)
                if partner in logs:
                    logs[partner].write(vals)
                else:
                    new_logs.append(
                        dict(vals, milestone_id=milestone.id, partner_id=partner.id)
                    )
            Log.create(new_logs)
            milestone.last_sent = fields.Datetime.now()
            milestone.message_post(
                body=self.env._(
                    "Broadcast sent to %s new recipients.", len(recipients)
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _send_one(self, partner):
        if not partner.email:
            return {
                "state": "failed",
                # read by the company's staff, in its language
                "reason": self.with_context(lang=self.company_id.partner_id.lang).env._(
                    "No e-mail address"
                ),
                "date": fields.Datetime.now(),
            }
        body = plaintext2html(self._render(partner))
        partner.message_post(
            body=body,
            subject=self.subject,
            partner_ids=partner.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return {"state": "sent", "reason": False, "date": fields.Datetime.now()}
