"""A throw-away Odoo database for the benchmarks in this folder."""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import orsuite_env as env  # noqa: E402


class ScratchDb:
    """Install addons in a fresh database, populate it, run shell scripts.

    A shell script reports its figures by printing one ``BENCH <json>`` line.
    """

    def __init__(self, name, keep=False):
        self.info = env.odoo_info()
        if not self.info:
            sys.exit("Odoo 19 is not importable: nothing to benchmark.")
        self.keep = keep
        self.cluster = env.Cluster(ROOT / ".pgdata" / "bench").start()
        self.db = name
        self.args = [
            *self.cluster.odoo_args,
            f"--addons-path={env.addons_path(self.info)}",
            f"--data-dir={tempfile.mkdtemp(prefix='orsuite-bench-')}",
            "-d",
            name,
            "--log-level=warn",
        ]
        self.odoo = [env.ODOO_PYTHON, "-m", "odoo"]
        self.cluster.drop(name)

    def install(self, addons):
        """Install ``addons`` with demo data; return the seconds it took."""
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
        """``odoo-bin populate``; return the seconds it took."""
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
        self.cluster.stop()
