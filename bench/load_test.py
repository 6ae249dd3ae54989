"""Load test: 25 concurrent sessions changing the sanctions page's filters for a minute.

    .venv/bin/python bench/load_test.py [--url http://127.0.0.1:8501] [--sessions 25]
        [--duration 60] [--think 0.5 1.5] [--spread-sources]

Why a websocket client and not locust or 25 browsers: a Streamlit rerun is not an HTTP request.
The browser opens one websocket (``/_stcore/stream``), sends a ``BackMsg`` protobuf with the
changed widget's value and receives the rerun's ``ForwardMsg`` deltas until ``script_finished``.
Locust's HTTP users would only fetch static files and never run the script. Twenty-five
Chromium pages would exercise it, but on a 2-core machine their rendering competes with the
server for the CPU and the measured latency would mostly be the client's. So each session here
speaks Streamlit's own protocol over a real websocket (asyncio, one process, a few % of a
core): it sends exactly the message the frontend sends when a date input or the search box
changes (captured from Chromium while writing this test: ``rerun_script`` with every widget's id
and current value), and the server does the same work as for a browser.

Each session opens the page (``rerun_script`` with ``page_name``), then until ``--duration``
is up: waits a think time, changes the start date, the end date or the search text at random,
and waits for the run to finish. Every run is checked: it must finish, show no exception or
error box, and its "N of M" caption must equal the count computed here from data/ for the
session's own filters (so a mix-up between sessions counts as an error). Latency = sending the
change to receiving ``script_finished``, as the browser would (rendering excluded).

``--spread-sources`` binds each session's socket to its own loopback address 127.0.<n>.1, so a
load balancer hashing client addresses (nginx ``ip_hash`` uses the first three octets) sees 25
clients; see bench/scale_out.py. Loopback only; bounded by ``--duration`` and ``--sessions``.
Printed, never asserted; the exit code is 1 if any error occurred.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "src")]

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from dashboard.datasets import read  # noqa: E402
from dashboard.i18n import label  # noqa: E402
from dashboard.selection import sanctions_rows  # noqa: E402
from dashboard.state import default_state  # noqa: E402
from dashboard.views import SANCTIONS  # noqa: E402

PAGE = "sanctions"
RUN_TIMEOUT = 60.0
SHOWING = re.compile(r"(\d+)件中(\d+)件を表示|Showing (\d+) of (\d+)")
WORDS = ["", "oil", "EU", "石油", "price", "Rosneft", "日本"]
ERROR_ALERT = 1  # Alert.Format.ERROR


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed_runs: int = 0


@dataclass
class Run:
    finished: bool
    shown: int | None
    problems: list[str]
    widgets: dict[str, str]


async def run_once(ws: websockets.ClientConnection) -> Run:
    """Read ForwardMsgs until the script run finishes; collect what the checks need."""
    widgets: dict[str, str] = {}
    shown: int | None = None
    problems: list[str] = []
    while True:
        msg = ForwardMsg.FromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT))
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # the run restarted itself (e.g. a page switch): wait for the next end
            ok = msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
            return Run(ok, shown, problems, widgets)
        if kind != "delta" or msg.delta.WhichOneof("type") != "new_element":
            continue
        element = msg.delta.new_element
        which = element.WhichOneof("type")
        inner = getattr(element, which)
        widget_id = getattr(inner, "id", "")
        if widget_id.startswith("$$ID-"):
            widgets[widget_id.split("-", 2)[-1]] = widget_id
        if which == "exception":
            problems.append(f"exception: {element.exception.message[:120]}")
        elif which == "alert" and element.alert.format == ERROR_ALERT:
            problems.append(f"error box: {element.alert.body[:120]}")
        elif which == "markdown" and shown is None:
            match = SHOWING.search(element.markdown.body)
            if match:
                shown = int(match.group(2) or match.group(3))


@dataclass(frozen=True)
class View:
    """What a session has chosen on the page: the dates and the search text."""

    start: date
    end: date
    query: str


def _micros(day: date) -> float:
    return float(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1_000_000)


def rerun_message(page: str, ids: dict[str, str] | None, view: View, shown: View) -> bytes:
    """The BackMsg the frontend sends for ``view`` (``shown`` is the view on screen before).

    Like the browser, it carries every widget's current value, not only the changed one:
    the language switch, the range slider (still showing the previous range: the date input's
    callback moves it), both date inputs, the category pills (all selected, by their labels),
    the presentation switch and the search box.
    """
    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = ""
    if ids is None:
        return message.SerializeToString()
    widgets = message.rerun_script.widget_states.widgets

    def add(key: str):  # type: ignore[no-untyped-def]
        widget = widgets.add()
        widget.id = ids[key]
        return widget

    add("ui_lang").string_array_value.data.append("日本語")
    for name, spec in ((f"{page}.jur", "jurisdiction"), (f"{page}.type", "measure_type")):
        codes = next(f.codes for f in SANCTIONS.filters if f.field == spec)
        add(name).string_array_value.data.extend(label(spec, code, "ja") for code in codes)
    add(f"{page}.present").bool_value = False
    add(f"{page}.range").double_array_value.data.extend([_micros(shown.start), _micros(shown.end)])
    add(f"{page}.from").string_array_value.data.append(view.start.isoformat())
    add(f"{page}.to").string_array_value.data.append(view.end.isoformat())
    add(f"{page}.q").string_value = view.query
    return message.SerializeToString()


class Expected:
    """The 'shown' count for a session's filters, from the same data and selection code."""

    def __init__(self) -> None:
        result = read("sanctions_timeline")
        if result.frame is None:
            raise SystemExit(f"sanctions_timeline is invalid: {result.problems[:3]}")
        self.rows = result.frame
        self.cache: dict[tuple[date, date, str], int] = {}

    def shown(self, view: View) -> int:
        key = (view.start, view.end, view.query)
        if key not in self.cache:
            state = default_state(SANCTIONS).with_(start=view.start, end=view.end)
            in_range = sanctions_rows(self.rows, state)
            # A search over no rows shows 0 (computed apart: filters.search fails on an empty
            # frame, an app bug this test reports when the app hits it).
            searched = state.with_(query=view.query)
            self.cache[key] = len(sanctions_rows(in_range, searched)) if len(in_range) else 0
        return self.cache[key]


