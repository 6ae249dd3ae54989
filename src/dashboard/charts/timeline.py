"""Event timelines: one marker per event on a date axis, one row (lane) per category."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import Lang, format_date, label, t


def _hover(events: pd.DataFrame, lang: Lang) -> list[list[str]]:
    source = t("chart.hover_source", lang)
    return [
        [
            format_date(row.date, lang),
            _wrap(row.title),
            _wrap(row.detail, 90),
            f"{source}: {row.source}",
            row.id,
        ]
        for row in events.itertuples(index=False)
    ]


def _wrap(text: str, width: int = 60) -> str:
    """Break long hover text into lines (plotly hover labels do not wrap by themselves)."""
    text = str(text)
    if len(text) <= width:
        return text
    lines, line = [], ""
    for char in text:
        line += char
        if len(line) >= width and (char in " 、。，," or not char.isascii()):
            lines.append(line.strip())
            line = ""
    if line.strip():
        lines.append(line.strip())
    return "<br>".join(lines[:4]) + ("…" if len(lines) > 4 else "")


HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>%{customdata[0]}<br>%{customdata[2]}<br>"
    "<i>%{customdata[3]}</i><extra>%{customdata[4]}</extra>"
)


def event_lanes(
    events: pd.DataFrame,
    lang: Lang,
    *,
    field: str,
    order: Sequence[str],
    lane_column: str = "group",
    title: str | None = None,
    start: object = None,
    end: object = None,
) -> go.Figure:
    """Events as markers on a date axis, one lane per code of ``lane_column`` in ``order``.

    ``field`` names the code family whose labels and colours are used (``jurisdiction``,
    ``domain``, ``event_type`` or ``lane``). Lanes with no events are left out.
    """
    fig = go.Figure()
    present = [code for code in order if code in set(events[lane_column])]
    for position, code in enumerate(present):
        lane = events[events[lane_column] == code]
        name = label(field, code, lang)
        fig.add_trace(
            go.Scatter(
                x=lane["date"],
                y=[name] * len(lane),
                mode="markers",
                name=name,
                marker={
                    "size": 15,
                    "color": theme.colour(field, code),
                    "symbol": theme.symbol(position),
                    "line": {"width": 1, "color": "#333333"},
                    "opacity": 0.9,
                },
                customdata=_hover(lane, lang),
                hovertemplate=HOVER_TEMPLATE,
                ids=lane["id"].tolist(),
            )
        )
    labels = [label(field, code, lang) for code in present]
    height = max(260, 90 + 62 * len(present))
    theme.apply(fig, lang, title=title, height=height)
    fig.update_yaxes(
        categoryorder="array", categoryarray=list(reversed(labels)), showgrid=True, title=None
    )
    theme.date_axis(fig, lang, title=None)
    if start is not None and end is not None:
        pad = pd.Timedelta(days=10)
        fig.update_xaxes(range=[pd.Timestamp(start) - pad, pd.Timestamp(end) + pad])
    fig.update_layout(showlegend=False)
    return fig


def counts_by_period(
    events: pd.DataFrame,
    lang: Lang,
    *,
    field: str,
    order: Sequence[str],
    freq: str = "Q",
    title: str | None = None,
) -> go.Figure:
    """Stacked bars: events per quarter (``freq="Q"``) or year (``"Y"``), by category."""
    fig = go.Figure()
    if len(events):
        periods = events["date"].dt.to_period(freq)
        table = (
            events.assign(period=periods)
            .groupby(["period", "group"], observed=True)
            .size()
            .unstack(fill_value=0)
        )
        full = pd.period_range(periods.min(), periods.max(), freq=freq)
        table = table.reindex(full, fill_value=0)
        ticks = [_period_label(period, lang) for period in table.index]
        for code in order:
            if code not in table.columns:
                continue
            fig.add_trace(
                go.Bar(
                    x=ticks,
                    y=table[code].tolist(),
                    name=label(field, code, lang),
                    marker_color=theme.colour(field, code),
                    hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
                )
            )
    theme.apply(fig, lang, title=title, height=360)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", title=None)
    fig.update_yaxes(title=t("chart.count_axis", lang), rangemode="tozero")
    return fig


def _period_label(period: pd.Period, lang: Lang) -> str:
    if period.freqstr.startswith("Y") or period.freqstr.startswith("A"):
        return f"{period.year}年" if lang == "ja" else str(period.year)
    return (
        f"{period.year}年Q{period.quarter}" if lang == "ja" else f"{period.year} Q{period.quarter}"
    )
