"""How long the briefing exports take, against baselines measured in the same run.

    .venv/bin/python bench/bench_briefing.py [--repeat 3] [--lang ja]

Prints a table of median wall-clock times: the whole deck and handout as a user gets them
(starting Chromium included), the same with a renderer already running, each section's chart,
and two baselines: a bare kaleido render of a small plotly figure on the running renderer, and a
bare python-pptx deck with one blank slide. Ratios are to the baseline named in their row.
Targets: the whole default deck under 8 s and the HTML briefing under 3 s on the 2-core
machine (the follow-up layer's deck, with its forecasts slide, is timed too; the HTML
briefing's baseline is plotly's own ``to_html`` of one small figure with plotly.js inline).
Printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
from pptx import Presentation

from dashboard.briefing import ChartRenderer, build_deck, build_handout, build_html, compose
from dashboard.briefing.deck import chart_size, deck_from
from dashboard.briefing.images import decorate
from dashboard.slides import load_frames
from dashboard.state import default_state
from dashboard.views import BRIEFING

TARGET_DECK_SECONDS = 8.0
TARGET_HTML_SECONDS = 3.0


def timed(action: Callable[[], Any], repeat: int) -> float:
    """The median seconds of ``repeat`` runs of ``action``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bare_pptx() -> bytes:
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    args = parser.parse_args()
    lang, repeat = args.lang, args.repeat

    frames, problems = load_frames()
    if problems:
        raise SystemExit(f"data problems: {problems}")
    state = default_state(BRIEFING, lang)
    width, height = chart_size()
    rows: list[tuple[str, float, str]] = []

    rows.append(("bare python-pptx deck, one blank slide", timed(bare_pptx, repeat), ""))
    cold_start = timed(lambda: ChartRenderer().start().close(), repeat)
    rows.append(("start Chromium + plotly.js (and stop)", cold_start, ""))
    deck_cold = timed(lambda: build_deck(state, lang, frames), repeat)
    rows.append(("WHOLE DECK, as the user gets it", deck_cold, "target < 8 s"))
    rows.append(
        (
            "whole handout, as the user gets it",
            timed(lambda: build_handout(state, lang, frames), repeat),
            "",
        )
    )
    latest = state.with_(follow_up=True, end=BRIEFING.end_for(True))
    deck_latest = timed(lambda: build_deck(latest, lang, frames), repeat)
    rows.append(
        (
            "whole deck, follow-up layer (asof=latest)",
            deck_latest,
            f"{deck_latest / deck_cold:.2f}x the default deck",
        )
    )

    with ChartRenderer() as renderer:
        small = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
        bare = timed(
            lambda: renderer.render(small, "png", width=width, height=height, scale=2), repeat
        )
        rows.append(("bare kaleido render, one small figure", bare, "baseline"))
        briefing = compose(state, lang, frames)
        for section in briefing.slides:
            if section.kind != "chart" or section.figure is None:
                continue
            figure = section.figure

            def one(figure: go.Figure = figure, section: Any = section) -> bytes:
                decorated = decorate(
                    figure,
                    title=section.chart_title,
                    sources=section.publishers,
                    lang=lang,
                    width=width,
                    height=height,
                )
                return renderer.render(decorated, "png", width=width, height=height, scale=2)

            per_chart = timed(one, repeat)
            rows.append(
                (f"chart: {section.key}", per_chart, f"{per_chart / bare:.1f}x bare render")
            )
        warm = timed(lambda: build_deck(state, lang, frames, renderer=renderer), repeat)
        rows.append(("deck, renderer already running", warm, ""))
        rows.append(
            (
                "handout, renderer already running",
                timed(lambda: build_handout(state, lang, frames, renderer=renderer), repeat),
                "",
            )
        )

    small = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
    html_base = timed(lambda: small.to_html(include_plotlyjs=True, full_html=True), repeat)
    rows.append(("plotly to_html, one small figure + plotly.js", html_base, "baseline"))
    html = timed(lambda: build_html(state, lang, frames), repeat)
    verdict = "OK" if html < TARGET_HTML_SECONDS else "OVER"
    rows.append(
        (
            "HTML BRIEFING, whole default list",
            html,
            f"{verdict}: target < {TARGET_HTML_SECONDS:g} s; {html / html_base:.1f}x baseline",
        )
    )
    text_only = timed(lambda: deck_from(compose(state, lang, frames), {}), repeat)
    pptx_base = rows[0][1]
    rows.append(
        ("deck text only (no pictures)", text_only, f"{text_only / pptx_base:.0f}x bare pptx")
    )
    rows[2] = (
        rows[2][0],
        deck_cold,
        f"{'OK' if deck_cold < TARGET_DECK_SECONDS else 'OVER'}: target < "
        f"{TARGET_DECK_SECONDS:g} s; {deck_cold / cold_start:.1f}x Chromium start",
    )

    print(f"briefing exports, lang={lang}, median of {repeat} run(s)\n")
    print(f"{'what':<42} {'seconds':>8}  note")
    print(f"{'-' * 42} {'-' * 8}  {'-' * 36}")
    for name, seconds, note in rows:
        print(f"{name:<42} {seconds:>8.3f}  {note}")


if __name__ == "__main__":
    main()
