#!/usr/bin/env python3
"""Benchmark card verification through the merchant portal, and re-tiering.

Builds a scratch database with the club and merchant demo data, multiplies
owners, residencies and club cards with ``odoo-bin populate`` (about
``--cards`` cards), gives every copied card a fresh valid number (populate
suffixes unique strings, which breaks the check digit) and a random tier (so
re-tiering has real work to do), then:

* times the monthly re-tiering cron over every active card;
* starts a multi-worker Odoo on a loopback port and, for 1, 10 and 50
  concurrent merchant sessions, POSTs card numbers to ``/my/merchant/verify``
  and reports p50/p95 latency (bounded number of requests per level).

    python3 bench/bench_merchant_verify.py [--cards 100000] [--requests 300]

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
from scratch import ScratchDb, env

PREPARE = r"""
import json, time
from odoo.tools import SQL
from odoo.addons.property_club.tools import card_number
out = {}
cr = env.cr
cr.execute("SELECT id FROM property_club_card ORDER BY id")
ids = [row[0] for row in cr.fetchall()]
numbers = set()
while len(numbers) < len(ids):
    numbers.add(card_number.generate())
for start in range(0, len(ids), 5000):
    rows = list(zip(ids[start:start + 5000], list(numbers)[start:start + 5000]))
    cr.execute(SQL(
        "UPDATE property_club_card c SET name = v.n, state = 'active', "
        "expiry_date = now() + interval '1 year' FROM (VALUES %s) AS v(id, n) "
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
out["cards"] = len(ids)
cr.execute("SELECT count(*) FROM property_club_tier_history")
history_before = cr.fetchone()[0]
# the cron's own method, committing per batch (method_direct_trigger from a
# shell did not persist its writes here)
t = time.perf_counter()
env["property.club.card"]._cron_retier()
out["retier_cron_s"] = round(time.perf_counter() - t, 1)
cr.execute("SELECT count(*) FROM property_club_tier_history")
out["tier_history_rows"] = cr.fetchone()[0]
out["cards_retiered"] = out["tier_history_rows"] - history_before
t = time.perf_counter()
env["property.club.card"]._cron_retier()
out["retier_cron_second_run_s"] = round(time.perf_counter() - t, 1)
cr.execute("SELECT count(*) FROM property_club_tier_history")
out["tier_history_rows_after_second_run"] = cr.fetchone()[0]
cr.execute("SELECT name FROM property_club_card ORDER BY random() LIMIT 2000")
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


def load(base, db, numbers, concurrency, total):
    latencies = []
    lock = threading.Lock()
    per_thread = max(1, total // concurrency)

    sessions = [session(base, db) for _n in range(concurrency)]

    def worker(offset):
        http, token = sessions[offset]
        for i in range(per_thread):
            number = numbers[(offset * per_thread + i) % len(numbers)]
            start = time.perf_counter()
            reply = http.post(
                f"{base}/my/merchant/verify",
                data={"number": number, "csrf_token": token},
                timeout=60,
            )
            elapsed = (time.perf_counter() - start) * 1000
            if reply.status_code != 200 or "o_merchant_result" not in reply.text:
                raise RuntimeError(f"bad reply {reply.status_code}")
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true")
    opts = parser.parse_args()
    scratch = ScratchDb("pc_bench_merchant", keep=opts.keep)
    figures = {}
    server = None
    try:
        scratch.install("property_merchant")
        card_factor = max(
            1, round(opts.cards / scratch.count("property_club_card")) - 1
        )
        people_factor = max(1, round(opts.cards / scratch.count("res_partner")))
        figures["populate_s"] = scratch.populate(
            "res.partner,property.residency,property.club.card",
            f"{people_factor},{people_factor},{card_factor}",
        )
        prepared = scratch.shell(PREPARE)
        numbers = prepared.pop("sample")
        figures.update(prepared)
        print(json.dumps(figures), file=sys.stderr, flush=True)
        port = env.free_port()
        server = scratch.serve(port)
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(120):
            try:
                requests.get(f"{base}/web/login", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(1)
        for concurrency in (1, 10, 50):
            figures[f"verify_c{concurrency}"] = load(
                base, scratch.db, numbers, concurrency, opts.requests
            )
            print(json.dumps(figures), file=sys.stderr, flush=True)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        scratch.close()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
