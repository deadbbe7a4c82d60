"""scripts/serve starts a Chinese company's demo, reachable from this machine only."""

import importlib.machinery
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_serve():
    loader = importlib.machinery.SourceFileLoader(
        "serve", str(ROOT / "scripts" / "serve")
    )
    spec = importlib.util.spec_from_loader("serve", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


serve = load_serve()
COMMON = ["python3", "-m", "odoo", "-d", "orsuite"]


def test_listens_on_localhost_by_default():
    opts = serve.parse_args([])
    assert serve.serve_command(COMMON, port=8069, interface=opts.http_interface)[
        -2:
    ] == [
        "--http-port=8069",
        "--http-interface=127.0.0.1",
    ]
    opts = serve.parse_args(["--http-interface", "0.0.0.0"])
    assert "--http-interface=0.0.0.0" in serve.serve_command(
        COMMON, port=8069, interface=opts.http_interface
    )


def test_new_database_loads_chinese_with_demo():
    opts = serve.parse_args([])
    assert opts.lang is None and serve.DEFAULT_LANG == "zh_CN"
    command = serve.init_command(
        COMMON,
        ["property_base", "property_club"],
        exists=False,
        demo=True,
        lang="zh_CN",
    )
    assert command[len(COMMON) :] == [
        "-i",
        "property_base,property_club",
        "--stop-after-init",
        "--no-http",
        "--load-language=zh_CN",
        "--with-demo",
    ]


def test_existing_database_is_updated_without_demo():
    command = serve.init_command(
        COMMON, ["property_base"], exists=True, demo=True, lang="en_US"
    )
    assert command[len(COMMON) :] == [
        "-u",
        "property_base",
        "--stop-after-init",
        "--no-http",
        "--load-language=en_US",
    ]
