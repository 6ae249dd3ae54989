"""Resident memory of the app server with 1 and with 20 browser sessions open.

    .venv/bin/python bench/bench_memory.py [--sessions 20]

Starts the app on a loopback port and reads the server process's VmRSS from /proc/<pid>/status
(the server is one process; Streamlit runs sessions as threads): after start-up, with one
Chromium session open on the overview, then with ``--sessions`` sessions open (each its own
browser context, spread over the seven pages, each page fully drawn), and after all are closed.
Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "src")]

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e import helpers  # noqa: E402
from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, RUN_COUNTER, AppServer, open_app  # noqa: E402

SETTLE_SECONDS = 3


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def settled(pid: int) -> float:
    time.sleep(SETTLE_SECONDS)
    return rss_mib(pid)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()

    server = AppServer("bench-memory").start()
    assert server.process is not None
    pid = server.process.pid
    rows = [("server started, no session", 0, settled(pid))]
    pages = list(helpers.PAGES)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            contexts = []
            for number in range(args.sessions):
                context = browser.new_context(viewport={"width": 1280, "height": 1000})
                context.add_init_script(RUN_COUNTER)
                name = "overview" if number == 0 else pages[number % len(pages)]
                open_app(
                    context.new_page(),
                    server.url + helpers.path(name),
                    charts=helpers.PAGES[name],
                    timeout=90_000,
                )
                contexts.append(context)
                if number == 0:
                    rows.append(("1 session (overview)", 1, settled(pid)))
            rows.append((f"{args.sessions} sessions (all pages)", args.sessions, settled(pid)))
            for context in contexts:
                context.close()
            browser.close()
        # Streamlit drops a session's state a short while after its websocket closes.
        rows.append(("all sessions closed", 0, settled(pid) if SETTLE_SECONDS else 0))
    finally:
        server.stop()

    print("\nServer resident memory (VmRSS from /proc)\n")
    print(f"{'state':<30}{'sessions':>9}{'RSS MiB':>10}")
    print("-" * 49)
    for state, sessions, mib in rows:
        print(f"{state:<30}{sessions:>9}{mib:>10.1f}")
    one, many = rows[1][2], rows[2][2]
    if args.sessions > 1:
        per = (many - one) / (args.sessions - 1)
        print(f"\nper additional session: {per:.1f} MiB")
    print(f"load average (1, 5, 15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
