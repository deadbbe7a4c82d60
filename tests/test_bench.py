"""Pure-Python tests of the benchmark runner and of the test command's bench
phase: fake benchmarks that break or miss their target must fail them."""

import importlib.machinery
import importlib.util
import json
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name, path):
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


RUNNER = load("orsuite_bench_run", ROOT / "bench" / "run")
HARNESS = load("orsuite_test_bench", ROOT / "scripts" / "test")

FAKE = """
import argparse, json
parser = argparse.ArgumentParser()
parser.add_argument("--json")
parser.add_argument("--small", action="store_true")
parser.add_argument("--template")
opts = parser.parse_args()
{body}
"""


def row(**values):
    base = {
        "bench": "fake",
        "job": "a job",
        "scale": "1 000 things",
        "figure": 10.0,
        "unit": "ms",
        "baseline": None,
        "ratio": None,
        "target": 100,
        "met": True,
    }
    return {**base, **values}


def fake_dir(tmp_path, **scripts):
    folder = tmp_path / "bench"
    folder.mkdir()
    for name, body in scripts.items():
        (folder / f"bench_{name}.py").write_text(
            FAKE.format(body=textwrap.dedent(body))
        )
    return folder


def writes(*rows):
    return f"open(opts.json, 'w').write(json.dumps({list(rows)!r}))"


def run(folder, tmp_path, *extra):
    out = tmp_path / "rows.json"
    code = RUNNER.main(
        ["--bench-dir", str(folder), "--json", str(out), "--python", sys.executable]
        + list(extra)
    )
    return code, json.loads(out.read_text())


def test_scripts_are_discovered_by_name(tmp_path):
    folder = fake_dir(tmp_path, one=writes(row()), two=writes(row()))
    (folder / "helper.py").write_text("raise SystemExit(1)\n")
    assert [p.name for p in RUNNER.discover(folder)] == ["bench_one.py", "bench_two.py"]
    assert [p.name for p in RUNNER.discover(folder, ["two"])] == ["bench_two.py"]


def test_a_good_bench_passes_and_its_rows_are_kept(tmp_path, capsys):
    folder = fake_dir(tmp_path, ok=writes(row(job="fast job")))
    code, rows = run(folder, tmp_path)
    assert code == 0
    assert [(r["job"], r["met"]) for r in rows] == [("fast job", True)]
    assert "fast job" in capsys.readouterr().out


@pytest.mark.parametrize(
    "body, why",
    [
        ("raise RuntimeError('populate failed')", "exit status 1"),
        ("pass", "no result rows"),
        (writes(), "no result rows"),
        (writes({"job": "x"}), "row without"),
        (writes(row(figure=None)), "no figure"),
        ("open(opts.json, 'w').write('[{\"figure\": NaN')", "no result rows"),
    ],
)
def test_a_broken_bench_fails_the_run(tmp_path, capsys, body, why):
    folder = fake_dir(tmp_path, broken=body, ok=writes(row()))
    code, rows = run(folder, tmp_path)
    assert code == 1
    output = capsys.readouterr().out
    assert "FAIL bench_broken.py" in output
    assert why in output
    assert len(rows) == 1  # the good bench still reports


def test_nan_figure_is_malformed():
    assert "finite" in RUNNER.check_row(row(figure=float("nan")))


def test_full_scale_any_miss_fails(tmp_path, capsys):
    folder = fake_dir(tmp_path, slow=writes(row(figure=120.0)))
    code, rows = run(folder, tmp_path)
    assert code == 1
    assert rows[0]["met"] is False
    assert "FAIL bench_slow.py: a job (1 000 things): 120.0" in capsys.readouterr().out


def test_small_scale_tolerates_up_to_twice_the_target():
    # absolute target 100 ms
    assert RUNNER.judge(row(figure=150.0), small=True) == (False, False)
    assert RUNNER.judge(row(figure=201.0), small=True) == (False, True)
    assert RUNNER.judge(row(figure=150.0), small=False) == (False, True)
    # ratio target 1.2x a baseline measured in the same run
    ratio = row(figure=23.0, baseline=10.0, target=1.2)
    assert RUNNER.judge(ratio, small=True) == (False, False)
    assert RUNNER.judge({**ratio, "figure": 25.0}, small=True) == (False, True)
    # informational rows never fail
    assert RUNNER.judge(row(figure=1e9, target=None), small=True) == (None, False)


def test_test_command_counts_a_broken_bench_as_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(HARNESS, "LOGS", tmp_path)
    folder = fake_dir(
        tmp_path,
        broken="raise SystemExit(3)",
        ok=writes(row(job="ok 1"), row(job="ok 2")),
        slow=writes(row(job="slow job", figure=1000.0)),
    )
    out = tmp_path / "bench.json"
    cmd = [
        sys.executable,
        str(ROOT / "bench" / "run"),
        "--bench-dir",
        str(folder),
        "--json",
        str(out),
        "--python",
        sys.executable,
    ]
    passed, failed = HARNESS.bench_phase(cmd, out)
    assert (passed, failed) == (2, 2)
    assert "exit status 3" in (tmp_path / "bench.log").read_text()


def test_test_command_counts_a_runner_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(HARNESS, "LOGS", tmp_path)
    out = tmp_path / "bench.json"
    cmd = [sys.executable, "-c", "raise SystemExit(2)"]
    assert HARNESS.bench_phase(cmd, out) == (0, 1)


def test_rows_helper_computes_ratio_and_met():
    scratch = load("orsuite_bench_scratch", ROOT / "bench" / "scratch.py")
    made = scratch.row("club", "re-tiering", "100 cards", 6.0, "s", 1.2, baseline=5.0)
    assert (made["ratio"], made["met"]) == (1.2, True)
    assert scratch.row("club", "x", "y", float("nan"), "s", 5)["met"] is False
    assert scratch.scale_label(100000, "cards") == "100 000 cards"
