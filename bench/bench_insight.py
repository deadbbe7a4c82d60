#!/usr/bin/env python3
"""Benchmark property_insight (issue 22): features, back-test, scoring.

Installs property_insight (or copies ``--template``), then generates by SQL
``--households`` handed-over units with their owners, two years of
relationship changes and 24 monthly survey campaigns answered by 2 % of the
households (a planted signal: three changes in twelve months make an unhappy
answer likely), and times

* the features of every household for 25 months (24 months of history and
  the month scored) through ``property.insight.feature._build``, against the
  hand-written SQL computing the same table into a temporary table (checked
  equal, row by row) -- target: at most 2x;
* training and the rolling-origin back-test over the 24 months -- target
  60 s;
* scoring the month (every household, reasons, work lists) -- target 10 s.

    python3 bench/bench_insight.py [--households 100000] [--small] [--json PATH]
"""

import argparse
import json

import scratch
from scratch import ScratchDb

GENERATE = r"""
import json, time
from datetime import date
from odoo.tools import SQL
N = __N__
cr = env.cr
t0 = time.time()
project = env["property.project"].create({"name": "Bench Lake", "code": "BENCHL"})
buildings = env["property.building"].create(
    [{"name": f"G{i}", "project_id": project.id} for i in range(max(1, N // 100))]
)
env.flush_all()
cr.execute(SQL('''
CREATE TABLE bench_insight_hh AS
SELECT g AS n, (%(bids)s::int[])[1 + g %% %(nb)s] AS building_id
  FROM generate_series(0, %(n)s - 1) g;
INSERT INTO property_unit (name, complete_name, building_id, project_id, company_id,
                           active, sale_state, occupancy, handover_date,
                           create_date, write_date)
SELECT 'BU' || n, 'BU' || n, building_id, %(project)s, %(company)s, TRUE,
       'handed_over', 'occupied', date '2019-01-01' + (n %% 1500), now(), now()
  FROM bench_insight_hh ORDER BY n;
INSERT INTO res_partner (name, complete_name, customer_stage, active, company_id,
                         relationship_category, create_date, write_date)
SELECT 'Bench Owner ' || n, 'Bench Owner ' || n, 'owner', TRUE, %(company)s,
       'normal', now(), now()
  FROM bench_insight_hh ORDER BY n;
CREATE TABLE bench_insight_map AS
SELECT u.id AS unit_id, u.building_id, p.id AS partner_id
  FROM (SELECT id, building_id, row_number() OVER (ORDER BY id) rn
          FROM property_unit WHERE project_id = %(project)s) u
  JOIN (SELECT id, row_number() OVER (ORDER BY id) rn
          FROM res_partner WHERE name LIKE 'Bench Owner %%') p USING (rn);
INSERT INTO property_residency (partner_id, unit_id, building_id, project_id,
                                company_id, role, date_start, create_date, write_date)
SELECT partner_id, unit_id, building_id, %(project)s, %(company)s, 'owner',
       date '2019-01-01', now(), now()
  FROM bench_insight_map;
INSERT INTO property_relationship_history
    (partner_id, company_id, date, old_category, new_category, reason,
     create_date, write_date)
SELECT m.partner_id, %(company)s,
       timestamp '2023-01-01' + k * interval '1 month'
       + (random() * 27) * interval '1 day',
       'normal', CASE WHEN random() < 0.5 THEN 'good' ELSE 'normal' END, 'bench',
       now(), now()
  FROM bench_insight_map m CROSS JOIN generate_series(0, 35) k
 WHERE hashint4(m.partner_id) %% 100 < 35 AND random() < 0.3;
''', bids=buildings.ids, nb=len(buildings), n=N, project=project.id,
     company=env.company.id))
campaigns = env["property.survey.campaign"].create([
    {"project_id": project.id, "month": date(2024 + k // 12, 1 + k % 12, 1),
     "sample_mode": "fixed", "sample_size_fixed": max(1, N // 50)}
    for k in range(24)
])
env.flush_all()
cr.execute(SQL('''
INSERT INTO property_survey_household (campaign_id, unit_id, building_id, partner_id,
                                       answered, overall_score, create_date, write_date)
SELECT c.id, m.unit_id, m.building_id, m.partner_id, TRUE,
       CASE WHEN random() < CASE WHEN (
                SELECT count(*) FROM property_relationship_history h
                 WHERE h.partner_id = m.partner_id AND h.date < c.month
                   AND h.date >= c.month - interval '12 months') >= 3
            THEN 0.7 ELSE 0.15 END
       THEN 1 + (random() * 2)::int ELSE 4 + (random())::int END,
       now(), now()
  FROM property_survey_campaign c
  JOIN LATERAL (SELECT * FROM bench_insight_map
                 ORDER BY hashint4(unit_id + c.id) LIMIT %(sample)s) m ON TRUE
 WHERE c.id = ANY(%(campaigns)s)
''', sample=max(1, N // 50), campaigns=campaigns.ids))
cr.execute("ANALYZE")
env.cr.commit()
units = env["property.unit"].search_count([("sale_state", "=", "handed_over")])
print("BENCH " + json.dumps({"generate_s": round(time.time() - t0, 1), "units": units}))
"""

