"""The briefing's sections, in order: what presentation mode steps through and what the deck and
handout contain. Each section has the chapter's title, its key points, and one chart built from
the rows the current view selects. Pure: no Streamlit, so the export runs without a browser.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import events, selection
from dashboard.chapter import chapter, keypoints
from dashboard.charts import economy, timeline
from dashboard.datasets import dprk_russia_milestones, read, sanctions_timeline
from dashboard.datasets.ceasefire_talks import EVENT_TYPES
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


def _ceasefire_rows(frames: Frames, state: ViewState) -> Rows:
    return {"ceasefire_talks": selection.ceasefire_rows(frames["ceasefire_talks"], state)}


def _ceasefire_figure(rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
    return timeline.event_lanes(
        events.ceasefire(rows["ceasefire_talks"], lang),
        lang,
        field="event_type",
        order=EVENT_TYPES,
        start=state.start,
        end=state.end,
    )


def _economy_rows(frames: Frames, state: ViewState) -> Rows:
    return {"russian_gdp": selection.gdp_rows(frames["russian_gdp"], state)}


def _economy_figure(rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
    return economy.gdp_growth(rows["russian_gdp"], lang)


def _dprk_rows(frames: Frames, state: ViewState) -> Rows:
    return {"dprk_russia_milestones": selection.dprk_rows(frames["dprk_russia_milestones"], state)}


def _dprk_figure(rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
    return timeline.event_lanes(
        events.dprk(rows["dprk_russia_milestones"], lang),
        lang,
        field="domain",
        order=dprk_russia_milestones.DOMAINS,
        start=state.start,
        end=state.end,
    )


def _sanctions_rows(frames: Frames, state: ViewState) -> Rows:
    return {"sanctions_timeline": selection.sanctions_rows(frames["sanctions_timeline"], state)}


def _sanctions_figure(rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
    return timeline.counts_by_period(
        events.sanctions(rows["sanctions_timeline"], lang),
        lang,
        field="jurisdiction",
        order=sanctions_timeline.JURISDICTIONS,
        freq="Q",
    )


SECTIONS: tuple[Section, ...] = (
    Section(
        "ceasefire", "chart.ceasefire_title", ("ceasefire_talks",), _ceasefire_rows,
        _ceasefire_figure,
    ),
    Section("war_economy", "chart.gdp_title", ("russian_gdp",), _economy_rows, _economy_figure),
    Section(
        "dprk_russia", "chart.dprk_title", ("dprk_russia_milestones",), _dprk_rows, _dprk_figure
    ),
    Section(
        "recommendations", "chart.sanctions_counts", ("sanctions_timeline",), _sanctions_rows,
        _sanctions_figure,
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
