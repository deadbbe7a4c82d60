#!/usr/bin/env python3
"""Benchmark card verification through the merchant portal, and re-tiering.

Builds a scratch database with the club and merchant demo data, issues a card
to every owner without one and multiplies owners, residencies and cards with
``odoo-bin populate`` (``scratch.populate_suite``: about ``--cards`` cards),
gives every card a fresh valid number (populate suffixes unique strings,
which breaks the check digit) and a random tier (so re-tiering has real work
to do), then:

* times the monthly re-tiering over every active card (target: 30 s for
  100 000 cards), then its rerun with nothing to change (target: 5 s);
* starts a multi-worker Odoo on a loopback port and, for 1, 10 and 50
  concurrent cashier sessions, POSTs card numbers to ``/my/merchant/verify``
  and GETs Odoo's own portal home ``/my`` with the same sessions, each twice,
  alternately, and compares the best p50 latencies (target: verify <= 1.2x
  ``/my``).

    python3 bench/bench_merchant_verify.py [--cards 100000] [--requests 300]
        [--small] [--json PATH] [--template DB] [--keep]

Prints one JSON document. Needs an importable Odoo 19.
"""

import argparse
import json
import re
import statistics
import sys
import threading
import time

import requests
from scratch import SMALL, ScratchDb, bench_arguments, env, row, scale_label, write_rows

PREPARE = r"""
import json, time
from odoo.tools import SQL
from odoo.addons.property_club.tools import card_number
out = {}
cr = env.cr
# one live card per holder (the cards of a holder get random tiers below)
cr.execute(
    "UPDATE property_club_card c SET state = CASE WHEN o.n = 1 THEN 'active' "
    "ELSE 'cancelled' END, expiry_date = now() + interval '1 year' "
    "FROM (SELECT id, row_number() OVER (PARTITION BY partner_id ORDER BY id) AS n "
    "FROM property_club_card) o WHERE o.id = c.id"
)
cr.execute("SELECT id FROM property_club_card ORDER BY id")
ids = [row[0] for row in cr.fetchall()]
numbers = set()
while len(numbers) < len(ids):
    numbers.add(card_number.generate())
numbers = list(numbers)
for start in range(0, len(ids), 5000):
    rows = zip(ids[start:start + 5000], numbers[start:start + 5000])
    cr.execute(SQL(
        "UPDATE property_club_card c SET name = v.n FROM (VALUES %s) AS v(id, n) "
        "WHERE c.id = v.id",
        SQL(", ").join(SQL("(%s, %s)", i, n) for i, n in rows)))
cr.execute(
    "UPDATE property_club_card c SET tier_id = "
    "t.ids[1 + floor(random() * cardinality(t.ids))::int] "
    "FROM (SELECT array_agg(id) AS ids FROM property_club_tier) t"
)
cr.execute("ANALYZE property_club_card")
cashier = env.ref("property_merchant.user_merchant_noodle")
cashier.password = "bench-cashier"
env["ir.config_parameter"].set_param(
    "property_merchant.verify_failed_limit_per_hour", 1000000)
cr.commit()
cr.execute("SELECT count(*) FROM property_club_card WHERE state = 'active'")
out["cards"] = cr.fetchone()[0]
cr.execute("SELECT count(*) FROM property_club_tier_history")
history_before = cr.fetchone()[0]
# the cron's own method, committing per batch (method_direct_trigger from a
# shell did not persist its writes here)
t = time.perf_counter()
env["property.club.card"]._cron_retier()
out["retier_cron_s"] = round(time.perf_counter() - t, 2)
cr.execute("SELECT count(*) FROM property_club_tier_history")
out["tier_history_rows"] = cr.fetchone()[0]
out["cards_retiered"] = out["tier_history_rows"] - history_before
t = time.perf_counter()
env["property.club.card"]._cron_retier()
out["retier_cron_second_run_s"] = round(time.perf_counter() - t, 2)
cr.execute("SELECT count(*) FROM property_club_tier_history")
out["tier_history_rows_after_second_run"] = cr.fetchone()[0]
cr.execute("SELECT name FROM property_club_card WHERE state = 'active' "
           "ORDER BY random() LIMIT 2000")
out["sample"] = [row[0] for row in cr.fetchall()]
print("BENCH " + json.dumps(out))
"""


