"""Page loads and a filter change in headless Chromium, against a one-chart Streamlit floor.

    .venv/bin/python bench/bench_browser.py [--repeat 5] [--changes 12]

Starts the app and a floor app (generated into a temp dir: it reads one CSV with pandas and
draws one plotly chart with ``st.plotly_chart``, nothing else; same .streamlit/config.toml) on
loopback ports, then measures in Chromium, through the e2e tests' harness:

* load: a fresh browser context (empty cache, as a first visit) navigates to a page; the clock
  stops when the script run has finished and every chart on the page has drawn its points
  (data_sources has no chart: its tables and download buttons). Median of ``--repeat``;
  ratio = page / floor (target <= 1.3x).
* switch: the same through the sidebar link from another page of an open session.
* filter: on the sanctions page, a new start date is typed and committed; the clock runs from
  the commit to the redrawn chart with the new number of points. Median and p90 of
  ``--changes`` changes (target median <= 250 ms).

Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "src")]

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from dashboard.i18n import t  # noqa: E402
from tests.e2e import helpers  # noqa: E402
from tests.e2e.harness import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    RUN_COUNTER,
    AppServer,
    open_app,
    rerun,
    wait_for_charts,
)

LOAD_TARGET = 1.3
FILTER_TARGET_MS = 250
FLOOR_APP = '''"""Floor: one CSV, one plotly chart, nothing else."""
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

rows = pd.read_csv({csv!r}, parse_dates=["date"])
st.plotly_chart(go.Figure(go.Scatter(x=rows["date"], y=rows["jurisdiction"], mode="markers")))
'''
#: A page without charts is ready when its tables and download buttons are there: Data and
#: sources' dataset downloads, the briefing builder's slide table and its three downloads.
MOUNTED = """n => document.querySelectorAll('[data-testid="stDataFrame"]').length >= 1
    && document.querySelectorAll('[data-testid="stDownloadButton"]').length >= n"""
DOWNLOADS = {"data_sources": 7, "briefing": 3}


def ready(page: Page, name: str) -> None:
    if helpers.PAGES.get(name, 1):
        wait_for_charts(page, helpers.PAGES.get(name, 1))
    else:
        page.wait_for_function(MOUNTED, arg=DOWNLOADS.get(name, 1))


def first_visit(browser: Browser, url: str, name: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.add_init_script(RUN_COUNTER)
    try:
        page = context.new_page()
        start = time.perf_counter()
        open_app(page, url)
        ready(page, name)
        return time.perf_counter() - start
    finally:
        context.close()


def switches(browser: Browser, base: str, repeat: int) -> dict[str, float]:
    """Median seconds from a sidebar click to the target page drawn, per page."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.add_init_script(RUN_COUNTER)
    times: dict[str, list[float]] = {name: [] for name in helpers.PAGES}
    try:
        page = open_app(context.new_page(), base + "/data_sources")
        names = list(helpers.PAGES)
        for _ in range(repeat):
            for name in names:
                link = page.locator(
                    '[data-testid="stSidebarNavLink"]', has_text=t(f"nav.{name}", "ja")
                )
                start = time.perf_counter()
                rerun(page, link.click)
                ready(page, name)
                times[name].append(time.perf_counter() - start)
    finally:
        context.close()
    return {name: statistics.median(values) for name, values in times.items()}


WATCH_NEXT_CLICK = """before => {
  // The typed date is committed when the pointer goes down outside the field. Time, on the
  // page's own clock from that pointerdown, the end of the script run and the first frame with
  // the redrawn chart.
  window.__change = {t0: null, runDone: null, drawn: null};
  const runsBefore = window.__runsFinished;
  const poll = () => {
    const c = window.__change, now = performance.now();
    if (c.runDone === null && window.__runsFinished > runsBefore) c.runDone = now;
    const plot = document.querySelector('[data-testid="stPlotlyChart"]');
    const n = plot ? plot.querySelectorAll('.scatterlayer .point').length : 0;
    if (c.drawn === null && n > 0 && n !== before) c.drawn = now;
    if (c.runDone === null || c.drawn === null) requestAnimationFrame(poll);
  };
  document.addEventListener('pointerdown', () => {
    window.__change.t0 = performance.now();
    requestAnimationFrame(poll);
  }, {capture: true, once: true});
}"""


