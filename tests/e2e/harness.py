"""The test harness: an app server process, browser sessions that record what goes wrong, and
waiting for Streamlit's script runs.

``AppServer`` starts ``streamlit run app.py`` on a free loopback port. ``Session`` is one browser
context in which:

* every request to a host other than 127.0.0.1/localhost is aborted and recorded, so every test
  also proves the app works offline (``assert_clean`` fails if anything was even attempted);
* console errors, uncaught page errors, failed requests, HTTP errors and dialogs are recorded,
  and ``assert_clean`` fails on any of them except the two framework probes named below;
* a counter of finished script runs is kept in the page, so a test can wait for the rerun that
  its own click caused (``data-test-script-state`` is "notRunning" before that run starts, too).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, WebSocket
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from dashboard.paths import PROJECT_DIR

CHROMIUM = os.environ.get("DASHBOARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
ARTIFACTS = PROJECT_DIR / "test-artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
#: Streamlit's frontend first asks for health and host-config *under the page's path*
#: (e.g. /sanctions/_stcore/health) to find the server's base URL, gets 404 and falls back to the
#: root. Chromium logs those two 404s as console errors. They are the only errors allowed, and
#: only under a page path (the root /_stcore/health must answer 200).
ALLOWED_PROBE = re.compile(r"^/[a-z_]+/_stcore/(health|host-config)$")
SERVER_START_TIMEOUT = 60
FIRST_RENDER_TIMEOUT = 90_000  # ms; a cold server validates all seven CSVs on its first run
RENDER_TIMEOUT = 45_000  # ms

#: Counts finished script runs: data-test-script-state goes running -> notRunning once per run.
RUN_COUNTER = """
(() => {
  window.__runsFinished = 0;
  window.__scriptStates = [];
  let wasRunning = false;
  const count = state => {
    window.__scriptStates.push([Math.round(performance.now()), state]);
    if (state === 'running') wasRunning = true;
    else if (state === 'notRunning' && wasRunning) {
      wasRunning = false;
      window.__runsFinished++;
    }
  };
  const watch = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) { requestAnimationFrame(watch); return; }
    count(app.getAttribute('data-test-script-state'));
    // Records arrive in batches: a short run may go running -> notRunning within one batch, so
    // replay every value (each record's new value is the next one's old value).
    new MutationObserver(records => {
      const values = records.slice(1).map(r => r.oldValue);
      values.push(app.getAttribute('data-test-script-state'));
      values.forEach(count);
    }).observe(app, {
      attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state'],
    });
  };
  document.addEventListener('DOMContentLoaded', watch);
})();
"""


# --- the app server ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class AppServer:
    """``streamlit run app.py`` on a loopback port, as ``make run`` starts it."""

    name: str
    data_dir: Path | None = None
    script: Path = PROJECT_DIR / "app.py"
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return ARTIFACTS / f"server-{self.name}.log"

    def start(self) -> AppServer:
        ARTIFACTS.mkdir(exist_ok=True)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("DASHBOARD_DATA_DIR", None)
        if self.data_dir is not None:
            env["DASHBOARD_DATA_DIR"] = str(self.data_dir)
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.address=127.0.0.1",
            f"--server.port={self.port}",
            "--server.headless=true",
            # Others may edit src/ while the tests run; the served code must stay as started.
            "--server.fileWatcherType=none",
        ]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=self.script.parent, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server not healthy within {SERVER_START_TIMEOUT}s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# --- browser sessions ------------------------------------------------------------------------


@dataclass
class Session:
    """One browser context: its pages and everything that went wrong in them."""

    context: BrowserContext
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)
        page.on("dialog", self._on_dialog)
        self.pages.append(page)
        return page

    def _on_console(self, message) -> None:  # type: ignore[no-untyped-def]
        if message.type != "error":
            return
        where = urlsplit(message.location.get("url", "") or "")
        if (
            where.hostname in LOOPBACK
            and ALLOWED_PROBE.match(where.path)
            and message.text.startswith("Failed to load resource")
            and "404" in message.text
        ):
            return
        self.console_errors.append(f"{message.text} @ {message.location}")

    def _on_response(self, response) -> None:  # type: ignore[no-untyped-def]
        if response.status < 400:
            return
        path = urlsplit(response.url).path
        if response.status == 404 and ALLOWED_PROBE.match(path):
            return
        self.http_errors.append(f"{response.status} {response.url}")

    def _on_request_failed(self, request) -> None:  # type: ignore[no-untyped-def]
        if request.url in self.blocked:
            return  # aborted by the offline route: reported as blocked
        self.failed_requests.append(f"{request.url} ({request.failure})")

    def _on_dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def assert_clean(self, *, tolerated: tuple[str, ...] = ()) -> None:
        """No console error, page error, failed request or dialog; a page error containing
        one of ``tolerated`` (a known third-party fault a test names) is let pass."""
        problems = {
            "console errors": self.console_errors,
            "uncaught page errors": [
                error for error in self.page_errors if not any(t in error for t in tolerated)
            ],
            "HTTP errors": self.http_errors,
            "failed requests": self.failed_requests,
            "requests to non-loopback hosts (blocked)": self.blocked,
            "dialogs": self.dialogs,
        }
        found = {name: items for name, items in problems.items() if items}
        assert not found, found


#: Script runs finished per page, counted from the ``script_finished`` messages the app sends
#: over its websocket. The DOM counter (``RUN_COUNTER``) misses a run that is over before the
#: frontend shows it as running (a fast page switch); the socket sees every run.
_RUNS_FINISHED: dict[int, int] = {}
_FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


def _count_runs(page: Page) -> None:
    """Count ``page``'s finished runs from now on (from 0; the socket listener is added once
    per page, or a page opened N times would count every run N times)."""
    key = id(page)
    listening = key in _RUNS_FINISHED
    _RUNS_FINISHED[key] = 0
    if listening:
        return

    def on_frame(payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        try:
            msg = ForwardMsg.FromString(bytes(payload))
        except Exception:  # not a ForwardMsg: nothing to count
            return
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in _FINISHED:
            _RUNS_FINISHED[key] += 1

    def on_socket(socket_: WebSocket) -> None:
        if socket_.url.endswith("/_stcore/stream"):
            socket_.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    page.on("close", lambda _: _RUNS_FINISHED.pop(key, None))


def runs_finished(page: Page) -> int:
    """Script runs finished on ``page``: the socket's count, or the DOM's if larger."""
    seen = _RUNS_FINISHED.get(id(page), 0)
    return max(seen, int(page.evaluate("() => window.__runsFinished || 0")))


def _wait_for_run(page: Page, before: int, timeout: int) -> bool:
    """Wait until more than ``before`` runs have finished and the app shows no run going."""
    deadline = time.monotonic() + timeout / 1000
    while runs_finished(page) <= before:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(25)  # lets Playwright deliver the socket's frames
    remaining = max(1, int((deadline - time.monotonic()) * 1000))
    try:
        page.wait_for_function(
            """() => document.querySelector('[data-testid="stApp"]')
                       ?.getAttribute('data-test-script-state') === 'notRunning'""",
            timeout=remaining,
        )
    except PlaywrightTimeoutError:
        return False
    return True


def open_app(page: Page, url: str, *, charts: int = 0, timeout: int = RENDER_TIMEOUT) -> Page:
    """Load ``url`` and wait until its script run finished and ``charts`` charts are drawn."""
    _count_runs(page)
    page.goto(url, wait_until="domcontentloaded")
    if not _wait_for_run(page, 0, timeout):
        raise AssertionError(f"no script run finished after opening {url}")
    wait_for_charts(page, charts, timeout=timeout)
    return page


def wait_for_charts(page: Page, charts: int, *, timeout: int = RENDER_TIMEOUT) -> None:
    """Wait until at least ``charts`` plotly charts have drawn at least one point or bar each."""
    if charts:
        page.wait_for_function(
            """n => {
              const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
              return plots.length >= n && plots.every(p => p.querySelector('.js-plotly-plot')
                && p.querySelectorAll(
                  '.scatterlayer .point, .barlayer .point, .choroplethlocation').length > 0);
            }""",
            arg=charts,
            timeout=timeout,
        )


def rerun(page: Page, action: Callable[[], object], *, timeout: int = RENDER_TIMEOUT) -> None:
    """Do ``action`` (a click, a blur) and wait for the script run it causes to finish."""
    before = runs_finished(page)
    action()
    if not _wait_for_run(page, before, timeout):
        states = page.evaluate("() => window.__scriptStates")
        raise AssertionError(
            f"no script run finished after the action on {page.url}; states (ms, state): {states}"
        )


def copy_data(target: Path) -> Path:
    """A writable copy of data/ under ``target``."""
    destination = target / "data"
    shutil.copytree(PROJECT_DIR / "data", destination)
    return destination
