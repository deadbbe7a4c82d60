#!/usr/bin/env python3
"""Benchmark property_survey at scale (issue 10).

Installs property_survey with its demo data in a scratch database, multiplies
the base data with ``odoo-bin populate`` to about ``--households`` units and
moves every unit into the demo project (one project of 100 000 households,
thousands of buildings as strata), then:

* times the hand-written SQL that selects the eligible households (handed
  over, occupied, with a contactable owner, not opted out, not surveyed in the
  last months) and the ORM draw of a campaign over the same project (which
  also stores every excluded household with its rule and the sample);
* inserts ``--answers`` completed answers (with reason lines) by SQL over 20
  projects x 24 months and times, through the ORM, the rate report (one
  project and month), the trend (one project, 24 months, and the whole
  company) and the Pareto (one project, 12 months).

    python3 bench/bench_survey.py [--households 100000] [--answers 1000000]
        [--small] [--json PATH] [--template DB] [--keep]

``--small``: 1 000 households and 10 000 answers.

Prints one JSON document with the figures. Needs an importable Odoo 19.
"""

import argparse
import json

from scratch import SMALL, ScratchDb, bench_arguments, row, scale_label, write_rows

DEMO_UNITS = 60
MODELS = (
    "property.project,property.building,property.unit,res.partner,property.residency"
)

DRAW = r"""
import json, time
from dateutil.relativedelta import relativedelta
from odoo.fields import Date
from odoo.tools import SQL
out = {}
cr = env.cr
project = env.ref("property_base.project_jade_lake")
cr.execute(SQL("UPDATE property_unit SET project_id = %s", project.id))
cr.execute(SQL("UPDATE property_residency SET project_id = %s", project.id))
env.cr.commit()
env.invalidate_all()
out["households"] = env["property.unit"].search_count([("project_id", "=", project.id)])
cr.execute("ANALYZE")
month = Date.today().replace(day=1)
today = Date.today()
HAND = SQL('''
SELECT u.id, u.building_id, r.partner_id
  FROM property_unit u
  JOIN LATERAL (SELECT rs.partner_id FROM property_residency rs
                 WHERE rs.unit_id = u.id AND rs.date_start <= %(today)s
                   AND (rs.date_end IS NULL OR rs.date_end >= %(today)s)
              ORDER BY CASE rs.role WHEN 'owner' THEN 0 WHEN 'co_owner' THEN 1
                                    WHEN 'tenant' THEN 2 ELSE 3 END,
                       rs.date_start, rs.id
                 LIMIT 1) r ON TRUE
  JOIN res_partner p ON p.id = r.partner_id
 WHERE u.project_id = %(project)s AND u.active
   AND u.sale_state = 'handed_over' AND u.occupancy = 'occupied'
   AND (COALESCE(p.email, '') != '' OR COALESCE(p.phone, '') != '')
   AND p.property_survey_opt_out IS NOT TRUE
   AND NOT EXISTS (SELECT 1 FROM property_survey_household ph
                     JOIN property_survey_campaign pc ON pc.id = ph.campaign_id
                    WHERE ph.unit_id = u.id AND ph.answered
                      AND pc.project_id = %(project)s
                      AND pc.month >= %(since)s AND pc.month < %(month)s)
''', today=today, project=project.id, month=month,
      since=month - relativedelta(months=3))
times = []
for _i in range(3):
    t = time.perf_counter()
    cr.execute(HAND)
    rows = cr.fetchall()
    times.append(time.perf_counter() - t)
out["eligible"] = len(rows)
out["hand_sql_s"] = round(min(times), 3)
Campaign = env["property.survey.campaign"]
# the same work written by hand: classify, store the excluded with their
# rule, return the eligible (rolled back)
scratch_campaign = Campaign.create({"project_id": project.id,
                                    "month": month.replace(year=month.year - 5)})
env.cr.commit()
rules = env["property.survey.exclusion.rule"]._get_enabled()
times = []
for _i in range(3):
    t = time.perf_counter()
    rows = scratch_campaign._classify_households(rules)
    times.append(time.perf_counter() - t)
    env.cr.rollback()
out["hand_sql_with_exclusions_s"] = round(min(times), 3)
campaign = Campaign.create({"project_id": project.id, "month": month,
                            "sample_mode": "statistical", "confidence_level": 95,
                            "margin_error": 3})
env.cr.commit()
times = []
for _i in range(3):
    t = time.perf_counter()
    campaign._draw()
    env.flush_all()
    times.append(time.perf_counter() - t)
    env.cr.commit()
out["draw_s"] = round(min(times), 3)
out["draw_eligible"] = campaign.eligible_count
out["draw_excluded"] = campaign.excluded_count
out["draw_sample"] = campaign.sample_size
out["draw_strata"] = len(campaign.stratum_ids)
out["draw_vs_hand_sql"] = round(out["draw_s"] / out["hand_sql_s"], 2)
out["draw_vs_hand_sql_with_exclusions"] = round(
    out["draw_s"] / out["hand_sql_with_exclusions_s"], 2)
# what a user opens after the draw: the excluded households, by rule
Excluded = env["property.survey.excluded.household"]
action = campaign.action_view_excluded()
def excluded_list():
    env.invalidate_all()
    groups = Excluded.formatted_read_group(action["domain"], ["exclusion_rule"],
                                           ["__count"])
    page = Excluded.search_read(action["domain"],
                                ["exclusion_rule", "building_id", "unit_id",
                                 "partner_id", "phone"], limit=80)
    return groups, page
times = []
for _i in range(3):
    t = time.perf_counter()
    groups, page = excluded_list()
    times.append(time.perf_counter() - t)
out["excluded_list_ms"] = round(min(times) * 1000, 1)
out["excluded_by_rule"] = {g["exclusion_rule"]: g["__count"] for g in groups}
out["excluded_listed"] = sum(out["excluded_by_rule"].values())
print("BENCH " + json.dumps(out))
"""

