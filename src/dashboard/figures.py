"""The dashboard's figures by name: filtered rows + view state + language -> plotly Figure.

Every chart a dataset declares (``Dataset.charts``) is here under its name, drawn by the builder
it names (``"module:function"`` under ``dashboard.charts``). Pure (no Streamlit): the app's
panels, presentation mode and the briefing export all draw through these, so a chart looks the
same on screen, on a slide and in a handout.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard import selection
from dashboard.charts import layer
from dashboard.charts.timeline import KEY_LIST_WIDE_PX
from dashboard.datasets import REGISTRY, Dataset
from dashboard.datasets.spec import Chart
from dashboard.i18n import Lang
from dashboard.state import ViewState


@dataclass(frozen=True)
class Figure:
    """A declared chart with the dataset it belongs to."""

    dataset: Dataset
    chart: Chart

    @property
    def name(self) -> str:
        return self.chart.name

    def title(self, lang: Lang) -> str:
        return self.chart.title[0] if lang == "ja" else self.chart.title[1]

    def select(self, rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
        """The rows the chart shows: the view's filters, then the chart's own limits."""
        return selection.select(self.dataset.id, rows, state, self.chart.where)

    def select_extra(
        self, frames: dict[str, pd.DataFrame], state: ViewState
    ) -> dict[str, pd.DataFrame]:
        """The chart's other datasets, selected by the same view."""
        return {
            name: selection.select(name, frames[name], state)
            for name in self.chart.with_datasets
            if name in frames
        }

    def draw(
        self,
        rows: pd.DataFrame,
        state: ViewState,
        lang: Lang,
        overlays: pd.DataFrame | None = None,
        extra: dict[str, pd.DataFrame] | None = None,
        *,
        wide: bool = False,
    ) -> Any:
        """The figure (or, for a table chart, the DataFrame) of already selected ``rows``;
        ``extra``: the chart's other datasets (``Chart.with_datasets``), already selected;
        ``wide``: drawn across a slide or page, not in the column beside the text."""
        build, accepted = _builder(self.chart.builder)
        if state.follow_up:  # builders edge the follow-up layer's marks (charts.layer.edges)
            rows = rows.assign(**{layer.LATE: selection.after_cutoff(self.dataset, rows)})
        context = {
            "dataset": self.dataset,
            "start": state.start,
            "end": state.end,
            "overlays": overlays,
            "extra": extra or {},
            "key_list_px": KEY_LIST_WIDE_PX if wide else None,
        }
        options = {name: value for name, value in context.items() if name in accepted}
        drawn = build(rows, lang, **options, **self.chart.options)
        if isinstance(drawn, go.Figure):
            if state.follow_up:
                layer.mark_follow_up(drawn, lang, state.end)
            if state.since:
                layer.mark_since(drawn, lang, state.since)
        return drawn

    def describe(
        self, rows: pd.DataFrame, lang: Lang, extra: dict[str, pd.DataFrame] | None = None
    ) -> str:
        """One or two sentences on what the chart of ``rows`` shows (its text alternative);
        empty for a chart with no describer (a table, which a screen reader reads itself)."""
        from dashboard.charts.alt import DESCRIBERS

        describer = DESCRIBERS.get(self.chart.builder)
        if describer is None or rows.empty:
            return ""
        return describer(rows, lang, dataset=self.dataset, extra=extra or {}, **self.chart.options)


@cache
def _builder(path: str) -> tuple[Callable[..., Any], frozenset[str]]:
    """``"timeline:lanes"`` -> ``dashboard.charts.timeline.lanes`` and its keyword names."""
    module_name, _, function_name = path.partition(":")
    function = getattr(importlib.import_module(f"dashboard.charts.{module_name}"), function_name)
    return function, frozenset(inspect.signature(function).parameters)


FIGURES: dict[str, Figure] = {
    chart.name: Figure(spec, chart) for spec in REGISTRY.values() for chart in spec.charts
}


def build(name: str, rows: pd.DataFrame, state: ViewState, lang: Lang) -> go.Figure:
    """The named chart of ``rows`` (already selected for ``state``)."""
    return FIGURES[name].draw(rows, state, lang)
