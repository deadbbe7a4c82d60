"""A throw-away Odoo database for the benchmarks in this folder, and the
helpers every ``bench_*.py`` uses to speak the protocol of ``README.md``."""

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import orsuite_env as env  # noqa: E402

DB_PREFIX = os.environ.get("ORSUITE_BENCH_DB_PREFIX", "orsuite_bench_")
#: the scale of ``--small``: about this many records of the main model
SMALL = 1000
#: what ``populate_suite`` multiplies: the base data, its owners and their
#: cards (one factor for all, see ``populate_suite``)
SUITE_MODELS = (
    "property.project,property.building,property.unit,res.partner,"
    "property.residency,property.club.card"
)

#: every current owner without a live card joins the club (the flow staff
#: use), so that there are about as many cards as owners to multiply
SEED_CARDS = r"""
import json
out = {"units": env["property.unit"].search_count([])}
if "property.club.card" in env:
    owners = env["property.residency"].search(
        [("role", "in", ("owner", "co_owner")), ("is_current", "=", True)]
    ).partner_id
    live = env["property.club.card"].search(
        [("state", "in", ("draft", "active", "suspended"))]
    ).partner_id
    (owners - live).action_join_club()
    env.cr.commit()
    out["cards"] = env["property.club.card"].search_count([])
print("BENCH " + json.dumps(out))
"""


#: one-to-one links of a ticket (unique when set): the copies ``odoo-bin
#: populate`` makes of a linked ticket would share the link, so the links are
#: set aside while tickets are multiplied and put back on the originals
TICKET_LINKS = ("care_visit_id", "care_touchpoint_id", "survey_answer_id")

UNLINK_TICKETS = r"""
import json
cr = env.cr
cr.execute(
    "SELECT column_name FROM information_schema.columns "
    "WHERE table_name = 'helpdesk_ticket' AND column_name = ANY(%s)",
    [list(__LINKS__)],
)
cols = [row[0] for row in cr.fetchall()]
cr.execute("DROP TABLE IF EXISTS bench_ticket_links")
if cols:
    cr.execute(
        "CREATE TABLE bench_ticket_links AS SELECT id, "
        + ", ".join(cols) + " FROM helpdesk_ticket WHERE "
        + " OR ".join(c + " IS NOT NULL" for c in cols)
    )
    cr.execute(
        "UPDATE helpdesk_ticket SET " + ", ".join(c + " = NULL" for c in cols)
        + " WHERE id IN (SELECT id FROM bench_ticket_links)"
    )
cr.commit()
print("BENCH " + json.dumps({"links": cols}))
"""

RELINK_TICKETS = r"""
import json
cr = env.cr
cols = __COLS__
if cols:
    cr.execute(
        "UPDATE helpdesk_ticket t SET "
        + ", ".join(c + " = l." + c for c in cols)
        + " FROM bench_ticket_links l WHERE l.id = t.id"
    )
    cr.execute("DROP TABLE bench_ticket_links")
cr.commit()
print("BENCH {}")
"""