REPORTS = r"""
import json, time
from dateutil.relativedelta import relativedelta
from odoo.fields import Date
from odoo.tools import SQL
out = {}
cr = env.cr
ANSWERS = %(answers)d
survey = env.ref("property_survey.survey_owner_satisfaction")
reasons = env.ref("property_survey.question_reasons")
options = reasons.suggested_answer_ids.ids
company = env.company
first = (Date.today() - relativedelta(months=24)).replace(day=1)
cr.execute(SQL('''
    INSERT INTO property_project (name, code, company_id, active)
    SELECT 'Bench ' || g, 'B' || g, %%s, TRUE FROM generate_series(1, 20) g
    RETURNING id''', company.id))
projects = [r[0] for r in cr.fetchall()]
cr.execute(SQL('''
    INSERT INTO property_survey_campaign
        (name, project_id, company_id, month, survey_id, state, sample_mode)
    SELECT 'bench', p, %%s, (%%s::date + (m || ' month')::interval)::date, %%s,
           'closed', 'fixed'
      FROM unnest(%%s) p, generate_series(0, 23) m
    RETURNING id, project_id, month''', company.id, first, survey.id, projects))
campaigns = cr.fetchall()
per = ANSWERS // len(campaigns)
t = time.perf_counter()
cr.execute(SQL('''
    INSERT INTO survey_user_input
        (survey_id, access_token, state, property_campaign_id, property_project_id,
         property_month, property_overall_score, property_loyalty_score,
         property_satisfied, property_loyal, property_channel)
    SELECT %%s, md5(c.id || '-' || g), 'done', c.id, c.project_id, c.mon,
           s.score, l.score, s.score >= 4, l.score >= 4, 'email'
      FROM (SELECT unnest(%%s::int[]) id, unnest(%%s::int[]) project_id,
                   unnest(%%s::date[]) mon) c,
           generate_series(1, %%s) g,
           LATERAL (SELECT 1 + ((g * 7 + c.id) %%%% 100 >= 4)::int
                             + ((g * 7 + c.id) %%%% 100 >= 10)::int
                             + ((g * 7 + c.id) %%%% 100 >= 25)::int
                             + ((g * 7 + c.id) %%%% 100 >= 55)::int AS score) s,
           LATERAL (SELECT LEAST(5, s.score + (g %%%% 2)) AS score) l''',
    survey.id, [c[0] for c in campaigns], [c[1] for c in campaigns],
    [c[2] for c in campaigns], per))
cr.execute(SQL('''
    INSERT INTO survey_user_input_line
        (user_input_id, question_id, survey_id, answer_type, suggested_answer_id,
         skipped, property_project_id, property_month, property_role)
    SELECT ui.id, %%s, ui.survey_id, 'suggestion',
           (%%s::int[])[1 + (ui.id * 13 + k) %%%% %%s], FALSE,
           ui.property_project_id, ui.property_month, 'reasons'
      FROM survey_user_input ui, generate_series(0, 1) k
     WHERE ui.property_campaign_id IS NOT NULL AND ui.property_overall_score <= 3
       AND (k = 0 OR ui.id %%%% 3 = 0)''', reasons.id, options, len(options)))
out["insert_s"] = round(time.perf_counter() - t, 1)
# the answers went in by SQL: recompute the figures each campaign stores
t = time.perf_counter()
Campaign = env["property.survey.campaign"]
bench_campaigns = Campaign.browse([c[0] for c in campaigns])
for fname in ("invited_count", "answered_count", "satisfied_count", "loyal_count",
              "satisfaction_rate", "loyalty_rate"):
    env.add_to_compute(Campaign._fields[fname], bench_campaigns)
bench_campaigns.flush_recordset()
out["recompute_campaign_figures_s"] = round(time.perf_counter() - t, 1)
env.cr.commit()
cr.execute("ANALYZE")
cr.execute("SELECT count(*) FROM survey_user_input"
           " WHERE property_campaign_id IS NOT NULL AND state = 'done'")
out["answers"] = cr.fetchone()[0]
cr.execute("SELECT count(*) FROM survey_user_input_line"
           " WHERE property_role = 'reasons'")
out["reason_lines"] = cr.fetchone()[0]
Result = env["property.survey.result"]
Project = env["property.project"]
project = Project.browse(projects[3])
month = first + relativedelta(months=20)

def best(fn, n=5):
    times = []
    for _i in range(n):
        env.invalidate_all()
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return round(min(times) * 1000, 1), value

out["rate_ms"], rate = best(lambda: Result.search_read(
    [("project_id", "=", project.id), ("month", "=", month)],
    ["answered_count", "satisfaction_rate", "loyalty_rate", "satisfaction_target"]))
out["rate_rows"] = rate
out["trend_project_ms"], trend = best(lambda: Result._read_group(
    [("project_id", "=", project.id)], ["month:month"],
    ["satisfaction_rate:avg", "loyalty_rate:avg", "satisfaction_target:avg"]))
out["trend_project_months"] = len(trend)
out["trend_company_ms"], trend = best(lambda: Result._read_group(
    [], ["project_id", "month:month"], ["satisfaction_rate:avg", "loyalty_rate:avg"]))
out["trend_company_rows"] = len(trend)
Pareto = env["property.survey.pareto"]
out["pareto_ms"], rows = best(lambda: Pareto._pareto_rows(
    project, month - relativedelta(months=11), month))
out["pareto_rows"] = len(rows)
out["pareto_reasons"] = sum(r["count"] for r in rows)
print("BENCH " + json.dumps(out, default=str))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--skip-draw", action="store_true")
    bench_arguments(parser)
    opts = parser.parse_args()
    if opts.small:
        opts.households, opts.answers = SMALL, 10 * SMALL
    scratch = ScratchDb(
        "survey", keep=opts.keep, template=opts.template, from_db=opts.from_db
    )
    figures = {}
    try:
        figures["install_s"] = scratch.install("property_survey")
        if not opts.skip_draw:
            factor = max(1, round(opts.households / DEMO_UNITS) - 1)
            figures["populate_factor"] = factor
            figures["populate_s"] = scratch.populate(MODELS, factor)
            figures.update(scratch.shell(DRAW))
            print(json.dumps(figures), flush=True)
        if opts.answers:
            figures.update(scratch.shell(REPORTS % {"answers": opts.answers}))
    finally:
        scratch.close()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    rows = []
    if not opts.skip_draw:
        households = scale_label(figures["households"], "households")
        rows += [
            row(
                "survey",
                "campaign draw (vs the same classification by hand)",
                households,
                figures["draw_s"],
                "s",
                2,
                baseline=figures["hand_sql_with_exclusions_s"],
            ),
            row(
                "survey",
                "excluded households list, first page",
                households,
                figures["excluded_list_ms"],
                "ms",
                300,
            ),
        ]
    if opts.answers:
        answers = scale_label(figures["answers"], "answers")
        rows += [
            row(
                "survey",
                "satisfaction rate, one project and month",
                answers,
                figures["rate_ms"],
                "ms",
                300,
            ),
            row(
                "survey",
                "trend, one project, 24 months",
                answers,
                figures["trend_project_ms"],
                "ms",
                300,
            ),
            row(
                "survey",
                "trend, whole company",
                answers,
                figures["trend_company_ms"],
                "ms",
                300,
            ),
            row(
                "survey",
                "Pareto of reasons, one project, 12 months",
                answers,
                figures["pareto_ms"],
                "ms",
                300,
            ),
        ]
    write_rows(opts.json, rows)


if __name__ == "__main__":
    main()