# The same table, written by hand for the installed addons (base + survey,
# plus care when property_insight_care is installed).
HAND = r"""
WITH months AS (
    SELECT m::date AS month,
           (date_part('year', m) * 12 + date_part('month', m) - 1)::int AS mi
      FROM generate_series(date '2023-01-01', date '2025-01-01', interval '1 month') m),
owners AS (
    SELECT DISTINCT ON (unit_id) unit_id, partner_id FROM property_residency
     WHERE role IN ('owner', 'co_owner')
  ORDER BY unit_id, role DESC, date_start DESC, id DESC),
grid AS MATERIALIZED (
    SELECT u.id AS unit_id, m.month, m.mi, u.building_id, u.project_id,
           u.company_id, u.handover_date, o.partner_id
      FROM property_unit u
      JOIN months m ON u.handover_date IS NULL OR u.handover_date < m.month
 LEFT JOIN owners o ON o.unit_id = u.id
     WHERE u.active AND u.sale_state = 'handed_over'),
survey AS (
    SELECT s.unit_id, s.mi + k AS mi, count(*) AS answers,
           count(*) FILTER (WHERE s.score <= 3) AS low,
           (array_agg(s.score ORDER BY s.date DESC))[1] AS last_score
      FROM (SELECT h.unit_id, c.month AS date, h.overall_score AS score,
                   (date_part('year', c.month) * 12
                    + date_part('month', c.month) - 1)::int AS mi
              FROM property_survey_household h
              JOIN property_survey_campaign c ON c.id = h.campaign_id
             WHERE h.answered AND c.month >= date '2022-01-01'
               AND c.month < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
changes AS (
    SELECT s.unit_id, s.mi + k AS mi, count(*) AS n
      FROM (SELECT DISTINCT r.unit_id, h.id,
                   (date_part('year', h.date::date) * 12
                    + date_part('month', h.date::date) - 1)::int AS mi
              FROM property_relationship_history h
              JOIN property_residency r ON r.partner_id = h.partner_id
                                       AND r.role IN ('owner', 'co_owner')
             WHERE h.date::date >= date '2022-01-01'
               AND h.date::date < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
category AS (
    SELECT g.unit_id, g.mi, (s.new_category = 'black')::int AS black,
           (s.new_category = 'good')::int AS good
      FROM grid g
      JOIN (SELECT unit_id, date_from, new_category,
                   lead(date_from) OVER (PARTITION BY unit_id ORDER BY date_from, id)
                       AS date_to
              FROM (SELECT DISTINCT r.unit_id, h.id, h.date AS date_from,
                           h.new_category
                      FROM property_relationship_history h
                      JOIN property_residency r ON r.partner_id = h.partner_id
                                               AND r.role IN ('owner', 'co_owner')
                   ) x) s
        ON s.unit_id = g.unit_id AND s.date_from < g.month
       AND (s.date_to IS NULL OR s.date_to >= g.month))
__CARE_CTES__
__HD_CTES__
SELECT g.unit_id, g.month, g.building_id, g.project_id, g.company_id, g.partner_id,
       COALESCE((g.month - g.handover_date) / 365.25, 0)::numeric(6,1)
           AS years_since_handover,
       COALESCE(category.black, 0) AS category_black,
       COALESCE(category.good, 0) AS category_good,
       COALESCE(changes.n, 0) AS category_changes_12m,
       COALESCE(survey.answers, 0) AS survey_answers_12m,
       COALESCE(survey.low, 0) AS survey_low_12m,
       COALESCE(survey.last_score, 0) AS survey_last_score
       __CARE_COLUMNS__
       __HD_COLUMNS__
  FROM grid g
  LEFT JOIN survey ON survey.unit_id = g.unit_id AND survey.mi = g.mi
  LEFT JOIN changes ON changes.unit_id = g.unit_id AND changes.mi = g.mi
  LEFT JOIN category ON category.unit_id = g.unit_id AND category.mi = g.mi
  __CARE_JOINS__
  __HD_JOINS__
"""

