#!/usr/bin/env python3
"""Benchmark the escalation cron and the group-complaint check at scale.

Builds a scratch database with property_base + property_helpdesk demo data,
multiplies the tickets with ``odoo-bin populate`` (Odoo 19 duplicates rows by
SQL and spreads their dates over the last years), then shapes the set like a
real one: ``--open`` tickets stay open, the rest are closed, and every open
ticket's deadlines are recomputed from its (spread) report date so about a
third are overdue. It then times, against the single SQL query that finds the
same rows:

* the escalation cron's due-ticket search, when nothing is due;
* the escalation cron processing every overdue ticket (first run), and a
  second run that must find nothing left to do;
* the group-complaint check for one new complaint;
* the deadlines of up to 100 000 tickets around the clock, then on a working
  calendar with China's public holidays and make-up days.

    python3 bench/bench_helpdesk_escalation.py [--tickets 1000000] [--open 50000]
        [--small] [--json PATH] [--template DB] [--keep]

``--small``: 1 000 tickets, 100 open.

Prints one JSON document. Needs an importable Odoo 19.
"""

import argparse
import json

from scratch import SMALL, ScratchDb, bench_arguments, row, scale_label, write_rows

SHAPE_AND_MEASURE = r"""
import json, time
from datetime import datetime, timedelta
from odoo.tools import SQL

OPEN = {open_count}
out = {{}}
cr = env.cr
Ticket = env["helpdesk.ticket"]
done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
new = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
now = datetime.now()
# Shape: the newest OPEN tickets stay open, reported within the last 3 days,
# acknowledged, dispatched and on site in time, so only their 48 h resolution
# deadline is pending and about a third are past it; the rest are closed.
cr.execute("SELECT count(*) FROM helpdesk_ticket")
out["tickets"] = cr.fetchone()[0]
t = time.perf_counter()
cr.execute(SQL(
    "UPDATE helpdesk_ticket SET stage_id = %s, next_check_at = NULL, "
    "warned_milestone = NULL, escalation_level = 0, escalation_milestone = NULL",
    done.id))
cr.execute(SQL(
    '''WITH o AS (SELECT id, row_number() OVER (ORDER BY id DESC) AS n
                    FROM helpdesk_ticket ORDER BY id DESC LIMIT %(open)s)
       UPDATE helpdesk_ticket t
          SET stage_id = %(new)s, kind = 'repair', complaint_grade = NULL,
              ack_date = NULL, dispatch_date = NULL, onsite_date = NULL,
              resolve_date = NULL, ack_breached = FALSE, dispatch_breached = FALSE,
              onsite_breached = FALSE, resolve_breached = FALSE, is_breached = FALSE,
              sla_policy_id = %(policy)s,
              reported_date = %(now)s - (o.n * interval '1 second' * 259200 / %(open)s)
         FROM o WHERE o.id = t.id''',
    open=OPEN, new=new.id, policy=env.ref("property_helpdesk.sla_repair").id, now=now))
cr.execute(SQL(
    '''UPDATE helpdesk_ticket SET
           ack_deadline = reported_date + interval '3 minutes',
           dispatch_deadline = reported_date + interval '60 minutes',
           onsite_deadline = reported_date + interval '120 minutes',
           resolve_deadline = reported_date + interval '2880 minutes',
           ack_date = reported_date + interval '2 minutes',
           dispatch_date = reported_date + interval '40 minutes',
           onsite_date = reported_date + interval '100 minutes',
           next_check_at = reported_date + interval '2880 minutes'
        WHERE stage_id = %s''', new.id))
cr.execute("ANALYZE helpdesk_ticket")
cr.commit()
env.invalidate_all()
out["shape_s"] = round(time.perf_counter() - t, 1)

def sql_ms(query):
    t = time.perf_counter()
    cr.execute(query)
    rows = cr.fetchall()
    return round((time.perf_counter() - t) * 1000, 1), len(rows)

# 1. nothing due (a month before every deadline); the first ORM call warms
#    the registry caches and is not counted
quiet = now - timedelta(days=30)
Ticket._escalate_due(quiet, 500)
t = time.perf_counter()
Ticket._escalate_due(quiet, 500)
out["cron_nothing_due_ms"] = round((time.perf_counter() - t) * 1000, 1)
out["sql_nothing_due_ms"], _n = sql_ms(SQL(
    "SELECT id FROM helpdesk_ticket WHERE next_check_at <= %s", quiet))

# 2. single SQL that finds the overdue open tickets (sequential scan on stage)
out["sql_overdue_ms"], out["overdue"] = sql_ms(SQL(
    '''SELECT t.id FROM helpdesk_ticket t JOIN helpdesk_ticket_stage s
         ON s.id = t.stage_id
        WHERE NOT s.closed AND t.resolve_date IS NULL
          AND t.resolve_deadline <= %s''', now))
out["sql_due_indexed_ms"], out["due_indexed"] = sql_ms(SQL(
    "SELECT id FROM helpdesk_ticket WHERE next_check_at <= %s", now))

# 3. first cron run: process every due ticket, in committed batches
t = time.perf_counter()
processed = 0
while batch := Ticket._escalate_due(now, 1000):
    processed += len(batch)
    cr.commit()
    env.invalidate_all()
out["cron_first_run_s"] = round(time.perf_counter() - t, 1)
out["cron_first_run_processed"] = processed
cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE resolve_breached")
out["breaches_flagged"] = cr.fetchone()[0]

# 4. second run at the same instant: nothing left to do
t = time.perf_counter()
again = Ticket._escalate_due(now, 1000)
out["cron_second_run_ms"] = round((time.perf_counter() - t) * 1000, 1)
out["cron_second_run_processed"] = len(again)

# 5. group-complaint check for one new complaint
unit = env.ref("property_base.unit_1_101")
category = env.ref("property_helpdesk.category_parking")
t = time.perf_counter()
complaint = Ticket.create({{
    "name": "bench complaint", "description": "x", "kind": "complaint",
    "unit_id": unit.id, "category_id": category.id,
}})
env.flush_all()
out["create_complaint_with_group_check_ms"] = round((time.perf_counter() - t) * 1000, 1)
out["sql_group_window_ms"], _n = sql_ms(SQL(
    '''SELECT count(*) FROM helpdesk_ticket WHERE kind = 'complaint'
        AND category_id = %s AND building_id = %s AND reported_date >= %s''',
    category.id, unit.building_id.id, now - timedelta(hours=24)))

# 6. deadlines of up to 100 000 tickets: around the clock, then on a working
#    calendar with the public holidays and make-up days of every year spanned
cr.execute(SQL("UPDATE helpdesk_ticket SET sla_policy_id = %s",
               env.ref("property_helpdesk.sla_repair").id))
env.invalidate_all()
tickets = Ticket.search([], limit=100000, order="id")
out["deadline_tickets"] = len(tickets)
tickets.mapped("reported_date")  # read once, outside both timings
t = time.perf_counter()
tickets._compute_deadlines()
out["deadline_wall_clock_ms"] = round((time.perf_counter() - t) * 1000, 1)
calendar = env["resource.calendar"].create({{"name": "bench", "tz": "Asia/Shanghai"}})
Load = env["property.holiday.load"]
years = {{d.year for d in tickets.mapped("reported_date")}}
for year in sorted(years & set(Load._known_years())):
    Load.create({{"calendar_id": calendar.id, "year": year}}).action_load()
env.ref("property_helpdesk.sla_repair").resource_calendar_id = calendar
env.flush_all()
t = time.perf_counter()
tickets._compute_deadlines()
out["deadline_calendar_ms"] = round((time.perf_counter() - t) * 1000, 1)
cr.rollback()
print("BENCH " + json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=50_000)
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.tickets, opts.open = SMALL, SMALL // 10
    scratch = ScratchDb(
        "helpdesk", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    try:
        scratch.install("property_helpdesk")
        figures["populate_s"] = scratch.populate_tickets(opts.tickets)
        figures.update(scratch.shell(SHAPE_AND_MEASURE.format(open_count=opts.open)))
    finally:
        scratch.close()
    print(json.dumps(figures, indent=2))
    tickets = scale_label(figures["tickets"], "tickets")
    breaches = max(1, figures["cron_first_run_processed"])
    write_rows(
        opts.json,
        [
            row(
                "helpdesk",
                "escalation cron, nothing due (vs SQL)",
                tickets,
                figures["cron_nothing_due_ms"],
                "ms",
                None,
                baseline=figures["sql_nothing_due_ms"],
            ),
            row(
                "helpdesk",
                "escalation catch-up, per due ticket",
                tickets,
                round(figures["cron_first_run_s"] * 1000 / breaches, 2),
                "ms",
                None,
            ),
            row(
                "helpdesk",
                "escalation rerun, nothing left",
                tickets,
                figures["cron_second_run_ms"],
                "ms",
                None,
            ),
            row(
                "helpdesk",
                "new complaint with group check (vs SQL)",
                tickets,
                figures["create_complaint_with_group_check_ms"],
                "ms",
                None,
                baseline=figures["sql_group_window_ms"],
            ),
        ],
    )


if __name__ == "__main__":
    main()
