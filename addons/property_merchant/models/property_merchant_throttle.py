from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class PropertyMerchantThrottle(models.Model):
    """Refused card look-ups per cashier and per merchant in one time window.

    One row per (scope, id, window), bumped with ``INSERT ... ON CONFLICT DO
    UPDATE``: two concurrent requests cannot both read the same count and pass,
    the second one waits for the first and, under Odoo's repeatable-read
    transactions, is retried with the new count.
    """

    _name = "property.merchant.throttle"
    _description = "Card Look-up Throttle Counter"
    _log_access = False

    scope = fields.Selection(
        [("user", "Cashier"), ("merchant", "Merchant")], required=True
    )
    res_id = fields.Integer(required=True)
    window_no = fields.Integer(
        required=True, help="Number of the time window since the epoch."
    )
    hits = fields.Integer(required=True, default=0)
    last_date = fields.Datetime(required=True, default=fields.Datetime.now)

    _window_uniq = models.Constraint(
        "unique(scope, res_id, window_no)", "One counter per scope and window."
    )

    @api.model
    def _window(self, hours):
        epoch = fields.Datetime.now() - fields.Datetime.to_datetime("1970-01-01")
        return int(epoch.total_seconds() // (3600 * max(hours, 1)))

    @api.model
    def _counts(self, keys, window):
        """``{(scope, res_id): count}`` of ``keys`` in ``window``."""
        self.env.cr.execute(
            SQL(
                "SELECT scope, res_id, hits FROM property_merchant_throttle"
                " WHERE window_no = %s AND (scope, res_id) IN %s",
                window,
                tuple(keys),
            )
        )
        return {
            (scope, res_id): count for scope, res_id, count in self.env.cr.fetchall()
        }

    @api.model
    def _bump(self, keys, window):
        """Add one refused look-up to each of ``keys``; return the new counts."""
        rows = SQL(", ").join(
            SQL("(%s, %s, %s, 1, now() at time zone 'UTC')", scope, res_id, window)
            for scope, res_id in keys
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_merchant_throttle
                    (scope, res_id, window_no, hits, last_date)
                VALUES %s
                ON CONFLICT (scope, res_id, window_no)
                DO UPDATE SET hits = property_merchant_throttle.hits + 1,
                              last_date = EXCLUDED.last_date
                RETURNING scope, res_id, hits
                """,
                rows,
            )
        )
        return {
            (scope, res_id): count for scope, res_id, count in self.env.cr.fetchall()
        }

    @api.autovacuum
    def _gc_old_windows(self):
        self.search(
            [("last_date", "<", fields.Datetime.now() - timedelta(days=7))]
        ).unlink()
