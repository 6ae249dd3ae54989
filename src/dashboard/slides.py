"""The briefing's sections, in order: what presentation mode steps through and what the deck and
handout contain. Each section has the chapter's title, its key points, and one chart built from
the rows the current view selects. Pure: no Streamlit, so the export runs without a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import selection
from dashboard.chapter import chapter, keypoints
from dashboard.datasets import read
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, t
from dashboard.state import ViewState

Frames = Mapping[str, pd.DataFrame]
Rows = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Section:
    key: str  # a chapter section id (narrative file and key points)
    chart_title: str  # strings.toml key of the chart's title
    datasets: tuple[str, ...]
    select: Callable[[Frames, ViewState], Rows]
    figure: Callable[[Rows, ViewState, Lang], go.Figure]

    def title(self, lang: Lang) -> str:
        return chapter().section_titles[self.key][lang]

    def points(self, lang: Lang) -> tuple[str, ...]:
        return keypoints(lang)[self.key]


def _rows(dataset_id: str, select: Callable[[pd.DataFrame, ViewState], pd.DataFrame]):  # type: ignore[no-untyped-def]
    def pick(frames: Frames, state: ViewState) -> Rows:
        return {dataset_id: select(frames[dataset_id], state)}

    return pick


def _figure(name: str, dataset_id: str) -> Callable[[Rows, ViewState, Lang], go.Figure]:
    def draw(rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
        return FIGURES[name](rows[dataset_id], state, lang)

    return draw


SECTIONS: tuple[Section, ...] = (
    Section(
        "ceasefire", "chart.ceasefire_title", ("ceasefire_talks",),
        _rows("ceasefire_talks", selection.ceasefire_rows),
        _figure("ceasefire_timeline", "ceasefire_talks"),
    ),
    Section(
        "war_economy", "chart.gdp_title", ("russian_gdp",),
        _rows("russian_gdp", selection.gdp_rows), _figure("gdp_growth", "russian_gdp"),
    ),
    Section(
        "dprk_russia", "chart.dprk_title", ("dprk_russia_milestones",),
        _rows("dprk_russia_milestones", selection.dprk_rows),
        _figure("dprk_lanes", "dprk_russia_milestones"),
    ),
    Section(
        "recommendations", "chart.sanctions_counts", ("sanctions_timeline",),
        _rows("sanctions_timeline", selection.sanctions_rows),
        _figure("sanctions_counts", "sanctions_timeline"),
    ),
)  # fmt: skip


def chart_title(section: Section, lang: Lang) -> str:
    return t(section.chart_title, lang)


def load_frames(
    dataset_ids: tuple[str, ...] | None = None,
) -> tuple[dict[str, pd.DataFrame], dict[str, list[str]]]:
    """Read the datasets the sections need (uncached, for scripts); problems per failing dataset."""
    wanted = dataset_ids or tuple(sorted({d for s in SECTIONS for d in s.datasets}))
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
