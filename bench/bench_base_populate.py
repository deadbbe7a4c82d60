#!/usr/bin/env python3
"""Benchmark property_base at scale (SPEC §1: 100 000 units and owners).

Installs property_base with its demo data in a scratch database, multiplies it
with ``odoo-bin populate`` (Odoo 19 duplicates existing rows by SQL), then
times what staff and crons do on the big data set:

* the populate itself,
* the nightly owner-health cron over every customer,
* the monthly KPI snapshot,
* a butler's "My Grid" unit search and a customer search by unit name.

    python3 bench/bench_base_populate.py [--units 100000]
        [--small] [--json PATH] [--template DB] [--keep]

Prints one JSON document with the figures; its rows are informational (no
target is set for these jobs). Needs an importable Odoo 19.
"""

import argparse
import json

from scratch import SMALL, ScratchDb, bench_arguments, row, scale_label, write_rows

DEMO_UNITS = 60
MODELS = (
    "property.project,property.building,property.unit,res.partner,property.residency"
)

MEASURE = r"""
import json, time
out = {}
Partner = env["res.partner"]
out["units"] = env["property.unit"].search_count([])
out["customers"] = Partner.search_count([("customer_stage", "!=", False)])
out["residencies"] = env["property.residency"].search_count([])

t = time.perf_counter()
env.ref("property_base.ir_cron_property_health").method_direct_trigger()
out["health_cron_s"] = round(time.perf_counter() - t, 2)
out["health_scored"] = Partner.search_count([("health_level", "!=", False)])

t = time.perf_counter()
env["property.kpi"].search([]).action_snapshot_current_month()
env.cr.commit()
out["kpi_snapshot_s"] = round(time.perf_counter() - t, 2)
out["kpi_values"] = env["property.kpi.value"].search_count([])

butler = env.ref("property_base.user_butler_liu")
t = time.perf_counter()
Unit = env["property.unit"].with_user(butler)
units = Unit.search([("butler_id", "=", butler.id)], limit=80)
out["butler_my_grid_search_ms"] = round((time.perf_counter() - t) * 1000, 1)
t = time.perf_counter()
found = Partner.search([("unit_ids.complete_name", "ilike", "3栋 501")], limit=80)
out["customer_by_unit_search_ms"] = round((time.perf_counter() - t) * 1000, 1)
print("BENCH " + json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.units = SMALL
    scratch = ScratchDb(
        "base", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    try:
        figures["install_s"] = scratch.install("property_base")
        factor = max(1, round(opts.units / DEMO_UNITS) - 1)
        figures["populate_factor"] = factor
        figures["populate_s"] = scratch.populate(MODELS, factor)
        figures.update(scratch.shell(MEASURE))
    finally:
        scratch.close()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    owners = scale_label(figures["customers"], "customers")
    units = scale_label(figures["units"], "units")
    write_rows(
        opts.json,
        [
            row(
                "base", "owner-health cron", owners, figures["health_cron_s"], "s", None
            ),
            row(
                "base",
                "monthly KPI snapshot",
                units,
                figures["kpi_snapshot_s"],
                "s",
                None,
            ),
            row(
                "base",
                "butler's My Grid search",
                units,
                figures["butler_my_grid_search_ms"],
                "ms",
                None,
            ),
            row(
                "base",
                "customer search by unit name",
                owners,
                figures["customer_by_unit_search_ms"],
                "ms",
                None,
            ),
        ],
    )


if __name__ == "__main__":
    main()