async def session(
    number: int, args: argparse.Namespace, expected: Expected, stats: Stats, deadline: float
) -> None:
    rng = random.Random(number)
    host = urlsplit(args.url)
    scheme = "wss" if host.scheme == "https" else "ws"
    options = {"local_addr": (f"127.0.{number + 1}.1", 0)} if args.spread_sources else {}
    view = View(SANCTIONS.start, SANCTIONS.end, "")
    try:
        opened = time.perf_counter()
        async with websockets.connect(
            f"{scheme}://{host.netloc}/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            max_size=None,
            open_timeout=RUN_TIMEOUT,
            **options,
        ) as ws:
            await ws.send(rerun_message(PAGE, None, view, view))
            run = await run_once(ws)
            stats.opens.append(time.perf_counter() - opened)
            check(run, expected.shown(view), number, stats)
            ids = run.widgets
            while time.monotonic() < deadline:
                await asyncio.sleep(rng.uniform(*args.think))
                new = changed(view, rng)
                sent = time.perf_counter()
                await ws.send(rerun_message(PAGE, ids, new, view))
                run = await run_once(ws)
                stats.latencies.append(time.perf_counter() - sent)
                check(run, expected.shown(new), number, stats)
                view = new
    except (OSError, TimeoutError, websockets.WebSocketException, KeyError) as exc:
        stats.errors.append(f"session {number}: {type(exc).__name__}: {exc}")
        stats.failed_runs += 1


def changed(view: View, rng: random.Random) -> View:
    """A user's next change: a new start date, a new end date or a new search word."""
    what = rng.choice(["from", "to", "q"])
    if what == "from":
        days = (view.end - SANCTIONS.lo).days
        return View(SANCTIONS.lo + timedelta(days=rng.randrange(days + 1)), view.end, view.query)
    if what == "to":
        days = (SANCTIONS.hi - view.start).days
        return View(view.start, view.start + timedelta(days=rng.randrange(days + 1)), view.query)
    return View(view.start, view.end, rng.choice([w for w in WORDS if w != view.query]))


