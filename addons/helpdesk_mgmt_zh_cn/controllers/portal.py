from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.http import request


class CustomerPortalHelpdeskZhCn(CustomerPortalHelpdesk):
    """Label the owner's ticket list in the visitor's language.

    OCA's labels are translated with helpdesk_mgmt's own catalogue, which has
    no Simplified Chinese; code translations are looked up per module, so the
    labels are given again here, where this addon's catalogue applies.
    """

    def _ticket_get_searchbar_sortings(self):
        sortings = super()._ticket_get_searchbar_sortings()
        labels = {
            "date": request.env._("Newest"),
            "name": request.env._("Title"),
            "stage": request.env._("Stage"),
            "update": request.env._("Last Stage Update"),
        }
        return _relabel(sortings, labels)

    def _ticket_get_searchbar_groupby(self):
        groupby = super()._ticket_get_searchbar_groupby()
        labels = {
            "none": request.env._("None"),
            "category": request.env._("Category"),
            "stage": request.env._("Stage"),
        }
        return _relabel(groupby, labels)

    def _ticket_get_searchbar_inputs(self):
        inputs = super()._ticket_get_searchbar_inputs()
        labels = {
            "all": request.env._("Search in All"),
            "number": request.env._("Search in Number"),
            "name": request.env._("Search in Title"),
        }
        return _relabel(inputs, labels)


def _relabel(options, labels):
    """Return the searchbar ``options`` with the ``labels`` of known keys."""
    return {
        key: dict(option, label=labels[key]) if key in labels else option
        for key, option in options.items()
    }
