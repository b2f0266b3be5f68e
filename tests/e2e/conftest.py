"""Fixtures for the browser end-to-end tests: one JupyterLab server and one headless Chromium per session.

The tests skip when Chromium or Playwright is missing, except under CI (CI=true), where they fail:
a green CI run must mean the browser tests really ran.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from _browser_harness import CHROMIUM, CHROMIUM_ARGS, JupyterServer

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts" / "e2e"
_REPORT: dict[str, dict] = {}


def _missing(why: str):
    if os.environ.get("CI"):
        pytest.fail(f"{why} (CI must run the browser tests: run scripts/setup.sh)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def e2e_report():
    """A dict test-name -> measured numbers; printed at the end and saved to tests/artifacts/e2e/timings.json."""
    return _REPORT


@pytest.fixture(scope="session")
def jupyter_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e-root")
    for nb in (REPO / "notebooks").glob("*.ipynb"):  # copies: autosave must not touch the repository
        shutil.copy(nb, root / nb.name)
    server = JupyterServer(root=root, repo=REPO).start()
    _REPORT.setdefault("server", {})["start_s"] = round(server.start_s, 2)
    yield server
    server.stop()


@pytest.fixture  # per test (0.5 s): Playwright's sync API holds an asyncio loop that later tests must not see
def browser():
    if not os.path.exists(CHROMIUM):
        _missing(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_terminal_summary(terminalreporter):
    if not _REPORT:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "timings.json").write_text(json.dumps(_REPORT, indent=1, default=str))
    terminalreporter.write_sep("-", "browser end-to-end measurements (tests/artifacts/e2e/timings.json)")
    for name, values in _REPORT.items():
        terminalreporter.write_line(f"{name}: {json.dumps(values, default=str)}")