def check(run: Run, shown: int, number: int, stats: Stats) -> None:
    before = len(stats.errors)
    if not run.finished:
        stats.errors.append(f"session {number}: the run did not finish successfully")
    stats.errors.extend(f"session {number}: {problem}" for problem in run.problems)
    if run.shown != shown:
        stats.errors.append(f"session {number}: caption shows {run.shown}, expected {shown}")
    if len(stats.errors) > before:
        stats.failed_runs += 1


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def warm(url: str) -> None:
    """Open '/' once, so that the CSVs are validated into the cache before the clock starts."""
    async with websockets.connect(
        f"ws://{urlsplit(url).netloc}/_stcore/stream",
        subprotocols=[websockets.Subprotocol("streamlit")],
        max_size=None,
    ) as ws:
        home = View(SANCTIONS.start, SANCTIONS.end, "")
        await ws.send(rerun_message("", None, home, home))
        await run_once(ws)


async def load(args: argparse.Namespace) -> Stats:
    expected = Expected()
    stats = Stats()
    await warm(args.url)
    deadline = time.monotonic() + args.duration
    await asyncio.gather(
        *(session(n, args, expected, stats, deadline) for n in range(args.sessions))
    )
    return stats


def report(stats: Stats, args: argparse.Namespace, wall: float, cpu: float) -> None:
    ms = [value * 1000 for value in stats.latencies]
    print(
        f"\nLoad: {args.sessions} sessions x {args.duration:.0f} s on {args.url}, "
        f"think {args.think[0]}-{args.think[1]} s, page '{PAGE}'\n"
    )
    print(
        f"{'reruns':>8}{'failed':>8}{'reruns/s':>10}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'max ms':>9}{'open p95 ms':>13}"
    )
    if ms:
        opens = [value * 1000 for value in stats.opens] or [0.0]
        print(
            f"{len(ms):>8}{stats.failed_runs:>8}{len(ms) / wall:>10.1f}"
            f"{statistics.median(ms):>9.0f}{percentile(ms, 0.95):>9.0f}"
            f"{percentile(ms, 0.99):>9.0f}{max(ms):>9.0f}{percentile(opens, 0.95):>13.0f}"
        )
    if stats.errors:
        print(f"\n{len(stats.errors)} problems in {stats.failed_runs} failed runs:")
    kinds = Counter(re.sub(r"^session \d+: ", "", error)[:110] for error in stats.errors)
    for kind, count in kinds.most_common(10):
        print(f"  {count:>5} x {kind}")
    print(f"\nclient CPU {cpu / wall:.0%} of one core; load average {os.getloadavg()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app; default: start one on a free port")
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 1.5))
    parser.add_argument("--spread-sources", action="store_true")
    parser.add_argument(
        "--profile-server",
        action="store_true",
        help="sample the server with py-spy during the load (only for the server started here)",
    )
    args = parser.parse_args()
    if not 1 <= args.sessions <= 200 or not 0 < args.duration <= 600:
        raise SystemExit("bounded on purpose: 1-200 sessions, at most 600 s")

    server = None
    if args.url is None:
        from tests.e2e.harness import AppServer

        server = AppServer("load-test").start()
        args.url = server.url
    if urlsplit(args.url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("loopback only")
    spy = None
    with tempfile.TemporaryDirectory(prefix="load-profile-") as folder:
        stacks = Path(folder) / "stacks.txt"
        try:
            if args.profile_server and server is not None and server.process is not None:
                asyncio.run(warm(args.url))  # imports and first loads out of the profile
                spy = subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "py-spy"),
                        "record",
                        "--format=raw",
                        f"--output={stacks}",
                        "--rate=100",
                        f"--duration={int(args.duration)}",
                        f"--pid={server.process.pid}",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            wall, cpu = time.perf_counter(), time.process_time()
            stats = asyncio.run(load(args))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if spy is not None:
                spy.wait(timeout=60)
        finally:
            if spy is not None and spy.poll() is None:
                spy.terminate()
            if server is not None:
                server.stop()
        report(stats, args, wall, cpu)
        if spy is not None and stacks.exists():
            sys.path.insert(0, str(PROJECT / "bench"))
            from profiling import summarise

            print("\nServer profile during the load (all threads, py-spy):")
            print(summarise(stacks.read_text(encoding="utf-8").splitlines()))
    sys.exit(1 if stats.errors else 0)


if __name__ == "__main__":
    main()