HD_NAMES = [
    "hd_repairs_1m",
    "hd_repairs_3m",
    "hd_repairs_12m",
    "hd_complaints_general_12m",
    "hd_complaints_important_12m",
    "hd_complaints_major_12m",
    "hd_breaches_12m",
    "hd_low_callbacks_12m",
    "hd_open_defects",
]
HAND_NO_HD = {
    "__HD_CTES__": "",
    "__HD_COLUMNS__": "".join(f", 0 AS {name}" for name in HD_NAMES),
    "__HD_JOINS__": "",
}
HAND_HD = {
    "__HD_CTES__": r""",
ticket AS (
    SELECT s.unit_id, s.mi + k AS mi,
           count(*) FILTER (WHERE s.kind = 'repair' AND k = 1) AS r1,
           count(*) FILTER (WHERE s.kind = 'repair' AND k <= 3) AS r3,
           count(*) FILTER (WHERE s.kind = 'repair') AS r12,
           count(*) FILTER (WHERE s.kind = 'complaint'
                            AND s.complaint_grade = 'general') AS cg,
           count(*) FILTER (WHERE s.kind = 'complaint'
                            AND s.complaint_grade = 'important') AS ci,
           count(*) FILTER (WHERE s.kind = 'complaint'
                            AND s.complaint_grade = 'major') AS cm
      FROM (SELECT t.unit_id, t.kind, t.complaint_grade,
                   (date_part('year', t.reported_date::date) * 12
                    + date_part('month', t.reported_date::date) - 1)::int AS mi
              FROM helpdesk_ticket t
             WHERE t.unit_id IS NOT NULL AND t.reported_date IS NOT NULL
               AND t.reported_date::date >= date '2022-01-01'
               AND t.reported_date::date < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
breach AS (
    SELECT s.unit_id, s.mi + k AS mi, count(*) AS n
      FROM (SELECT t.unit_id,
                   (date_part('year', d) * 12 + date_part('month', d) - 1)::int AS mi
              FROM helpdesk_ticket t,
                   LATERAL (SELECT COALESCE(t.resolve_deadline, t.onsite_deadline,
                                            t.dispatch_deadline, t.ack_deadline
                                            )::date AS d) x
             WHERE t.unit_id IS NOT NULL AND t.is_breached
               AND d >= date '2022-01-01' AND d < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
callback AS (
    SELECT s.unit_id, s.mi + k AS mi, count(*) FILTER (WHERE s.score <= 3) AS n
      FROM (SELECT t.unit_id, c.score,
                   (date_part('year', c.done_date::date) * 12
                    + date_part('month', c.done_date::date) - 1)::int AS mi
              FROM property_ticket_callback c
              JOIN helpdesk_ticket t ON t.id = c.ticket_id
             WHERE t.unit_id IS NOT NULL AND c.done_date IS NOT NULL
               AND c.score > 0 AND c.done_date::date >= date '2022-01-01'
               AND c.done_date::date < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
defect AS (
    SELECT s.unit_id, s.mi + k AS mi,
           count(*) FILTER (WHERE s.done_mi IS NULL OR s.done_mi >= s.mi + k) AS n
      FROM (SELECT t.unit_id,
                   (date_part('year', t.reported_date::date) * 12
                    + date_part('month', t.reported_date::date) - 1)::int AS mi,
                   (date_part('year', t.resolve_date) * 12
                    + date_part('month', t.resolve_date) - 1)::int AS done_mi
              FROM helpdesk_ticket t
             WHERE t.unit_id IS NOT NULL AND t.kind = 'defect'
               AND t.reported_date IS NOT NULL
               AND t.reported_date::date >= date '2022-01-01'
               AND t.reported_date::date < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2)
""",
    "__HD_COLUMNS__": r""",
       COALESCE(ticket.r1, 0) AS hd_repairs_1m,
       COALESCE(ticket.r3, 0) AS hd_repairs_3m,
       COALESCE(ticket.r12, 0) AS hd_repairs_12m,
       COALESCE(ticket.cg, 0) AS hd_complaints_general_12m,
       COALESCE(ticket.ci, 0) AS hd_complaints_important_12m,
       COALESCE(ticket.cm, 0) AS hd_complaints_major_12m,
       COALESCE(breach.n, 0) AS hd_breaches_12m,
       COALESCE(callback.n, 0) AS hd_low_callbacks_12m,
       COALESCE(defect.n, 0) AS hd_open_defects""",
    "__HD_JOINS__": r"""
  LEFT JOIN ticket ON ticket.unit_id = g.unit_id AND ticket.mi = g.mi
  LEFT JOIN breach ON breach.unit_id = g.unit_id AND breach.mi = g.mi
  LEFT JOIN callback ON callback.unit_id = g.unit_id AND callback.mi = g.mi
  LEFT JOIN defect ON defect.unit_id = g.unit_id AND defect.mi = g.mi""",
}

