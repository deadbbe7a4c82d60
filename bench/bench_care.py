#!/usr/bin/env python3
"""Benchmark property_care at scale (issue 9).

Installs property_care with demo data in a scratch database, multiplies the
property_base data with ``odoo-bin populate`` to about 100 000 owners, then:

* touchpoint generation (touchpoints and their activities) for every owner
  through the cron's own code path (``_generate_all``: stage refresh, batches
  of customers (setting, 20 000 by default), one INSERT .. SELECT .. ON
  CONFLICT per plan line and batch, one activity INSERT per batch) against the
  bare SQL: the same INSERT .. SELECT statements run once over all customers
  plus one INSERT .. SELECT of the activities, no batching, no ORM
  (ratio <= 3x);
* the daily rerun with nothing new due against the same bare SQL finding
  nothing (ratio <= 2x), each measured twice, alternately; the ratio is taken
  on the best of each;
* the coverage dashboard (current quarter, per project and per building) over
  every household and 1 000 000 visits (< 300 ms). The visits are inserted
  with SQL, so the bench also fills what ``property.care.visit.create`` keeps
  in step: one ``property.care.visit.quarter`` row per visited unit and
  quarter.

    python3 bench/bench_care.py [--units 100000] [--visits 1000000]
        [--small] [--json PATH] [--template DB] [--keep]

``--small``: 1 000 units and 10 000 visits.

Prints one JSON document with the figures. Needs an importable Odoo 19.
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
from odoo import fields
from odoo.tools import SQL

VISITS = __VISITS__
out = {}
cr = env.cr
Partner = env["res.partner"]
TP = env["property.care.touchpoint"]
out["customers"] = Partner.search_count([("customer_stage", "!=", False)])
out["units"] = env["property.unit"].search_count([])
out["occupied_units"] = env["property.unit"].search_count(
    [("occupancy", "=", "occupied")])


def timed(fn):
    start = time.perf_counter()
    fn()
    cr.commit()
    return round(time.perf_counter() - start, 3)


def clean():
    cr.execute("DELETE FROM mail_activity WHERE res_model = 'property.care.touchpoint'")
    cr.execute("DELETE FROM property_care_touchpoint")
    cr.commit()
    env.invalidate_all()


def count():
    cr.execute("SELECT count(*) FROM property_care_touchpoint")
    touchpoints = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_activity "
               "WHERE res_model = 'property.care.touchpoint'")
    return touchpoints, cr.fetchone()[0]


out["stage_refresh_all_s"] = timed(
    lambda: Partner._refresh_care_stages(everyone=True))
clean()
cr.execute("ANALYZE")

today = fields.Date.context_today(TP)
lines = env["property.care.plan.line"].search([("plan_id.active", "=", True)])
window_start, window_end = TP._care_window(today)
cr.execute("SELECT min(id), max(id) + 1 FROM res_partner")
id_from, id_to = cr.fetchone()
statements = [
    line._generate_sql(id_from, id_to, window_start, window_end, today)
    for line in lines
]


def bare_sql():
    new_ids = []
    for statement in statements:
        cr.execute(statement)
        new_ids += [row[0] for row in cr.fetchall()]
    cr.execute(SQL(
        '''
        INSERT INTO mail_activity
            (res_model_id, res_model, res_id, res_name, activity_type_id,
             summary, date_deadline, user_id, user_tz, automated, active,
             create_uid, create_date, write_uid, write_date)
        SELECT %(model)s, 'property.care.touchpoint', t.id,
               rp.name || ': ' || t.name, %(type)s, t.name, t.deadline,
               t.user_id, urp.tz, TRUE, TRUE, 1, now(), 1, now()
          FROM property_care_touchpoint t
          JOIN res_partner rp ON rp.id = t.partner_id
          JOIN res_users u ON u.id = t.user_id
          JOIN res_partner urp ON urp.id = u.partner_id
         WHERE t.id = ANY(%(ids)s)
        ''',
        model=env["ir.model"]._get_id("property.care.touchpoint"),
        type=env.ref("property_care.mail_activity_type_care").id,
        ids=new_ids,
    ))
    # the same two at-risk / high-value statements the cron runs
    TP._generate_proactive(today)


# warm up both paths once on an empty table, then measure
TP._generate_all()
clean()
bare_sql()
clean()

out["sql_generate_s"] = timed(bare_sql)
out["sql_touchpoints"], out["sql_activities"] = count()
clean()

out["cron_generate_s"] = timed(lambda: TP._generate_all())
out["cron_touchpoints"], out["cron_activities"] = count()
sql_reruns, cron_reruns = [], []
for _i in range(2):
    sql_reruns.append(timed(bare_sql))
    cron_reruns.append(timed(lambda: TP._generate_all()))
out["sql_rerun_nothing_s"] = sql_reruns
out["cron_rerun_nothing_s"] = cron_reruns
out["cron_touchpoints_after_rerun"], _act = count()
out["generate_ratio"] = round(out["cron_generate_s"] / out["sql_generate_s"], 2)
out["rerun_ratio"] = round(min(cron_reruns) / min(sql_reruns), 2)

# ---- coverage dashboard over every household and VISITS visits -------------
cr.execute("SELECT count(*) FROM property_residency")
residencies = cr.fetchone()[0]
per = max(1, -(-VISITS // max(residencies, 1)))
start = time.perf_counter()
cr.execute(SQL(
    '''
    INSERT INTO property_care_visit
        (partner_id, unit_id, building_id, project_id, company_id, visitor_id,
         date, quarter_start, channel, score,
         create_uid, create_date, write_uid, write_date)
    SELECT v.partner_id, v.unit_id, v.building_id, v.project_id, v.company_id,
           v.visitor_id, v.d, date_trunc('quarter', v.d)::date, 'door', 4,
           1, now(), 1, now()
      FROM (SELECT r.partner_id, r.unit_id, u.building_id, u.project_id,
                   u.company_id, COALESCE(u.butler_id, 2) AS visitor_id,
                   (current_date - (random() * 720)::int) AS d
              FROM property_residency r
              JOIN property_unit u ON u.id = r.unit_id
        CROSS JOIN generate_series(1, %(per)s)
             LIMIT %(visits)s) v
    ''',
    per=per,
    visits=VISITS,
))
cr.commit()
out["visits_insert_s"] = round(time.perf_counter() - start, 1)
start = time.perf_counter()
cr.execute(
    '''
    INSERT INTO property_care_visit_quarter (unit_id, quarter_start)
    SELECT DISTINCT unit_id, quarter_start FROM property_care_visit
     WHERE unit_id IS NOT NULL
    ON CONFLICT DO NOTHING
    '''
)
cr.commit()
out["visited_quarters_fill_s"] = round(time.perf_counter() - start, 1)
cr.execute("ANALYZE property_care_visit")
cr.execute("ANALYZE property_care_visit_quarter")
cr.commit()
cr.execute("SELECT count(*) FROM property_care_visit")
out["visits"] = cr.fetchone()[0]
cr.execute("SELECT count(*) FROM property_care_visit_quarter")
out["visited_unit_quarters"] = cr.fetchone()[0]

Coverage = env["property.care.coverage.report"]
quarter = env["property.unit"]._care_quarter_start()


def dashboard(groupby):
    env.invalidate_all()
    start = time.perf_counter()
    rows = Coverage._read_group(
        [("quarter_start", "=", quarter)],
        [groupby],
        ["household_count:sum", "visited_count:sum"],
    )
    return round((time.perf_counter() - start) * 1000, 1), rows


dashboard("project_id")  # warm the registry and the plan cache
by_project, by_building = [], []
for _i in range(2):
    ms, rows = dashboard("project_id")
    by_project.append(ms)
    ms, building_rows = dashboard("building_id")
    by_building.append(ms)
out["coverage_by_project_ms"] = by_project
out["coverage_by_building_ms"] = by_building
out["coverage_households"] = sum(r[1] for r in rows)
out["coverage_visited"] = sum(r[2] for r in rows)
out["coverage_buildings"] = len(building_rows)
start = time.perf_counter()
env["property.unit"].search_count([
    ("occupancy", "=", "occupied"), ("care_visited_this_quarter", "=", False)])
out["not_visited_work_list_ms"] = round((time.perf_counter() - start) * 1000, 1)
env.invalidate_all()
start = time.perf_counter()
Coverage._read_group([], ["quarter_start:quarter"], ["visited_count:sum"])
out["coverage_all_quarters_ms"] = round((time.perf_counter() - start) * 1000, 1)
print("BENCH " + json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.units, opts.visits = SMALL, 10 * SMALL
    scratch = ScratchDb(
        "care", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    try:
        figures["install_s"] = scratch.install("property_care")
        factor = max(1, round(opts.units / DEMO_UNITS) - 1)
        figures["populate_factor"] = factor
        figures["populate_s"] = scratch.populate(MODELS, factor)
        figures.update(scratch.shell(MEASURE.replace("__VISITS__", str(opts.visits))))
    finally:
        scratch.close()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    owners = scale_label(figures["customers"], "customers")
    visits = scale_label(figures["visits"], "visits")
    write_rows(
        opts.json,
        [
            row(
                "care",
                "touchpoint generation (vs bare SQL)",
                owners,
                figures["cron_generate_s"],
                "s",
                3,
                baseline=figures["sql_generate_s"],
            ),
            row(
                "care",
                "daily rerun, nothing due (vs bare SQL)",
                owners,
                min(figures["cron_rerun_nothing_s"]),
                "s",
                2,
                baseline=min(figures["sql_rerun_nothing_s"]),
            ),
            row(
                "care",
                "coverage dashboard by project",
                visits,
                min(figures["coverage_by_project_ms"]),
                "ms",
                300,
            ),
            row(
                "care",
                "coverage dashboard by building",
                visits,
                min(figures["coverage_by_building_ms"]),
                "ms",
                300,
            ),
        ],
    )


if __name__ == "__main__":
    main()
