from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class PropertyFlowMixin(models.AbstractModel):
    """Figures the company is judged on, written only by the flows owning them.

    A record's KPI-bearing fields (its state, done date, on-time flag ...) are
    written by its buttons, wizards, crons and portal routes, which write them
    as superuser (``sudo()``). Any other create or write naming them — a form,
    a call over RPC — is refused, whoever makes it; an officer corrects such a
    figure through an adjustment wizard, which asks a reason, posts it in the
    chatter and marks the record *adjusted*.

    The records it links to (customer, unit, ticket ...) must be readable by
    the user who links them: a butler cannot log work for a customer of
    another grid, nor read a ticket back through a link.
    """

    _name = "property.flow.mixin"
    _description = "Figures Written Only by Their Flows"

    property_adjusted = fields.Boolean(
        string="Adjusted",
        readonly=True,
        copy=False,
        help="An officer corrected a figure of this record, with a reason "
        "posted in its chatter.",
    )

    @api.model
    def _property_flow_fields(self):
        """``{field name: value anybody may give it on create}`` of the fields
        only the flows write (``False``: none but an empty one)."""
        return {"property_adjusted": False}

    @api.model
    def _property_link_fields(self):
        """Relational fields whose records the user must be able to read."""
        return []

    @api.model
    def _property_check_flow_vals(self, vals, creating=False):
        if self.env.su:
            return
        allowed = self._property_flow_fields()
        forbidden = [
            name
            for name in allowed.keys() & vals.keys()
            if not creating or (vals[name] and vals[name] != allowed[name])
        ]
        if forbidden:
            raise AccessError(
                self.env._(
                    "%(fields)s of a %(model)s is set by its own steps (buttons, "
                    "scheduled actions, the owner's portal), not by hand: ask an "
                    "officer to adjust it, with a reason.",
                    fields=", ".join(
                        sorted(
                            self._fields[name]._description_string(self.env)
                            for name in forbidden
                        )
                    ),
                    model=self._description,
                )
            )
        for name in self._property_link_fields():
            if not vals.get(name):
                continue
            field = self._fields[name]
            linked = self.env[field.comodel_name].browse(vals[name])
            if not linked.has_access("read"):
                raise AccessError(
                    self.env._(
                        "You cannot link a %(model)s as %(field)s that you may "
                        "not read: it belongs to someone else's grid.",
                        model=linked._description,
                        field=field._description_string(self.env),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._property_check_flow_vals(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._property_check_flow_vals(vals)
        return super().write(vals)

    def _property_adjust(self, vals, reason):
        """An officer's correction of flow-owned figures: written with the
        reason in the chatter, the records marked adjusted."""
        if not (
            self.env.su
            or self.env.user.has_group("property_base.property_base_group_officer")
        ):
            raise AccessError(
                self.env._("Only an officer adjusts the figures of a record.")
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the figures are adjusted."))
        self.check_access("write")
        records_sudo = self.sudo()
        records_sudo.write({**vals, "property_adjusted": True})
        for record in self:
            record.message_post(
                body=self.env._("Adjusted by an officer: %s", reason),
                subtype_xmlid="mail.mt_note",
            )