def session(base, db):
    """A logged-in cashier session and its CSRF token (a few bounded retries:
    a worker that is being recycled drops the connection)."""
    for _attempt in range(5):
        try:
            return _login(base, db)
        except requests.ConnectionError:
            time.sleep(2)
    return _login(base, db)


def _login(base, db):
    http = requests.Session()
    http.post(
        f"{base}/web/session/authenticate",
        json={
            "params": {
                "db": db,
                "login": "cashier@lakeside-noodles.example.com",
                "password": "bench-cashier",
            }
        },
        timeout=30,
    ).raise_for_status()
    page = http.get(f"{base}/my/merchant", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return http, token


def load(base, sessions, numbers, total, verify):
    """``total`` requests spread over ``sessions``: card verifications
    (``verify``) or Odoo's portal home ``/my``; latency percentiles."""
    latencies = []
    lock = threading.Lock()
    per_thread = max(1, total // len(sessions))

    def worker(offset):
        http, token = sessions[offset]
        for i in range(per_thread):
            number = numbers[(offset * per_thread + i) % len(numbers)]
            start = time.perf_counter()
            if verify:
                reply = http.post(
                    f"{base}/my/merchant/verify",
                    data={"number": number, "csrf_token": token},
                    timeout=60,
                )
                ok = "o_merchant_result" in reply.text
            else:
                reply = http.get(f"{base}/my", timeout=60)
                ok = "o_portal_my_home" in reply.text
            elapsed = (time.perf_counter() - start) * 1000
            if reply.status_code != 200 or not ok:
                raise RuntimeError(f"bad reply {reply.status_code}")
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(sessions))]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if len(latencies) < per_thread * len(sessions):
        raise RuntimeError("a load thread failed")
    latencies.sort()
    return {
        "requests": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 1),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.cards, opts.requests = SMALL, 60
    levels = (1, 10) if opts.small else (1, 10, 50)
    scratch = ScratchDb(
        "merchant", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    server = None
    try:
        scratch.install("property_merchant")
        figures.update(scratch.populate_suite(opts.cards, per="cards") or {})
        prepared = scratch.shell(PREPARE)
        numbers = prepared.pop("sample")
        figures.update(prepared)
        print(json.dumps(figures), file=sys.stderr, flush=True)
        port = env.free_port()
        server = scratch.serve(port)
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(120):
            try:
                requests.get(f"{base}/web/login", timeout=30)
                break
            except requests.RequestException:
                time.sleep(1)
        for concurrency in levels:
            sessions = [session(base, scratch.db) for _n in range(concurrency)]
            runs = {True: [], False: []}
            for verify in (False, True, False, True):
                runs[verify].append(
                    load(base, sessions, numbers, opts.requests, verify)
                )
            for verify, name in ((True, "verify"), (False, "my")):
                figures[f"{name}_c{concurrency}"] = min(
                    runs[verify], key=lambda r: r["p50_ms"]
                )
            print(json.dumps(figures), file=sys.stderr, flush=True)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        scratch.close()
    print(json.dumps(figures, indent=2))
    cards = scale_label(figures["cards"], "cards")
    rows = [
        row(
            "merchant",
            "re-tiering, first run",
            cards,
            figures["retier_cron_s"],
            "s",
            30,
        ),
        row(
            "merchant",
            "re-tiering, nothing changed",
            cards,
            figures["retier_cron_second_run_s"],
            "s",
            5,
        ),
    ]
    for concurrency in levels:
        rows.append(
            row(
                "merchant",
                f"card verification p50, {concurrency} cashier sessions (vs /my)",
                cards,
                figures[f"verify_c{concurrency}"]["p50_ms"],
                "ms",
                1.2,
                baseline=figures[f"my_c{concurrency}"]["p50_ms"],
            )
        )
    write_rows(opts.json, rows)


if __name__ == "__main__":
    main()
