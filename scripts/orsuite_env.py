"""Shared plumbing for the project's scripts: Odoo set-up and PostgreSQL.

Used by ``scripts/test`` and ``scripts/serve``. Odoo is taken from, in order:
a Python that already imports it (``ODOO_PYTHON``, default ``python3``), the
project's own environment ``.venv-odoo`` built earlier, or an Odoo 19 source
(``ODOO_SOURCE``: a ``.tar.gz``/``.tgz`` archive or an unpacked folder) from
which :func:`ensure_odoo` builds ``.venv-odoo`` once and reuses it.
"""

import ast
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
ODOO_PYTHON = os.environ.get("ODOO_PYTHON", "python3")
DB_ROLE = os.environ.get("ORSUITE_DB_ROLE", "orsuite")
ODOO_VENV = ROOT / ".venv-odoo"
ODOO_SRC_DIR = ROOT / ".odoo"
# Odoo requirements that cannot be built here and are not needed by the suite:
# python-ldap needs OpenLDAP headers and is only used by auth_ldap.
SKIPPED_REQUIREMENTS = ("python-ldap",)

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


class OdooSourceError(Exception):
    """The Odoo source given cannot be used; the message is one clear line."""


def _file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _source_digest(source):
    if source.is_dir():
        release = _find_odoo_root(source) / "odoo" / "release.py"
        return hashlib.sha256(
            f"{source.resolve()}\n".encode() + release.read_bytes()
        ).hexdigest()
    return _file_digest(source)


def _find_odoo_root(folder):
    """The folder holding ``odoo/release.py``: ``folder`` or one level below."""
    for candidate in (folder, *sorted(p for p in folder.iterdir() if p.is_dir())):
        if (candidate / "odoo" / "release.py").exists():
            return candidate
    raise OdooSourceError(f"ODOO_SOURCE {folder}: no odoo/release.py found in it")


def _check_version(root):
    text = (root / "odoo" / "release.py").read_text(errors="replace")
    found = re.search(r"^version_info\s*=\s*\((\d+),\s*(\d+)", text, re.M)
    if not found:
        raise OdooSourceError(f"ODOO_SOURCE {root}: cannot read Odoo's version")
    version = (int(found[1]), int(found[2]))
    if version[0] != 19:
        raise OdooSourceError(
            f"ODOO_SOURCE {root}: Odoo {version[0]}.{version[1]} found, 19.0 needed"
        )


def _unpack(archive, digest):
    target = ODOO_SRC_DIR / f"src-{digest[:16]}"
    if (target / ".unpacked").exists():
        return _find_odoo_root(target)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise OdooSourceError(
            f"ODOO_SOURCE {archive}: not a readable .tar.gz archive ({exc})"
        ) from None
    root = _find_odoo_root(target)
    (target / ".unpacked").write_text(digest)
    return root


def _odoo_requirements(root):
    """Odoo's own requirements, less what cannot build here (see above)."""
    lines = []
    for line in (root / "requirements.txt").read_text().splitlines():
        name = re.split(r"[=<>;\s\[]", line.strip(), maxsplit=1)[0].lower()
        if not name or name.startswith("#") or name in SKIPPED_REQUIREMENTS:
            continue
        if name == "psycopg2":
            line = "psycopg2-binary" + line.strip()[len("psycopg2") :]
        lines.append(line)
    return "\n".join(lines) + "\n"


def managed_python():
    """The Python of the project's own Odoo environment ``.venv-odoo``."""
    return str(ODOO_VENV / "bin" / "python")


