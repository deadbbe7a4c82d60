"""The Odoo set-up from ODOO_SOURCE refuses unusable sources with one clear line."""

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import orsuite_env  # noqa: E402


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """No importable Odoo, and set-up folders under tmp_path."""
    monkeypatch.setattr(orsuite_env, "ODOO_PYTHON", str(tmp_path / "no-python"))
    monkeypatch.setattr(orsuite_env, "ODOO_VENV", tmp_path / "venv")
    monkeypatch.setattr(orsuite_env, "ODOO_SRC_DIR", tmp_path / "src")
    monkeypatch.delenv("ODOO_SOURCE", raising=False)
    return tmp_path


def make_archive(path, release_text, top="odoo-18.0"):
    with tarfile.open(path, "w:gz") as tar:
        for name, text in (
            (f"{top}/odoo/release.py", release_text),
            (f"{top}/requirements.txt", "lxml\n"),
        ):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_no_source_means_skipped(isolated):
    assert orsuite_env.ensure_odoo(None) is None


def test_missing_source(isolated):
    with pytest.raises(orsuite_env.OdooSourceError, match="no such file"):
        orsuite_env.ensure_odoo(str(isolated / "nothing.tar.gz"))


def test_corrupt_archive(isolated):
    bad = isolated / "odoo.tar.gz"
    bad.write_bytes(b"\x1f\x8b\x08 this is not really gzip")
    with pytest.raises(orsuite_env.OdooSourceError, match="not a"):
        orsuite_env.ensure_odoo(str(bad))
    assert not (isolated / "venv").exists()


def test_wrong_version_archive(isolated):
    archive = make_archive(
        isolated / "odoo_18.tar.gz", "version_info = (18, 0, 0, 'final', 0, '')\n"
    )
    with pytest.raises(orsuite_env.OdooSourceError, match=r"Odoo 18\.0 found"):
        orsuite_env.ensure_odoo(str(archive))
    assert not (isolated / "venv").exists()


def test_archive_without_odoo(isolated):
    archive = isolated / "other.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("project/README")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(orsuite_env.OdooSourceError, match="no odoo/release.py"):
        orsuite_env.ensure_odoo(str(archive))


def test_both_layouts_found(tmp_path):
    branch = tmp_path / "branch" / "odoo-19.0"
    (branch / "odoo").mkdir(parents=True)
    (branch / "odoo" / "release.py").write_text("version_info = (19, 0)\n")
    assert orsuite_env._find_odoo_root(tmp_path / "branch") == branch
    nightly = tmp_path / "nightly"
    (nightly / "odoo" / "addons").mkdir(parents=True)
    (nightly / "odoo" / "release.py").write_text("version_info = (19, 0)\n")
    assert orsuite_env._find_odoo_root(nightly) == nightly


def test_requirements_filtered(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        "lxml==4.9.3\n"
        "psycopg2==2.9.5 ; python_version == '3.11'\n"
        "python-ldap==3.4.0 ; sys_platform != 'win32'\n"
        "# comment\n"
    )
    lines = orsuite_env._odoo_requirements(tmp_path).splitlines()
    assert lines == [
        "lxml==4.9.3",
        "psycopg2-binary==2.9.5 ; python_version == '3.11'",
    ]


@pytest.mark.parametrize("script", ["test", "serve"])
def test_scripts_say_one_line_for_a_corrupt_archive(tmp_path, script):
    bad = tmp_path / "odoo.tar.gz"
    bad.write_bytes(b"garbage")
    args = [sys.executable, str(ROOT / "scripts" / script)]
    if script == "test":
        # Only the Odoo phase matters here: no static checks, no pytest recursion.
        args += ["--skip-static", "--skip-pytest"]
    out = subprocess.run(
        args,
        env={**os.environ, "ODOO_SOURCE": str(bad), "ODOO_PYTHON": "/nonexistent"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stdout + out.stderr
    errors = [
        line for line in (out.stdout + out.stderr).splitlines() if "ERROR" in line
    ]
    assert len(errors) == 1 and "not a .tar.gz" in errors[0]
