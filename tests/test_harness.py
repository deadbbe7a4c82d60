"""Pure-Python tests of the test harness and of the repository layout."""

import ast
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import orsuite_env  # noqa: E402


def load_harness():
    loader = importlib.machinery.SourceFileLoader(
        "orsuite_test", str(ROOT / "scripts" / "test")
    )
    spec = importlib.util.spec_from_loader("orsuite_test", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


HARNESS = load_harness()


def parse(tmp_path, text, code=0, expect_tests=True):
    run = HARNESS.OdooRun("t", [], expect_tests=expect_tests)
    run.log = tmp_path / "t.log"
    run.log.write_text(text)
    run._parse(code)
    return run


OK_LINE = (
    "2026-11-22 09:46:57,742 9076 INFO db odoo.tests.result: "
    "0 failed, 0 error(s) of 42 tests when loading database 'db'\n"
)


def test_result_line_counts_passed(tmp_path):
    run = parse(tmp_path, OK_LINE)
    assert (run.passed, run.failed, run.problems) == (42, 0, [])


def test_failures_and_errors_counted(tmp_path):
    run = parse(
        tmp_path,
        "2026-11-22 09:46:57,742 9076 ERROR db odoo.tests.result: "
        "2 failed, 1 error(s) of 10 tests when loading database 'db'\n",
    )
    assert (run.passed, run.failed) == (7, 3)


def test_error_line_outside_tests_fails_run(tmp_path):
    run = parse(
        tmp_path,
        "2026-11-22 09:46:57,700 9076 ERROR db odoo.modules.loading: boom\n" + OK_LINE,
    )
    assert run.failed == 1
    assert "boom" in run.problems[0]


def test_missing_result_line_fails_when_tests_expected(tmp_path):
    run = parse(tmp_path, "nothing\n")
    assert run.failed == 1
    assert "no test result line" in run.problems[0]


def test_our_warnings_fail_but_foreign_ones_do_not(tmp_path):
    foreign = (
        "2026-11-22 09:46:57,700 9076 WARNING db odoo.modules.module: "
        "The module sign_oca has an incompatible version\n"
    )
    ours = (
        "2026-11-22 09:46:57,700 9076 WARNING db odoo.fields: "
        "Field property.unit.area: unknown parameter\n"
    )
    assert not parse(tmp_path, foreign + OK_LINE).problems
    assert parse(tmp_path, ours + OK_LINE).failed == 1


def test_nonzero_exit_fails(tmp_path):
    assert parse(tmp_path, OK_LINE, code=1).failed == 1


def test_addons_sorted_dependencies_first():
    addons, manifests = orsuite_env.list_addons()
    for index, name in enumerate(addons):
        for dep in manifests[name].get("depends", []):
            if dep in manifests:
                assert addons.index(dep) < index


def test_feature_addons_never_depend_on_account_or_enterprise():
    forbidden = {"account", "web_enterprise", "helpdesk", "sale_subscription"}
    for manifest in ROOT.glob("addons/*/__manifest__.py"):
        data = ast.literal_eval(manifest.read_text())
        assert not forbidden & set(data.get("depends", [])), manifest
        assert data["version"].startswith("19.0."), manifest
        assert data["license"] in ("LGPL-3", "AGPL-3"), manifest


def test_class_setup_error_counts_one_failure_not_negative(tmp_path):
    run = parse(
        tmp_path,
        "2026-11-22 09:46:57,742 9076 ERROR db odoo.tests.result: "
        "0 failed, 1 error(s) of 0 tests when loading database 'db'\n",
    )
    assert (run.passed, run.failed) == (0, 1)


def test_skipped_tests_are_not_counted_as_passed(tmp_path):
    run = parse(
        tmp_path,
        "2026-11-22 09:46:50,000 9076 INFO db odoo.addons.property_care.tests."
        "test_portal: skipped TestCarePortal.test_tour : Chrome executable not found\n"
        + OK_LINE,
    )
    assert (run.passed, run.failed, run.skipped, run.problems) == (41, 0, 1, [])
    assert run.skip_reasons == ["Chrome executable not found"]