def bench_arguments(parser):
    """Add the options every benchmark takes (see README.md)."""
    parser.add_argument(
        "--small", action="store_true", help="about 1 000 records, a few seconds"
    )
    parser.add_argument("--json", help="write the result rows to this file")
    parser.add_argument(
        "--template", help="start from a copy of this populated small database"
    )
    parser.add_argument(
        "--from-db",
        help="start from a copy of this database (its addons installed), then "
        "install and populate as usual",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")


def row(bench, job, scale, figure, unit, target, baseline=None):
    """One result row: ``target`` bounds the ratio to ``baseline`` when there
    is one, else the figure itself; ``None`` makes the row informational."""
    ratio = round(figure / baseline, 2) if baseline else None
    measured = ratio if baseline else figure
    met = None
    if target is not None:
        met = measured is not None and math.isfinite(measured) and measured <= target
    return {
        "bench": bench,
        "job": job,
        "scale": scale,
        "figure": figure,
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "met": met,
    }


def write_rows(path, rows):
    """Write the rows for ``bench/run`` (nothing without ``--json``)."""
    if path:
        Path(path).write_text(json.dumps(rows, indent=1, ensure_ascii=False))


def scale_label(count, what):
    """``scale_label(100000, "cards")`` -> ``"100 000 cards"``."""
    return f"{count:,} {what}".replace(",", " ")


class ScratchDb:
    """Install addons in a fresh database, populate it, run shell scripts.

    A shell script reports its figures by printing one ``BENCH <json>`` line.
    """

    def __init__(self, name, keep=False, template=None, data_dir=None, from_db=None):
        self.info = env.odoo_info()
        if not self.info:
            sys.exit("Odoo 19 is not importable: nothing to benchmark.")
        self.keep = keep
        self.cluster = env.Cluster(ROOT / ".pgdata" / "bench").start()
        self.db = DB_PREFIX + name
        self.template = template
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="orsuite-bench-")
        self.args = [
            *self.cluster.odoo_args,
            f"--addons-path={env.addons_path(self.info)}",
            f"--data-dir={self.data_dir}",
            "-d",
            self.db,
            "--log-level=warn",
        ]
        self.odoo = [env.ODOO_PYTHON, "-m", "odoo"]
        self.cluster.drop(self.db)
        if from_db:
            self.cluster.copy(from_db, self.db)
        if template:
            self.cluster.copy(template, self.db)
            filestore = Path(template_data_dir(template)) / "filestore" / template
            if filestore.exists():
                shutil.copytree(filestore, Path(self.data_dir) / "filestore" / self.db)

    def install(self, addons):
        """Install ``addons`` with demo data; return the seconds it took
        (``None``: started from a template that has them)."""
        if self.template:
            return None
        start = time.perf_counter()
        subprocess.run(
            [
                *self.odoo,
                *self.args,
                "-i",
                addons,
                "--with-demo",
                "--stop-after-init",
                "--no-http",
            ],
            check=True,
        )
        return round(time.perf_counter() - start, 1)

    def count(self, table):
        return int(
            env.run_sql(
                self.cluster.admin, f"SELECT count(*) FROM {table}", dbname=self.db
            )[0][0]
        )

    def populate(self, models, factors):
        """``odoo-bin populate``; return the seconds it took (``None``:
        started from a template, populated already)."""
        if self.template:
            return None
        start = time.perf_counter()
        subprocess.run(
            [
                *self.odoo,
                "populate",
                *self.args,
                f"--models={models}",
                f"--factors={factors}",
            ],
            check=True,
        )
        return round(time.perf_counter() - start, 1)

    def populate_suite(self, count, per="units", tickets=None):
        """Multiply the suite's demo data to about ``count`` units (or
        ``per="cards"``: club cards; as many owners), and to ``tickets``
        helpdesk tickets. Does nothing from a template (returns None).

        ``odoo-bin populate`` copies each row ``factor`` times and points
        copy ``n`` of a row at copy ``n`` of what it refers to when that
        model is populated in the same run. With one factor for owners,
        residencies and cards, copy ``n`` of a live card belongs to copy
        ``n`` of its holder: one live card per owner and tier holds for the
        copies as it holds for the originals (a card factor above the
        owners' would give two copies the same holder and tier). The cards
        are first issued to every owner without one. Returns the figures.
        """
        if self.template:
            return None
        figures = self.shell(SEED_CARDS)
        factor = max(1, round(count / figures[per]) - 1)
        figures["populate_factor"] = factor
        figures["populate_s"] = self.populate(SUITE_MODELS, factor)
        if tickets:
            figures["populate_tickets_s"] = self.populate_tickets(tickets)
        return figures

    def populate_tickets(self, tickets):
        """Multiply the helpdesk tickets to about ``tickets``; a ticket's
        one-to-one links (a care visit or touchpoint, a questionnaire answer
        opens one ticket, ``TICKET_LINKS``) stay on the original only.
        Returns the seconds ``odoo-bin populate`` took."""
        if self.template:
            return None
        links = self.shell(UNLINK_TICKETS.replace("__LINKS__", repr(TICKET_LINKS)))
        factor = max(1, round(tickets / self.count("helpdesk_ticket")) - 1)
        seconds = self.populate("helpdesk.ticket", factor)
        self.shell(RELINK_TICKETS.replace("__COLS__", repr(links["links"])))
        return seconds

    def shell(self, script):
        """Run ``script`` in ``odoo-bin shell``; return its BENCH figures."""
        out = subprocess.run(
            [*self.odoo, "shell", *self.args, "--no-http"],
            input=script,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode or "BENCH " not in out.stdout:
            sys.exit("odoo shell failed:\n" + (out.stdout + out.stderr)[-3000:])
        line = next(x for x in out.stdout.splitlines() if x.startswith("BENCH "))
        return json.loads(line[6:])

    def serve(self, port):
        """Start a multi-worker server on loopback ``port``."""
        return subprocess.Popen(
            [
                *self.odoo,
                *self.args,
                f"--http-port={port}",
                "--http-interface=127.0.0.1",
                "--workers=2",
                "--max-cron-threads=0",
                f"--db-filter=^{self.db}$",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def close(self):
        if not self.keep:
            self.cluster.drop(self.db)
            shutil.rmtree(self.data_dir, ignore_errors=True)
        self.cluster.stop()


def template_data_dir(template):
    """The data dir (filestore) ``bench/run`` keeps beside a template."""
    return Path(tempfile.gettempdir()) / f"orsuite-bench-template-{template}"
