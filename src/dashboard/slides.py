"""The briefing's sections, in order: what presentation mode steps through and what the deck and
handout contain. Each section has the chapter's title, its key points, and one chart built from
the rows the current view selects. Pure: no Streamlit, so the export runs without a browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.chapter import chapter, keypoints
from dashboard.datasets import read
from dashboard.figures import FIGURES, Figure
from dashboard.i18n import Lang
from dashboard.state import ViewState

Frames = Mapping[str, pd.DataFrame]
Rows = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Section:
    """A chapter section (narrative file and key points) and the chart its slide shows."""

    key: str
    chart: str  # a name in dashboard.figures.FIGURES

    @property
    def figure_spec(self) -> Figure:
        return FIGURES[self.chart]

    def title(self, lang: Lang) -> str:
        return chapter().section_titles[self.key][lang]

    def points(self, lang: Lang) -> tuple[str, ...]:
        return keypoints(lang)[self.key]

    @property
    def datasets(self) -> tuple[str, ...]:
        spec = self.figure_spec
        return (spec.dataset.id, *spec.chart.with_datasets)

    def select(self, frames: Frames, state: ViewState) -> Rows:
        spec = self.figure_spec
        rows = {spec.dataset.id: spec.select(frames[spec.dataset.id], state)}
        rows.update(spec.select_extra(dict(frames), state))
        return rows

    def figure(self, rows: Rows, state: ViewState, lang: Lang) -> go.Figure:
        spec = self.figure_spec
        extra = {name: rows[name] for name in spec.chart.with_datasets if name in rows}
        return spec.draw(rows[spec.dataset.id], state, lang, extra=extra, wide=True)

    def alt(self, rows: Rows, lang: Lang) -> str:
        """The chart's text alternative: its title and what its rows show (on screen, in
        presentation mode, and as the picture's alt text in the deck and handout)."""
        spec = self.figure_spec
        extra = {name: rows[name] for name in spec.chart.with_datasets if name in rows}
        said = spec.describe(rows[spec.dataset.id], lang, extra)
        title = chart_title(self, lang)
        return f"{title}。{said}" if lang == "ja" else f"{title}. {said}".strip()


SECTIONS: tuple[Section, ...] = (
    Section("ceasefire", "ceasefire_timeline"),
    Section("war_economy", "gdp_growth"),
    Section("dprk_russia", "dprk_lanes"),
    Section("recommendations", "japan_track"),
)


def chart_title(section: Section, lang: Lang) -> str:
    return section.figure_spec.title(lang)


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
