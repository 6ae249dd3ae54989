"""Server time per page run, cold and warm, against each page's own framework floor.

    .venv/bin/python bench/bench_pages.py [--repeat 7] [--pages sanctions,war_economy]

Each page runs through Streamlit's AppTest (the same script runner the server uses, in this
process), as a shared link opens it: app.py first, then the page.

* cold: the first run after clearing Streamlit's caches (every CSV read and validated again);
  Python imports are already done, so process start-up is not included.
* warm: a rerun of the same session with nothing changed (what every widget change costs at
  least); three per session.
* floor: a bare script generated into a temp dir for that page: it reads the same CSVs with
  ``pandas.read_csv`` and draws the same figures (the page's own plotly JSON, rebuilt with
  ``plotly.io.from_json``) with ``st.plotly_chart``, and nothing else.
* sidebar: a script that draws only the page's sidebar (``controls.page_state``), to show how
  much of a warm run is the widgets every view carries.

Each timed run starts after ``gc.collect()``. Medians of ``--repeat`` runs; ratio = warm / floor
(target <= 1.2x). Printed, never asserted.
``--profile PAGE`` instead samples 10 s of warm reruns of that page with py-spy (all threads:
AppTest runs the script in its own thread) and prints where the script thread spends its time.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "src")]

os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest outside a server is chatty
import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard.datasets import cached  # noqa: E402
from dashboard.paths import DATA_DIR  # noqa: E402

sys.path.insert(0, str(PROJECT / "bench"))
from profiling import summarise  # noqa: E402

PAGES = [
    "overview",
    "ceasefire",
    "war_economy",
    "sanctions",
    "dprk_russia",
    "recommendations",
    "data_sources",
]
TARGET = 1.2
#: Warm reruns timed per session (and floor runs per repeat), so medians rest on more runs.
WARM_RUNS = 3
TIMEOUT = 120

FLOOR = '''"""Floor for the {page} page: read its CSVs, draw its figures, nothing else."""
import pandas as pd
import plotly.io as pio
import streamlit as st

for csv in {csvs!r}:
    pd.read_csv(csv)
for spec in {specs!r}:
    with open(spec, encoding="utf-8") as handle:
        st.plotly_chart(pio.from_json(handle.read()), width="stretch")
'''


SIDEBAR = '''"""The {page} page's sidebar alone: language, presentation switch, filters, exports."""
import sys

sys.path[:0] = {paths!r}
from dashboard.ui import controls
from dashboard.views import BY_PAGE

