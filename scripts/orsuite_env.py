"""Shared plumbing for the project's scripts: Odoo detection and PostgreSQL.

Used by ``scripts/test`` and ``scripts/serve``. Nothing here sets up Odoo
itself: an Odoo 19 source tree must already be importable by ``ODOO_PYTHON``.
"""

import ast
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
ODOO_PYTHON = os.environ.get("ODOO_PYTHON", "python3")
DB_ROLE = os.environ.get("ORSUITE_DB_ROLE", "orsuite")

_PROBE = """
import json, os
import odoo.release as r
from pathlib import Path
import odoo
paths = [str(Path(p)) for p in odoo.__path__]
print(json.dumps({"version": list(r.version_info[:2]), "paths": paths}))
"""


def odoo_info():
    """Return ``{"version": [19, 0], "paths": [...]}`` or None if not importable."""
    try:
        out = subprocess.run(
            [ODOO_PYTHON, "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode:
        return None
    try:
        info = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None
    return info if info["version"][0] == 19 else None


def community_addons_path(info):
    """The community ``addons`` folder next to the Odoo package, if any."""
    if os.environ.get("ODOO_ADDONS_PATH"):
        return os.environ["ODOO_ADDONS_PATH"]
    for path in info["paths"]:
        candidate = Path(path).parent / "addons"
        if (candidate / "web" / "__manifest__.py").exists():
            return str(candidate)
    return ""


def addons_path(info):
    return ",".join(p for p in (community_addons_path(info), str(ADDONS_DIR)) if p)


def run_sql(conn, sql, dbname="postgres", autocommit=True):
    """Run SQL through psycopg2 in ODOO_PYTHON; return rows as lists."""
    code = (
        "import json, sys, psycopg2\n"
        "a = json.loads(sys.argv[1])\n"
        "c = psycopg2.connect(**a['conn'], dbname=a['db'])\n"
        "c.autocommit = a['ac']\n"
        "cur = c.cursor(); cur.execute(a['sql'])\n"
        "print(json.dumps(cur.fetchall() if cur.description else []))\n"
        "c.close()\n"
    )
    arg = json.dumps({"conn": conn, "db": dbname, "sql": sql, "ac": autocommit})
    out = subprocess.run(
        [ODOO_PYTHON, "-c", code, arg], capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr else sql)
    return json.loads(out.stdout or "[]")


def _server_answers(conn):
    try:
        run_sql(conn, "SELECT 1")
    except RuntimeError:
        return False
    return True


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_bindir():
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if versions:
        return versions[0].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class Cluster:
    """A PostgreSQL server to work in: a running one, or a throwaway one.

    ``PGHOST``/``PGPORT``/``PGUSER`` (default 127.0.0.1:5432, ``postgres``)
    name the server to try first. When it does not answer, a private cluster
    is created under ``datadir`` and stopped again by :meth:`stop` (unless
    ``keep``).
    """

    def __init__(self, datadir, keep=False):
        self.datadir = Path(datadir)
        self.keep = keep
        self.started = False
        self.admin = {
            "host": os.environ.get("PGHOST", "127.0.0.1"),
            "port": int(os.environ.get("PGPORT", "5432")),
            "user": os.environ.get("PGUSER", "postgres"),
        }
        if os.environ.get("PGPASSWORD"):
            self.admin["password"] = os.environ["PGPASSWORD"]

    def _as_postgres(self, cmd):
        """initdb/pg_ctl refuse to run as root: run them as ``postgres``."""
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *cmd]
        return cmd

    def start(self):
        if _server_answers(self.admin):
            print(
                f"PostgreSQL: using the server at "
                f"{self.admin['host']}:{self.admin['port']}"
            )
        else:
            self._start_private()
        self._ensure_role()
        return self

    def _start_private(self):
        bindir = _pg_bindir()
        if not bindir:
            sys.exit(
                "PostgreSQL: no server answers at "
                f"{self.admin['host']}:{self.admin['port']} and no initdb was "
                "found to start a private one. Install PostgreSQL (>= 13) or "
                "set PGHOST/PGPORT/PGUSER."
            )
        port = int(os.environ.get("ORSUITE_PRIVATE_PGPORT") or _free_port())
        sockdir = self.datadir / "socket"
        fresh = not (self.datadir / "data" / "PG_VERSION").exists()
        self.datadir.mkdir(parents=True, exist_ok=True)
        sockdir.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.datadir, "postgres")
            shutil.chown(sockdir, "postgres")
        if fresh:
            subprocess.run(
                self._as_postgres(
                    [
                        str(bindir / "initdb"),
                        "-D",
                        str(self.datadir / "data"),
                        "-U",
                        "postgres",
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        subprocess.run(
            self._as_postgres(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(self.datadir / "data"),
                    "-l",
                    str(self.datadir / "server.log"),
                    "-w",
                    "-o",
                    f"-p {port} -c listen_addresses=127.0.0.1 -k {sockdir} "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.started = True
        self.bindir = bindir
        self.admin = {"host": "127.0.0.1", "port": port, "user": "postgres"}
        for _attempt in range(30):
            if _server_answers(self.admin):
                break
            time.sleep(0.5)
        print(f"PostgreSQL: started a private cluster on 127.0.0.1:{port}")

    def _ensure_role(self):
        exists = run_sql(
            self.admin, f"SELECT 1 FROM pg_roles WHERE rolname = '{DB_ROLE}'"
        )
        if not exists:
            run_sql(self.admin, f'CREATE ROLE "{DB_ROLE}" LOGIN CREATEDB')

    @property
    def odoo_args(self):
        return [
            f"--db_host={self.admin['host']}",
            f"--db_port={self.admin['port']}",
            f"--db_user={DB_ROLE}",
        ]

    def databases(self, prefix):
        rows = run_sql(
            self.admin,
            f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'",
        )
        return [row[0] for row in rows]

    def drop(self, dbname):
        run_sql(self.admin, f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

    def copy(self, template, dbname):
        self.drop(dbname)
        run_sql(
            self.admin,
            f'CREATE DATABASE "{dbname}" TEMPLATE "{template}" OWNER "{DB_ROLE}"',
        )

    def stop(self):
        if self.started and not self.keep:
            subprocess.run(
                self._as_postgres(
                    [
                        str(self.bindir / "pg_ctl"),
                        "-D",
                        str(self.datadir / "data"),
                        "-m",
                        "fast",
                        "stop",
                    ]
                ),
                check=False,
                stdout=subprocess.DEVNULL,
            )
            shutil.rmtree(self.datadir, ignore_errors=True)


def free_port():
    return _free_port()


def list_addons():
    """Our installable addons, sorted so that dependencies come first."""
    manifests = {}
    for manifest in sorted(ADDONS_DIR.glob("*/__manifest__.py")):
        data = ast.literal_eval(manifest.read_text())
        if data.get("installable", True):
            manifests[manifest.parent.name] = data
    ordered = []

    def visit(name):
        if name in ordered or name not in manifests:
            return
        for dep in manifests[name].get("depends", []):
            visit(dep)
        ordered.append(name)

    for name in manifests:
        visit(name)
    return ordered, manifests