HAND_CARE = {
    "__CARE_CTES__": r""",
touch AS (
    SELECT s.unit_id, s.mi + k AS mi,
           count(*) FILTER (WHERE k <= 3
                            AND (s.done_mi IS NULL OR s.done_mi >= s.mi + k))
               AS overdue
      FROM (SELECT r.unit_id,
                   (date_part('year', t.deadline) * 12
                    + date_part('month', t.deadline) - 1)::int AS mi,
                   (date_part('year', t.done_date) * 12
                    + date_part('month', t.done_date) - 1)::int AS done_mi
              FROM property_care_touchpoint t
              JOIN property_residency r ON r.partner_id = t.partner_id
                                       AND r.role IN ('owner', 'co_owner')
             WHERE t.kind != 'insight' AND t.deadline >= date '2022-01-01'
               AND t.deadline < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2),
visit AS (
    SELECT s.unit_id, s.mi + k AS mi, count(*) AS n, max(s.date) AS last_date,
           (array_agg(s.score ORDER BY s.date DESC) FILTER (WHERE s.score > 0))[1]
               AS last_score
      FROM (SELECT v.unit_id, v.date, v.score,
                   (date_part('year', v.date) * 12
                    + date_part('month', v.date) - 1)::int AS mi
              FROM property_care_visit v
             WHERE v.unit_id IS NOT NULL AND v.date >= date '2022-01-01'
               AND v.date < date '2025-01-01') s
CROSS JOIN generate_series(1, 12) k
     WHERE s.mi + k BETWEEN 2023 * 12 AND 2025 * 12
  GROUP BY 1, 2)
""",
    "__CARE_COLUMNS__": r""",
       COALESCE(touch.overdue, 0) AS care_overdue_3m,
       COALESCE(visit.n, 0) AS care_visits_12m,
       COALESCE(g.month - visit.last_date, 366) AS care_days_since_visit,
       COALESCE(visit.last_score, 0) AS care_last_visit_score""",
    "__CARE_JOINS__": r"""
  LEFT JOIN touch ON touch.unit_id = g.unit_id AND touch.mi = g.mi
  LEFT JOIN visit ON visit.unit_id = g.unit_id AND visit.mi = g.mi""",
}

