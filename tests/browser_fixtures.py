"""Browser fixtures every browser test module shares: headless Chromium from Debian's
packages, driven by Playwright for Python, against the full build of the bundled corpus
served over HTTP on 127.0.0.1 (built once per test module).

``page`` opens a tab at 1280 x 900 that fails its test on any console error and saves a
screenshot into ``build/screenshots/``; ``phone_page`` is the same at 390 x 844, the width
of a phone. Where Chromium or Playwright is missing the tests skip, saying so; where the
environment variable ``CLAIMKB_REQUIRE_BROWSER`` is set (the CI script sets it, after
installing Debian's ``chromium``), a missing browser is a failure instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from claimkb.build.outputs import build_exporters
from claimkb.build.stages import build, copy_project
from tests.conftest import EXAMPLE

BUILD_DATE = dt.date(2026, 11, 22)
SCREENSHOTS = EXAMPLE.root / "build" / "screenshots"
#: Flags for a root user in a container with no network beyond loopback: without the
#: background-networking ones Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _require_browser() -> None:
    """Skip (or, in CI, fail) when the browser or its driver is missing."""
    problems = []
    if _chromium() is None:
        problems.append("Debian's chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("Playwright for Python is not installed (pip install -e '.[dev]')")
    if problems:
        message = "; ".join(problems)
        if os.environ.get("CLAIMKB_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not worth a line each in the test output."""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    project = copy_project(EXAMPLE, tmp_path_factory.mktemp("project"))
    build(project, build_exporters(project, BUILD_DATE, cache=EXAMPLE.cache_dir))
    handler = functools.partial(_QuietHandler, directory=str(project.build_dir / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _tab(browser: Any, request: pytest.FixtureRequest, width: int, height: int) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        yield tab
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = f"{request.node.name}-{width}.png"
        tab.screenshot(path=str(SCREENSHOTS / name), full_page=False)
        assert errors == [], errors
    finally:
        context.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A desktop tab (1280 x 900)."""
    yield from _tab(browser, request, 1280, 900)


@pytest.fixture
def phone_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A phone-sized tab (390 x 844)."""
    yield from _tab(browser, request, 390, 844)
