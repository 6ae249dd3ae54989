"""Marks a figure for the follow-up layer and for "new since": pure, on any built figure.

With the follow-up layer on, every date axis that reaches past the chapter's cut-off gets a
shaded band, framed by a dotted line, from the cut-off to the end of the view, and the figure
one legend entry, 「本章脱稿後（編集部追記）」, so nothing after 31 December 2025 can be read as
the chapter's. Marks of the follow-up layer inside the chapter's period get a thick edge
(``edges``, used by the builders). A "since" day draws a dashed line where the new rows begin.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.datasets.core import AS_OF
from dashboard.i18n import Lang, format_date, t

#: The band's fill: a light blue under the marks (the marks keep their own colours), framed by
#: a dotted dark-blue line (7.0:1 on white) that starts at the cut-off.
BAND_FILL = "rgba(0, 90, 140, 0.12)"
BAND_EDGE = "#005A8C"
#: The legend's swatch of the band: the same blue, strong enough to see at 14 px.
LEGEND_FILL = "rgba(0, 90, 140, 0.30)"
#: The band's and the "since" line's shapes carry no legend group: a legend group switches a
#: horizontal legend to plotly's grouped order, one entry a row, and squeezes the plot.


_ISO = re.compile(r"^\d{4}-\d{2}")


def _is_date(value: object) -> bool:
    """A date mark's x: a timestamp, a date or an ISO date string (never a number or a
    category label such as a year or a country)."""
    if isinstance(value, (pd.Timestamp, date, np.datetime64)):
        return True
    return isinstance(value, str) and bool(_ISO.match(value))


def _date_extent(fig: go.Figure) -> dict[str, pd.Timestamp]:
    """Each x axis that holds dates: the latest date a trace on it draws."""
    latest: dict[str, pd.Timestamp] = {}
    for trace in fig.data:
        xs = getattr(trace, "x", None)
        if xs is None:
            continue
        values = [value for value in list(xs) if value is not None]
        if not values or not _is_date(values[0]):
            continue
        top = pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").max()
        if pd.isna(top):
            continue
        ref = getattr(trace, "xaxis", None) or "x"
        if ref not in latest or top > latest[ref]:
            latest[ref] = top
    return latest


def _y_of(fig: go.Figure, xref: str) -> str:
    for trace in fig.data:
        if (getattr(trace, "xaxis", None) or "x") == xref:
            return getattr(trace, "yaxis", None) or "y"
    return "y"


def _across(fig: go.Figure, ref: str, **shape: Any) -> None:
    """A shape on x axis ``ref`` spanning its plot's full height."""
    fig.add_shape(xref=ref, yref=f"{_y_of(fig, ref)} domain", y0=0, y1=1, **shape)


def _legend_only(name: str, rank: int, **style: Any) -> go.Scatter:
    """A legend entry without marks. Shapes get their legend entries from blank traces:
    plotly lays out a shape's own entry apart from the traces' (one entry a row in a legend
    of two a row)."""
    return go.Scatter(
        x=[None], y=[None], name=name, showlegend=True, legendrank=rank, hoverinfo="skip", **style
    )


def mark_follow_up(fig: go.Figure, lang: Lang, end: date) -> go.Figure:
    """Shade every date axis after the cut-off up to ``end`` (the view's end) where the figure
    draws anything after the cut-off; add the layer's legend entry once. Returns ``fig``."""
    cutoff = pd.Timestamp(AS_OF) + timedelta(hours=12)
    axes = {ref: top for ref, top in _date_extent(fig).items() if top > pd.Timestamp(AS_OF)}
    if not axes:
        return fig
    # Two short lines, as wide as the charts' other legend entries (a hand-sized legend of
    # two entries a row keeps its shape).
    label = t("layer.legend", lang).replace("（", "<br>（").replace(" (", "<br>(")
    for ref, top in sorted(axes.items()):
        right = max(pd.Timestamp(end) + timedelta(hours=12), top + timedelta(days=1))
        _across(
            fig,
            ref,
            type="rect",
            x0=cutoff,
            x1=right,
            fillcolor=BAND_FILL,
            line={"color": BAND_EDGE, "width": 1.5, "dash": "dot"},
            layer="below",
            name=label,
        )
    marker = {"symbol": "square", "size": 14, "color": LEGEND_FILL}
    marker["line"] = {"color": BAND_EDGE, "width": 1.5}
    fig.add_trace(_legend_only(label, 1, mode="markers", marker=marker))
    return fig


def mark_since(fig: go.Figure, lang: Lang, since: date) -> go.Figure:
    """A dashed line at the "since" day on every date axis whose data reach past it, and one
    legend entry (a blank trace, as for the band)."""
    day = pd.Timestamp(since) + timedelta(hours=12)
    axes = [ref for ref, top in sorted(_date_extent(fig).items()) if top > day]
    name = t("layer.since_line", lang, date=format_date(since, lang))
    dashed = {"color": theme.TEXT, "width": 1.5, "dash": "dash"}
    for ref in axes:
        _across(fig, ref, type="line", x0=day, x1=day, line=dashed, name=name)
    if axes:
        fig.add_trace(_legend_only(name, 2, mode="lines", line=dashed))
    return fig


#: The column ``Figure.draw`` adds in the follow-up view: True for a row of the follow-up layer.
LATE = "_late"
#: A follow-up mark's edge: thick and dark blue (7.0:1 on white), the band's colour.
LATE_EDGE_WIDTH = 3.0


def late_flags(rows: pd.DataFrame) -> list[bool]:
    """Per row, whether it belongs to the follow-up layer (all False in the chapter's view)."""
    if LATE not in rows.columns:
        return [False] * len(rows)
    return [bool(value) for value in rows[LATE]]


def any_late(rows: pd.DataFrame) -> bool:
    return LATE in rows.columns and bool(rows[LATE].any())


def edges(rows: pd.DataFrame, base: dict[str, Any]) -> dict[str, Any]:
    """A marker line that keeps ``base`` for the chapter's rows and draws the follow-up layer's
    with a thick dark-blue edge (a figure published after the cut-off inside the chapter's
    period, such as the 2025 full year, is told apart by its edge)."""
    return edges_for(late_flags(rows), base)


def edges_for(flags: list[bool], base: dict[str, Any]) -> dict[str, Any]:
    """``edges`` for marks already flagged one by one (a line with gaps, a count's periods)."""
    if not any(flags):
        return base
    return {
        "color": [BAND_EDGE if late else base.get("color", "#333333") for late in flags],
        "width": [LATE_EDGE_WIDTH if late else base.get("width", 0.8) for late in flags],
    }


def legend_entry(lang: Lang, *, kind: str = "bar") -> dict[str, Any]:
    """The legend's entry for the follow-up layer's marks (a blank mark with the thick edge)."""
    trace: dict[str, Any] = {
        "type": kind,
        "x": [None],
        "y": [None],
        "name": t("layer.legend_marks", lang),
        "showlegend": True,
        "legendrank": 1,
        "marker": {"color": "#ffffff", "line": {"color": BAND_EDGE, "width": LATE_EDGE_WIDTH}},
    }
    if kind == "scatter":
        trace.update(mode="markers", marker={**trace["marker"], "size": 12, "symbol": "square"})
    return trace