MEASURE = r"""
import json, time
from datetime import date
from odoo.tools import SQL
HAND = __HAND__
HAND_CARE = __HAND_CARE__
HAND_HD = __HAND_HD__
HAND_NO_HD = __HAND_NO_HD__
cr = env.cr
out = {}
care = "care_overdue_3m" in env["property.insight.feature"]._fields
for key, value in HAND_CARE.items():
    HAND = HAND.replace(key, value if care else "")
helpdesk = env["property.insight.feature"]._insight_has_helpdesk()
for key, value in (HAND_HD if helpdesk else HAND_NO_HD).items():
    HAND = HAND.replace(key, value)
env["ir.config_parameter"].sudo().set_param("property_insight.history_months", 24)
env["ir.config_parameter"].sudo().set_param("property_insight.unhappy_max_score", 3)
month = date(2025, 1, 1)
feature = env["property.insight.feature"]
names = feature._insight_feature_fields()
cr.execute("DELETE FROM property_insight_feature")
cr.commit()
# hand-written SQL, then the addon's build (best of two each, committed)
hand, build = [], []
for _ in range(2):
    cr.execute("DROP TABLE IF EXISTS bench_insight_hand")
    cr.commit()
    t = time.perf_counter()
    cr.execute("CREATE UNLOGGED TABLE bench_insight_hand AS " + HAND)
    cr.commit()
    hand.append(time.perf_counter() - t)
    cr.execute("TRUNCATE property_insight_feature")
    cr.commit()
    t = time.perf_counter()
    feature._build_history(month)
    cr.commit()
    build.append(time.perf_counter() - t)
cols = ", ".join(["unit_id", "month", "building_id", "partner_id", *names])
cr.execute(f"SELECT count(*) FROM (SELECT {cols} FROM bench_insight_hand "
           f"EXCEPT SELECT {cols} FROM property_insight_feature) d")
diff = cr.fetchone()[0]
cr.execute(f"SELECT count(*) FROM (SELECT {cols} FROM property_insight_feature "
           f"EXCEPT SELECT {cols} FROM bench_insight_hand) d")
diff += cr.fetchone()[0]
cr.execute("SELECT count(*) FROM property_insight_feature")
out["feature_rows"] = cr.fetchone()[0]
out["features_s"] = round(min(build), 2)
out["hand_sql_s"] = round(min(hand), 2)
out["rows_differing"] = diff
cr.execute("DROP TABLE bench_insight_hand")
cr.commit()
t = time.perf_counter()
backtest, model = env["property.insight.backtest"]._run(month)
out["backtest_s"] = round(time.perf_counter() - t, 2)
out["backtest_auc"] = round(backtest.auc, 3)
out["health_auc"] = round(backtest.health_auc, 3)
out["answers_scored"] = backtest.sample_count
cr.commit()
# scoring: every household's risk, reasons and the work lists (the
# feature build and the back-test are timed above)
risk = env["property.insight.risk"]
t = time.perf_counter()
risk._score(month, backtest, model)
cr.commit()
out["scoring_s"] = round(time.perf_counter() - t, 2)
out["risks"] = risk.search_count([("month", "=", month)])
out["work_list"] = risk.search_count(
    [("month", "=", month), ("in_work_list", "=", True)]
)
print("BENCH " + json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    scratch.bench_arguments(parser)
    opts = parser.parse_args()
    count = scratch.SMALL if opts.small else opts.households
    db = ScratchDb(
        "insight", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    rows = []
    try:
        db.install("property_insight")
        figures = db.shell(GENERATE.replace("__N__", str(count)))
        figures.update(
            db.shell(
                MEASURE.replace("__HAND__", repr(HAND))
                .replace("__HAND_CARE__", repr(HAND_CARE))
                .replace("__HAND_HD__", repr(HAND_HD))
                .replace("__HAND_NO_HD__", repr(HAND_NO_HD))
            )
        )
        print(json.dumps(figures), flush=True)
        if figures["rows_differing"]:
            raise SystemExit("the addon's features differ from the hand-written SQL")
        scale = scratch.scale_label(figures["units"], "households")
        rows = [
            scratch.row(
                "insight",
                "features, 25 months",
                f"{scale} x 25 months",
                figures["features_s"],
                "s",
                2.0,
                baseline=figures["hand_sql_s"],
            ),
            scratch.row(
                "insight",
                "training + rolling back-test, 24 months",
                f"{figures['answers_scored']} answers scored",
                figures["backtest_s"],
                "s",
                60,
            ),
            scratch.row(
                "insight",
                "scoring a month and its work lists",
                scale,
                figures["scoring_s"],
                "s",
                10,
            ),
        ]
    finally:
        db.close()
    scratch.write_rows(opts.json, rows)


if __name__ == "__main__":
    main()
