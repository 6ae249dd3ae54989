"""Pieces the dataset-specific chart builders share: a subplot grid built as plain dicts and
turned into a figure in one constructor call, hover text, notes.

plotly's ``add_trace`` / ``update_*axes`` walk and validate the whole figure at every call;
with several panels that was most of a page's server time. ``Grid`` collects traces, axes,
annotations and shapes as dicts and validates once, in ``figure()``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts import theme
from dashboard.i18n import Lang, format_date


@lru_cache(maxsize=64)
def _grid_json(
    rows: int,
    cols: int,
    titles: tuple[str, ...],
    shared_x: bool,
    vertical_spacing: float,
    horizontal_spacing: float,
    row_heights: tuple[float, ...] | None,
) -> str:
    """plotly's subplot grid (axes, domains, titles) as layout JSON, worked out once per shape."""
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=list(titles) or None,
        shared_xaxes=shared_x,
        vertical_spacing=vertical_spacing,
        horizontal_spacing=horizontal_spacing,
        row_heights=list(row_heights) if row_heights else None,
    )
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # figures take the shared default template
    return json.dumps(layout, default=str)


def grid_layout(
    rows: int,
    cols: int,
    *,
    titles: tuple[str, ...] = (),
    shared_x: bool = False,
    vertical_spacing: float = 0.1,
    horizontal_spacing: float = 0.08,
    row_heights: tuple[float, ...] | None = None,
) -> dict[str, Any]:
    """A fresh copy of the subplot grid's layout (a dict, for one ``go.Figure`` call)."""
    return json.loads(
        _grid_json(rows, cols, titles, shared_x, vertical_spacing, horizontal_spacing, row_heights)
    )


class Grid:
    """A figure of ``rows`` × ``cols`` panels assembled as dicts, validated once at the end."""

    def __init__(
        self,
        rows: int,
        cols: int,
        titles: list[str],
        *,
        shared_x: bool = False,
        vertical_spacing: float = 0.1,
        horizontal_spacing: float = 0.08,
        row_heights: list[float] | None = None,
    ) -> None:
        self.cols = cols
        self.layout = grid_layout(
            rows,
            cols,
            titles=tuple(titles),
            shared_x=shared_x,
            vertical_spacing=vertical_spacing,
            horizontal_spacing=horizontal_spacing,
            row_heights=tuple(row_heights) if row_heights else None,
        )
        for annotation in self.layout.get("annotations", []):  # the panels' titles
            annotation["font"] = {"size": theme.TICK_FONT_SIZE + 1, "color": theme.TEXT}
        self.traces: list[dict[str, Any]] = []

    def _number(self, row: int, col: int) -> int:
        return (row - 1) * self.cols + col

    def refs(self, row: int = 1, col: int = 1) -> tuple[str, str]:
        number = self._number(row, col)
        suffix = "" if number == 1 else str(number)
        return f"x{suffix}", f"y{suffix}"

    def add(self, trace: dict[str, Any], row: int = 1, col: int = 1) -> None:
        xref, yref = self.refs(row, col)
        self.traces.append({**trace, "xaxis": xref, "yaxis": yref})

    def axis(self, kind: str, row: int = 1, col: int = 1, **props: Any) -> None:
        """Set properties of the panel's ``kind`` ("x" or "y") axis."""
        number = self._number(row, col)
        key = f"{kind}axis" if number == 1 else f"{kind}axis{number}"
        self.layout.setdefault(key, {}).update(props)

    def annotation(self, **props: Any) -> None:
        self.layout.setdefault("annotations", []).append(props)

    def vline(self, x: Any, row: int = 1, col: int = 1, **line: Any) -> None:
        """A vertical line across the panel at ``x``."""
        xref, yref = self.refs(row, col)
        self.layout.setdefault("shapes", []).append(
            {
                "type": "line",
                "x0": x,
                "x1": x,
                "xref": xref,
                "yref": f"{yref} domain",
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        )

    def figure(self, lang: Lang, *, height: int, legend: bool = True) -> go.Figure:
        """The figure, legend two entries a row below the plot."""
        self.layout.update(theme.base_layout(lang, height=height))
        self.layout["showlegend"] = legend
        self.layout["legend"] = LEGEND_BELOW
        return go.Figure(data=self.traces, layout=self.layout)


#: Below the plot (a legend above it would cover the first panel's title), two entries a row
#: however long the longest name.
LEGEND_BELOW = {
    "orientation": "h",
    "yanchor": "top",
    "y": -0.08,
    "x": 0,
    "traceorder": "normal",
    "entrywidth": 0.5,
    "entrywidthmode": "fraction",
}


def source_hover(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """ "Source: publisher (published 1 Dec 2025)" for each row."""
    source = "出典" if lang == "ja" else "Source"
    published = "公表" if lang == "ja" else "published"
    out = []
    days = rows["published"] if "published" in rows.columns else [None] * len(rows)
    for publisher, day in zip(rows["source_publisher"], days, strict=True):
        if day is None or day != day:
            out.append(f"{source}: {publisher}")
        elif lang == "ja":
            out.append(f"{source}: {publisher}（{published}：{format_date(day, lang)}）")
        else:
            out.append(f"{source}: {publisher} ({published} {format_date(day, lang)})")
    return out
