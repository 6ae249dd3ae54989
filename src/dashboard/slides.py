"""The catalogue of slides: every chart and table the dashboard shows, and the briefing's own
slides (title, summary, key numbers, forecasts, sources), each under a stable key.

The deck, the handout, the HTML briefing, presentation mode and the command line all work from
one ordered list of these keys (``ViewState.deck``, or :data:`DEFAULT_DECK`), so they cannot
disagree. A chart slide is drawn over its own window (the ceasefire track over 2025, GDP from
2014, sanctions from February 2022) with no category filters, unless the briefer chooses "use
my filters" (``mine``), or sets the slide's own window (``ViewState.windows``).

Pure: no Streamlit, so the export runs without a browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from dashboard.chapter import chapter, keypoints
from dashboard.datasets import REGISTRY, read
from dashboard.datasets.core import AS_OF, CHECKED, FIRST_DAY
from dashboard.figures import FIGURES, Figure
from dashboard.i18n import Lang
from dashboard.state import ViewState

Frames = Mapping[str, pd.DataFrame]
Rows = dict[str, pd.DataFrame]
Kind = Literal[
    "title", "summary", "numbers", "chart", "positions", "table", "text", "forecasts", "sources"
]

#: The chapter section a page's charts belong to (sanctions are part of the war economy).
PAGE_SECTION = {
    "ceasefire": "ceasefire",
    "war_economy": "war_economy",
    "sanctions": "war_economy",
    "dprk_russia": "dprk_russia",
    "recommendations": "recommendations",
}
#: Each chapter page's first day: its date range's lower bound (``views``) and where its
#: charts' slides start by default.
PAGE_FROM = {
    "ceasefire": date(2024, 1, 1),
    "war_economy": date(2014, 1, 1),
    "sanctions": date(2022, 2, 1),
    "dprk_russia": date(2023, 1, 1),
    "recommendations": date(2022, 2, 1),
}
#: Charts whose sensible window is not their page's.
CHART_FROM = {
    "ceasefire_timeline": date(2025, 1, 1),
    "territory_gains": date(2024, 1, 1),
    "key_rate": date(2021, 1, 1),
    "economy_defence": date(2021, 1, 1),
    "economy_trade": date(2021, 1, 1),
    "economy_oil": date(2021, 1, 1),
    "economy_prices": date(2021, 1, 1),
    "economy_statements": date(2022, 1, 1),
    "trade_partners": date(2022, 1, 1),
    "dprk_personnel": date(2024, 10, 1),
}
BRIEFING_TITLES = {
    "title": ("表紙", "Title"),
    "summary": ("要旨", "Summary"),
    "numbers": ("主要な数値", "Key numbers"),
    "recommendations": ("日本への政策提言", "Recommendations for Japan"),
    "forecasts": (
        "本章の見通しはどうなったか（編集部追記）",
        "How the chapter's forecasts fared (editors' follow-up)",
    ),
    "sources": ("出典", "Sources"),
}


@dataclass(frozen=True)
class SlideSpec:
    """One slide of the catalogue: its key, what it shows and over which window."""

    key: str
    kind: Kind
    #: The chapter section whose key points and claims go with it (None: the whole chapter).
    section: str | None = None
    #: The figure a chart or table slide draws (a name in ``dashboard.figures.FIGURES``).
    chart: str | None = None
    #: The first day of the slide's own window (chart slides); the window ends at the layer's end.
    start: date | None = None
    #: Shown only with the follow-up layer (the forecasts checked).
    follow_up_only: bool = False

    @property
    def figure_spec(self) -> Figure:
        assert self.chart is not None, self.key
        return FIGURES[self.chart]

    @property
    def datasets(self) -> tuple[str, ...]:
        if self.chart is None:
            return ()
        spec = self.figure_spec
        return (spec.dataset.id, *spec.chart.with_datasets)

    def title(self, lang: Lang) -> str:
        if self.key in BRIEFING_TITLES:
            ja, en = BRIEFING_TITLES[self.key]
            return ja if lang == "ja" else en
        return self.figure_spec.title(lang)

    def section_title(self, lang: Lang) -> str:
        return chapter().section_titles[self.section][lang] if self.section else ""

    def points(self, lang: Lang) -> tuple[str, ...]:
        return keypoints(lang).get(self.section, ()) if self.section else ()

    def window(self, state: ViewState) -> tuple[date, date]:
        """The dates the slide is drawn over in ``state``: the briefer's filters (``mine``),
        the slide's window set in the URL, or its own."""
        if state.mine:
            return state.start, state.end
        if self.key in state.windows:
            return state.windows[self.key]
        end = CHECKED if state.follow_up else AS_OF
        return (self.start or FIRST_DAY), end

    def state_for(self, state: ViewState) -> ViewState:
        """The view the slide is drawn with: with ``mine``, the briefer's; else the slide's own
        window and no category filters, search or Japan view (language and layer kept)."""
        if state.mine:
            return state
        start, end = self.window(state)
        return ViewState(
            lang=state.lang,
            start=start,
            end=end,
            follow_up=state.follow_up,
            since=state.since,
            present=state.present,
            slide=state.slide,
        )

    def select(self, frames: Frames, state: ViewState) -> Rows:
        spec = self.figure_spec
        view = self.state_for(state)
        rows = {spec.dataset.id: spec.select(frames[spec.dataset.id], view)}
        rows.update(spec.select_extra(dict(frames), view))
        return rows

    def figure(self, rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
        spec = self.figure_spec
        extra = {name: rows[name] for name in spec.chart.with_datasets if name in rows}
        return spec.draw(rows[spec.dataset.id], self.state_for(state), lang, extra=extra, wide=True)

    def alt(self, rows: Rows, lang: Lang) -> str:
        """The chart's text alternative: its title and what its rows show (on screen, in
        presentation mode, and as the picture's alt text in the deck and handout)."""
        spec = self.figure_spec
        extra = {name: rows[name] for name in spec.chart.with_datasets if name in rows}
        said = spec.describe(rows[spec.dataset.id], lang, extra)
        title = spec.title(lang)
        return f"{title}。{said}" if lang == "ja" else f"{title}. {said}".strip()


def _chart_slides() -> tuple[SlideSpec, ...]:
    """A slide per declared chart or table, in the chapter's order of pages."""
    out = []
    pages = list(PAGE_FROM)
    ordered = sorted(FIGURES.items(), key=lambda item: pages.index(item[1].dataset.page))
    for name, figure in ordered:
        page = figure.dataset.page
        kind: Kind = "positions" if name == "positions_table" else "chart"
        if figure.chart.table and kind == "chart":
            kind = "table"
        start = CHART_FROM.get(name, PAGE_FROM.get(page))
        if not figure.dataset.filter_by_date:
            start = None
        out.append(SlideSpec(name, kind, section=PAGE_SECTION.get(page), chart=name, start=start))
    return tuple(out)


#: Every slide there is, in the order the deck builder lists them.
CATALOGUE: dict[str, SlideSpec] = {
    spec.key: spec
    for spec in (
        SlideSpec("title", "title"),
        SlideSpec("summary", "summary"),
        SlideSpec("numbers", "numbers"),
        *_chart_slides(),
        SlideSpec("recommendations", "text", section="recommendations"),
        SlideSpec("forecasts", "forecasts", follow_up_only=True),
        SlideSpec("sources", "sources"),
    )
}
#: The briefing as it opens: the chapter's argument, one chart per point, sources last.
DEFAULT_DECK: tuple[str, ...] = (
    "title",
    "summary",
    "numbers",
    "ceasefire_timeline",
    "positions_table",
    "oblast_map",
    "sanctions_counts",
    "gdp_growth",
    "economy_defence",
    "trade_partners",
    "dprk_lanes",
    "dprk_links_map",
    "japan_track",
    "recommendations",
    "sources",
)
#: With the follow-up layer: how the chapter's forecasts fared, before the sources.
FOLLOW_UP_DECK: tuple[str, ...] = (*DEFAULT_DECK[:-1], "forecasts", DEFAULT_DECK[-1])


def deck_keys(state: ViewState) -> tuple[str, ...]:
    """The slides of ``state``'s briefing, in order (a follow-up-only slide only in that layer)."""
    keys = state.deck or (FOLLOW_UP_DECK if state.follow_up else DEFAULT_DECK)
    return tuple(key for key in keys if state.follow_up or not CATALOGUE[key].follow_up_only)


def deck(state: ViewState) -> tuple[SlideSpec, ...]:
    return tuple(CATALOGUE[key] for key in deck_keys(state))


def datasets_of(specs: tuple[SlideSpec, ...] | None = None) -> tuple[str, ...]:
    """The datasets the slides draw (every dataset for the numbers, forecasts and sources)."""
    if specs is None or any(spec.kind in ("numbers", "forecasts") for spec in specs):
        return tuple(REGISTRY)
    return tuple(sorted({name for spec in specs for name in spec.datasets}))


def load_frames(
    dataset_ids: tuple[str, ...] | None = None,
) -> tuple[dict[str, pd.DataFrame], dict[str, list[str]]]:
    """Read datasets (uncached, for scripts): every one by default; problems per failing one."""
    wanted = dataset_ids or tuple(REGISTRY)
    frames: dict[str, pd.DataFrame] = {}
    problems: dict[str, list[str]] = {}
    for dataset_id in wanted:
        result = read(dataset_id)
        if result.ok and result.frame is not None:
            frames[dataset_id] = result.frame
        else:
            problems[dataset_id] = [str(problem) for problem in result.problems]
    return frames, problems


def sources(rows: Rows) -> list[tuple[str, str, str]]:
    """Unique (publisher, title, url) of the rows, in date order of first use."""
    seen: dict[str, tuple[str, str, str]] = {}
    for frame in rows.values():
        for row in frame.itertuples(index=False):
            url = str(row.source_url)
            if url not in seen:
                seen[url] = (str(row.source_publisher), str(row.source_title), url)
    return list(seen.values())