def _pip(args, log):
    subprocess.run(
        [
            managed_python(),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            *args,
        ],
        check=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def ensure_odoo(source=None, log_path=None):
    """Make Odoo 19 importable; return ``odoo_info()`` or None.

    Sets the module's ``ODOO_PYTHON`` to the Python that imports Odoo. A Python
    that already imports Odoo wins; then ``.venv-odoo`` when it was built from
    the same source and requirement files (or when no source is given); else
    ``.venv-odoo`` is (re)built from ``source``. Raises
    :class:`OdooSourceError` for an unusable source.
    """
    global ODOO_PYTHON
    info = odoo_info()
    if info:
        return info
    source = source or os.environ.get("ODOO_SOURCE")
    stamp = ODOO_VENV / ".orsuite-stamp"
    if not source:
        if stamp.exists():
            ODOO_PYTHON = managed_python()
            return odoo_info()
        return None
    source = Path(source).expanduser()
    if not source.exists():
        raise OdooSourceError(f"ODOO_SOURCE {source}: no such file or folder")
    if source.is_file() and not tarfile.is_tarfile(source):
        raise OdooSourceError(f"ODOO_SOURCE {source}: not a .tar.gz/.tgz archive")
    digest = _source_digest(source)
    wanted = hashlib.sha256(
        digest.encode()
        + (ROOT / "requirements.txt").read_bytes()
        + (ROOT / "requirements-oca.txt").read_bytes()
        + sys.version.encode()
    ).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        ODOO_PYTHON = managed_python()
        info = odoo_info()
        if info:
            return info
    root = _find_odoo_root(source) if source.is_dir() else _unpack(source, digest)
    _check_version(root)
    print(f"Setting up Odoo from {source} into .venv-odoo ...", flush=True)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "venv", "--clear", str(ODOO_VENV)], check=True
    )
    requirements = ODOO_VENV / "odoo-requirements.txt"
    requirements.write_text(_odoo_requirements(root))
    log_path = Path(log_path or ODOO_VENV / "pip.log")
    with log_path.open("w") as log:
        try:
            _pip(["-r", str(requirements), "-r", str(ROOT / "requirements.txt")], log)
            _pip(["--no-deps", "-r", str(ROOT / "requirements-oca.txt")], log)
        except subprocess.CalledProcessError:
            raise OdooSourceError(
                f"installing Odoo's Python requirements failed (log: {log_path})"
            ) from None
    site = Path(
        subprocess.run(
            [
                managed_python(),
                "-c",
                "import sysconfig; print(sysconfig.get_path('purelib'))",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "odoo-source.pth").write_text(f"{root.resolve()}\n")
    ODOO_PYTHON = managed_python()
    info = odoo_info()
    if not info:
        raise OdooSourceError(
            f"ODOO_SOURCE {source}: Odoo still not importable after set-up"
        )
    stamp.write_text(wanted)
    print(f"Odoo set up in {time.monotonic() - started:.0f} s", flush=True)
    return info


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


_RUN_SQL = """
import json, sys, psycopg2
from psycopg2 import sql
a = json.loads(sys.argv[1])
c = psycopg2.connect(**a["conn"], dbname=a["db"])
c.autocommit = a["ac"]
query = a["sql"]
if a["identifiers"]:
    query = sql.SQL(query).format(*map(sql.Identifier, a["identifiers"]))
cur = c.cursor()
cur.execute(query, a["params"] or None)
print(json.dumps(cur.fetchall() if cur.description else []))
c.close()
"""


def run_sql(conn, query, dbname="postgres", autocommit=True, params=(), identifiers=()):
    """Run ``query`` through psycopg2 in ODOO_PYTHON; return rows as lists.

    Values go in ``params`` (``%s`` placeholders) and names (databases,
    roles) in ``identifiers`` (``{}`` placeholders, quoted by psycopg2), never
    formatted into the text.
    """
    arg = json.dumps(
        {
            "conn": conn,
            "db": dbname,
            "sql": query,
            "ac": autocommit,
            "params": list(params),
            "identifiers": list(identifiers),
        }
    )
    out = subprocess.run(
        [ODOO_PYTHON, "-c", _RUN_SQL, arg], capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr else query)
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
            self.admin, "SELECT 1 FROM pg_roles WHERE rolname = %s", params=[DB_ROLE]
        )
        if not exists:
            run_sql(self.admin, "CREATE ROLE {} LOGIN CREATEDB", identifiers=[DB_ROLE])

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
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            params=[f"{prefix}%"],
        )
        return [row[0] for row in rows]

    def drop(self, dbname):
        run_sql(
            self.admin,
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            identifiers=[dbname],
        )

    def copy(self, template, dbname):
        self.drop(dbname)
        run_sql(
            self.admin,
            "CREATE DATABASE {} TEMPLATE {} OWNER {}",
            identifiers=[dbname, template, DB_ROLE],
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