def filter_changes(browser: Browser, base: str, changes: int) -> list[tuple[float, float]]:
    """(script run finished, chart redrawn) in ms after each committed date change."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.add_init_script(RUN_COUNTER)
    durations = []
    try:
        page = open_app(context.new_page(), base + "/sanctions", charts=2)
        starts = ["2024-01-15", "2023-03-01"]
        for number in range(changes):
            before = helpers.plotted_points(page)
            helpers.type_date(page, 0, starts[number % 2])
            page.evaluate(WATCH_NEXT_CLICK, before)
            helpers.blur(page)
            page.wait_for_function(
                "() => window.__change.runDone !== null && window.__change.drawn !== null"
            )
            change = page.evaluate("() => window.__change")
            durations.append((change["runDone"] - change["t0"], change["drawn"] - change["t0"]))
            wait_for_charts(page, 2)
    finally:
        context.close()
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--changes", type=int, default=12)
    parser.add_argument(
        "--parts", default="loads,filter", help="loads (page loads and switches), filter, or both"
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))

    print(f"load average (1, 5, 15 min) at the start: {os.getloadavg()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-floor-app-") as folder:
        floor_dir = Path(folder)
        (floor_dir / ".streamlit").mkdir()
        shutil.copy(PROJECT / ".streamlit" / "config.toml", floor_dir / ".streamlit")
        floor_script = floor_dir / "floor_app.py"
        csv = PROJECT / "data" / "sanctions_timeline.csv"
        floor_script.write_text(FLOOR_APP.format(csv=str(csv)), encoding="utf-8")
        app = AppServer("bench-app")
        floor = AppServer("bench-floor", script=floor_script)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                app.start()
                floor.start()
                # Warm both servers: caches filled before the clock starts.
                first_visit(browser, app.url + "/", "overview")
                first_visit(browser, floor.url + "/", "floor")
                if "loads" in parts:
                    floor_s = statistics.median(
                        first_visit(browser, floor.url + "/", "floor") for _ in range(args.repeat)
                    )
                    loads = {
                        name: statistics.median(
                            first_visit(browser, app.url + helpers.path(name), name)
                            for _ in range(args.repeat)
                        )
                        for name in helpers.PAGES
                    }
                    switched = switches(browser, app.url, max(2, args.repeat // 2))
                if "filter" in parts:
                    changes = filter_changes(browser, app.url, args.changes)
            finally:
                browser.close()
                app.stop()
                floor.stop()

    if "loads" in parts:
        print_loads(args.repeat, floor_s, loads, switched)
    if "filter" in parts:
        print_changes(changes)
    print(f"\nload average (1, 5, 15 min) at the end: {os.getloadavg()}")


def print_loads(
    repeat: int, floor_s: float, loads: dict[str, float], switched: dict[str, float]
) -> None:
    print(
        f"\nFirst visit to all charts drawn (fresh context, median of {repeat}); "
        f"target <= {LOAD_TARGET}x the floor\n"
    )
    header = f"{'page':<16}{'charts':>7}{'load ms':>9}{'vs floor':>10}{'switch ms':>11}  target"
    print(header)
    print("-" * (len(header) + 2))
    print(f"{'floor (1 chart)':<16}{1:>7}{floor_s * 1000:>9.0f}{1:>9.2f}x{'':>11}")
    for name, seconds in loads.items():
        ratio = seconds / floor_s
        verdict = "ok" if ratio <= LOAD_TARGET else "MISSED"
        print(
            f"{name:<16}{helpers.PAGES[name]:>7}{seconds * 1000:>9.0f}{ratio:>9.2f}x"
            f"{switched[name] * 1000:>11.0f}  {verdict}"
        )


def print_changes(changes: list[tuple[float, float]]) -> None:
    print(f"\nDate filter change on sanctions ({len(changes)} changes, ms after the commit)\n")
    print(f"{'':<22}{'median':>8}{'p90':>8}{'min':>8}{'max':>8}  target")
    for label, values in (
        ("script run finished", [run for run, _ in changes]),
        ("chart redrawn", [drawn for _, drawn in changes]),
    ):
        ms = sorted(values)
        p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
        median = statistics.median(ms)
        verdict = "ok" if median <= FILTER_TARGET_MS else "MISSED"
        target = f"<= {FILTER_TARGET_MS} ms {verdict}" if label == "chart redrawn" else ""
        print(f"{label:<22}{median:>8.0f}{p90:>8.0f}{ms[0]:>8.0f}{ms[-1]:>8.0f}  {target}")


if __name__ == "__main__":
    main()
