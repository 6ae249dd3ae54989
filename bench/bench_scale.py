"""How a timeline rerun grows with the number of events: 1k, 10k, 100k synthetic measures.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,100000] [--repeat 3]

The benchmark makes its own data (never shipped): the real sanctions rows resampled to N rows
with new ids and dates spread over the page's range, so columns, dtypes and text lengths are
the real ones. Per rerun of the sanctions page's timeline it times each step the app does:

* filter: ``dashboard.selection.sanctions_rows`` (date range, jurisdiction and type codes,
  search text) for a 2-year window with two jurisdictions deselected;
* events: ``dashboard.events.sanctions`` (rows -> the shared event shape);
* figure: ``dashboard.charts.timeline.event_lanes`` (the plotly figure);
* json: ``Figure.to_json`` (what ``st.plotly_chart`` serialises and sends);
* page: the whole sanctions page rerun in Streamlit's script runner (AppTest) with the synthetic
  rows in place of the dataset, after a change of the start date (so both charts, the source
  lines and the counts are worked out again): what a user waits for on the server.

Median of ``--repeat`` runs. Target: the page rerun <= 1 s at 100k. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "src"))

from dashboard import events, selection  # noqa: E402
from dashboard.charts import timeline  # noqa: E402
from dashboard.datasets import LoadResult, as_python_strings, read, sanctions_timeline  # noqa: E402
from dashboard.datasets.core import SEARCH_COLUMN, search_text  # noqa: E402
from dashboard.state import default_state  # noqa: E402
from dashboard.views import SANCTIONS  # noqa: E402

TARGET_SECONDS = 1.0


def synthetic(rows: pd.DataFrame, size: int, seed: int = 7) -> pd.DataFrame:
    """``size`` rows drawn from ``rows`` with fresh ids and dates uniform over the page range."""
    rng = np.random.default_rng(seed)
    picked = rows.iloc[rng.integers(0, len(rows), size)].reset_index(drop=True)
    span = (SANCTIONS.hi - SANCTIONS.lo).days
    days = rng.integers(0, span + 1, size)
    picked["date"] = pd.Timestamp(SANCTIONS.lo) + pd.to_timedelta(days, unit="D")
    picked["id"] = pd.array([f"syn_{n:06d}" for n in range(size)], dtype="string")
    # As the loader does once at load time: fold the search text (new ids) and hand text
    # columns over as Python strings.
    picked[SEARCH_COLUMN] = search_text(picked, sanctions_timeline.SEARCH)
    frame = as_python_strings(LoadResult("sanctions_timeline", "synthetic", picked, ())).frame
    assert frame is not None
    return frame


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def page_rerun(frame: pd.DataFrame, repeat: int, lang: str) -> float:
    """Median seconds of a sanctions page rerun after a date change, ``frame`` as the data."""
    import os

    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
    from streamlit.testing.v1 import AppTest

    from dashboard.datasets import LoadResult
    from dashboard.ui import common

    original = common.load
    common.load = lambda dataset_id: (  # type: ignore[assignment]
        LoadResult(dataset_id, "synthetic", frame, ())
        if dataset_id == "sanctions_timeline"
        else original(dataset_id)
    )
    try:
        at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=300)
        at.query_params["lang"] = lang
        at.run()
        at.switch_page("pages/sanctions.py")
        at.run()
        runs = []
        for number in range(repeat):
            day = date(2023, 1, 1) if number % 2 else date(2023, 1, 2)
            at.date_input(key="sanctions.from").set_value(day)
            start = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - start)
            if at.exception:
                raise SystemExit(f"page rerun failed: {at.exception[0].message}")
        return statistics.median(runs)
    finally:
        common.load = original  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    result = read("sanctions_timeline")
    if not result.ok or result.frame is None:
        raise SystemExit(f"sanctions_timeline is invalid: {result.problems[:3]}")
    base = result.frame
    wanted = tuple(j for j in sanctions_timeline.JURISDICTIONS if j not in ("CH", "OTHER"))
    state = default_state(SANCTIONS, args.lang).with_(
        start=date(2023, 1, 1),
        end=date(2024, 12, 31),
        selected={**default_state(SANCTIONS).selected, "jur": wanted},
    )
    searched = state.with_(query="oil")

    print(
        f"\nTimeline rerun vs number of events (median of {args.repeat}; target <= "
        f"{TARGET_SECONDS:.0f} s at 100k)\n"
    )
    header = (
        f"{'events':>8}{'shown':>8}{'filter ms':>11}{'search ms':>11}{'events ms':>11}"
        f"{'figure ms':>11}{'json ms':>9}{'total ms':>10}{'page ms':>9}{'x prev':>8}"
    )
    print(header)
    print("-" * len(header))
    previous = None
    for size in sizes:
        frame = synthetic(base, size)
        filter_s, shown = timed(
            lambda f=frame: selection.select("sanctions_timeline", f, state), args.repeat
        )
        search_s, _ = timed(
            lambda f=frame: selection.select("sanctions_timeline", f, searched), args.repeat
        )
        events_s, lanes = timed(
            lambda s=shown: events.of("sanctions_timeline", s, args.lang), args.repeat
        )
        figure_s, fig = timed(
            lambda e=lanes: timeline.event_lanes(
                e,
                args.lang,
                field="jurisdiction",
                order=sanctions_timeline.JURISDICTIONS,
                start=state.start,
                end=state.end,
            ),
            args.repeat,
        )
        json_s, _ = timed(fig.to_json, args.repeat)
        total = filter_s + events_s + figure_s + json_s
        page_s = page_rerun(frame, args.repeat, args.lang)
        growth = f"{page_s / previous:.1f}" if previous else "-"
        previous = page_s
        print(
            f"{size:>8}{len(shown):>8}{filter_s * 1e3:>11.0f}{search_s * 1e3:>11.0f}"
            f"{events_s * 1e3:>11.0f}{figure_s * 1e3:>11.0f}{json_s * 1e3:>9.0f}"
            f"{total * 1e3:>10.0f}{page_s * 1e3:>9.0f}{growth:>8}"
        )
    print(
        "\ntotal = filter + events + figure + json of the lanes chart; page = the whole page "
        "rerun (both charts, sources, widgets); x prev = page growth. The search column is the "
        "filter with a search word, shown for comparison."
    )


if __name__ == "__main__":
    main()
