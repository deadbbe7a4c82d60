from odoo.tests import HttpCase


class SmsProviderStandInCase(HttpCase):
    """Base of the tests sending through a provider SDK to a stand-in of the
    provider's HTTP API on 127.0.0.1."""

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        # SDKs built on requests pass (connect, read) timeouts, which the test
        # guard of outgoing requests compares to a number
        if isinstance(kw.get("timeout"), tuple):
            kw["timeout"] = max(kw["timeout"])
        return super()._request_handler(s, r, **kw)