controls.page_state(BY_PAGE[{page!r}])
'''


def make_sidebar(page: str, folder: Path) -> Path:
    """A script that draws only ``page``'s sidebar (the widgets every view carries)."""
    script = folder / f"sidebar_{page}.py"
    paths = [str(PROJECT), str(PROJECT / "src")]
    script.write_text(SIDEBAR.format(page=page, paths=paths), encoding="utf-8")
    return script


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        at.run()
    return at


def clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def seconds(action: Callable[[], object]) -> float:
    gc.collect()  # every timed run (page or floor) starts with the same collector state
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def check(at: AppTest, page: str) -> None:
    if at.exception:
        raise SystemExit(f"{page}: exception {[e.message for e in at.exception]}")


def datasets_read(page: str) -> list[str]:
    """The dataset ids a cold run of ``page`` reads (recorded around the loader)."""
    seen: list[str] = []
    original = cached.read

    def recording(dataset_id: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(dataset_id)
        return original(dataset_id, *args, **kwargs)

    cached.read = recording  # type: ignore[assignment]
    try:
        clear_caches()
        check(open_page(page), page)
    finally:
        cached.read = original  # type: ignore[assignment]
    return sorted(set(seen))


def make_floor(page: str, folder: Path) -> tuple[Path, int]:
    """Write the floor script of ``page`` (and its figures' JSON) into ``folder``."""
    at = open_page(page)
    check(at, page)
    specs = []
    for number, chart in enumerate(at.get("plotly_chart")):
        spec = folder / f"{page}.{number}.json"
        spec.write_text(chart.proto.spec, encoding="utf-8")
        specs.append(str(spec))
    csvs = [str(DATA_DIR / f"{dataset_id}.csv") for dataset_id in datasets_read(page)]
    script = folder / f"floor_{page}.py"
    script.write_text(FLOOR.format(page=page, csvs=csvs, specs=specs), encoding="utf-8")
    return script, len(specs)


def measure_page(page: str, repeat: int) -> tuple[float, float]:
    """(cold, warm) median seconds of a page run."""
    cold, warm = [], []
    for _ in range(repeat):
        clear_caches()
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=TIMEOUT)
        if page == "overview":
            cold.append(seconds(at.run))
        else:
            at.run()
            clear_caches()
            at.switch_page(f"pages/{page}.py")
            cold.append(seconds(at.run))
        check(at, page)
        for _ in range(WARM_RUNS):
            warm.append(seconds(at.run))
            check(at, page)
    return statistics.median(cold), statistics.median(warm)


def measure_floor(script: Path, repeat: int) -> float:
    at = AppTest.from_file(str(script), default_timeout=TIMEOUT)
    at.run()  # the first run imports pandas/plotly into the script's module; not counted
    runs = []
    for _ in range(repeat * WARM_RUNS):
        runs.append(seconds(at.run))
        check(at, script.stem)
    return statistics.median(runs)


def rerun_loop(page: str, seconds_: float) -> None:
    """Open ``page`` (cold), say READY, then rerun it warm for ``seconds_`` (profiling target)."""
    at = open_page(page)
    check(at, page)
    at.run()
    print("READY", flush=True)
    end = time.monotonic() + seconds_
    while time.monotonic() < end:
        at.run()


def profile(page: str, duration: int = 10) -> None:
    """Sample warm reruns with py-spy; print inclusive and self time per function."""
    loop = subprocess.Popen(
        [sys.executable, __file__, "--rerun-loop", page, "--seconds", str(duration + 5)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert loop.stdout is not None
        while loop.stdout.readline().strip() != "READY":
            if loop.poll() is not None:
                raise SystemExit("the rerun loop ended before it was ready")
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
            raw = Path(folder) / "stacks.txt"
            spy = Path(sys.executable).parent / "py-spy"
            subprocess.run(
                [
                    str(spy),
                    "record",
                    "--format=raw",
                    f"--output={raw}",
                    "--rate=250",
                    f"--duration={duration}",
                    f"--pid={loop.pid}",
                ],
                check=True,
                capture_output=True,
            )
            stacks = raw.read_text(encoding="utf-8").splitlines()
    finally:
        loop.terminate()
        loop.wait()
    in_script = lambda frames: any("exec_func_with_error_handling" in f for f in frames)  # noqa: E731
    print(f"\nWarm reruns of {page}, the script thread:")
    print(summarise(stacks, in_script))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--profile", metavar="PAGE", choices=PAGES)
    parser.add_argument("--rerun-loop", metavar="PAGE", choices=PAGES, help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=15, help=argparse.SUPPRESS)
    args = parser.parse_args()
    pages = [page for page in args.pages.split(",") if page]
    if args.rerun_loop:
        rerun_loop(args.rerun_loop, args.seconds)
        return
    if args.profile:
        profile(args.profile)
        return

    open_page("overview")  # imports and first-use costs out of the way
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as folder:
        for page in pages:
            script, charts = make_floor(page, Path(folder))
            cold, warm = measure_page(page, args.repeat)
            floor = measure_floor(script, args.repeat)
            sidebar = measure_floor(make_sidebar(page, Path(folder)), args.repeat)
            rows.append((page, charts, cold, warm, floor, sidebar, warm / floor))
            print(f"  measured {page}", file=sys.stderr)

    print(
        f"\nServer time per page run (AppTest, median of {args.repeat}), target warm/floor "
        f"<= {TARGET}x\n"
    )
    header = f"{'page':<16}{'charts':>7}{'cold ms':>10}{'warm ms':>10}{'floor ms':>10}"
    header += f"{'sidebar ms':>12}{'warm/floor':>12}  target  {'(warm-sidebar)/floor':>20}"
    print(header)
    print("-" * len(header))
    for page, charts, cold, warm, floor, sidebar, ratio in rows:
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(
            f"{page:<16}{charts:>7}{cold * 1000:>10.0f}{warm * 1000:>10.0f}"
            f"{floor * 1000:>10.0f}{sidebar * 1000:>12.0f}{ratio:>11.2f}x  {verdict:<6}"
            f"{(warm - sidebar) / floor:>21.2f}x"
        )
    print(
        "\nsidebar = the page's sidebar drawn alone (language switch, presentation switch, "
        "date range, filters, search, deck and handout buttons), which every view carries and "
        "the floor does not; the last column is the page without it against the floor."
    )


if __name__ == "__main__":
    main()
