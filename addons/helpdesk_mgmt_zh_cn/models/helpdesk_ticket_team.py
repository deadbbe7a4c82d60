from odoo import models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    def _retrieve_dashboard(self):
        """Name the dashboard's tiles in the user's language (see portal.py)."""
        names = {
            "helpdesk_mgmt.helpdesk_ticket_action_unassigned": self.env._(
                "Open Tickets without team"
            ),
            "helpdesk_mgmt.helpdesk_ticket_action_opened": self.env._("Open Tickets"),
        }
        return [
            dict(tile, name=names[tile["action"]])
            if tile.get("action") in names
            else tile
            for tile in super()._retrieve_dashboard()
        ]
