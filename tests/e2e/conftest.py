"""Fixtures for the end-to-end tests: Chromium, the served app, one browser context per test.

``served`` starts the app on the real data/ once per test session; ``start_server`` starts
further servers (a broken copy of data/ through ``DASHBOARD_DATA_DIR``, or a fresh process);
all are stopped at the end of the session. A failing test leaves a screenshot of each of its
pages in test-artifacts/, beside the server logs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.e2e.harness import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    FIRST_RENDER_TIMEOUT,
    RUN_COUNTER,
    AppServer,
    Session,
    open_app,
)

# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the end-to-end tests need Debian's Chromium "
            "(apt-get install chromium fonts-noto-cjk; .ci/run does this)"
        )
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    launched = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def start_server(browser: Browser) -> Iterator[Callable[..., AppServer]]:
    """Start an app server; every server started is stopped at the end of the session.

    ``warm=True`` opens the root page once before handing the server out, so that the first
    test does not pay for validating the CSVs into the cache (``test_deep_link_on_fresh_server``
    uses an unwarmed server on purpose).
    """
    servers: list[AppServer] = []

    def start(name: str, *, data_dir: Path | None = None, warm: bool = True) -> AppServer:
        server = AppServer(name, data_dir=data_dir)
        servers.append(server)
        server.start()
        if warm:
            context = browser.new_context()
            context.add_init_script(RUN_COUNTER)
            open_app(context.new_page(), server.url + "/", timeout=FIRST_RENDER_TIMEOUT)
            context.close()
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def served(start_server: Callable[..., AppServer]) -> AppServer:
    """The app as shipped, on the real data/."""
    return start_server("main")


@pytest.fixture
def session(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Session]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, accept_downloads=True, locale="ja-JP"
    )
    context.add_init_script(RUN_COUNTER)
    opened = Session(context)
    context.route("**/*", opened._route)
    yield opened
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        _save_artifacts(request.node.nodeid, opened)
    context.close()


def _save_artifacts(nodeid: str, opened: Session) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
    for number, page in enumerate(opened.pages):
        try:
            page.screenshot(path=str(ARTIFACTS / f"{stem}-{number}.png"), full_page=True)
        except Exception as exc:  # a closed or crashed page: note it, keep the other artifacts
            (ARTIFACTS / f"{stem}-{number}.txt").write_text(f"no screenshot: {exc}\n")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Keep each phase's report on the test item, so fixtures can see whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
