"""Russia's war economy: real GDP growth, the key-rate path and further official series,
with other events optionally drawn as labelled markers on the same date axis."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts import theme
from dashboard.charts.timeline import HOVER_TEMPLATE, _hover, _wrap
from dashboard.i18n import Lang, format_date, label, t

#: Beyond this many events in a lane, markers carry no text label (hover still shows it).
MAX_LABELLED = 14


@lru_cache(maxsize=64)
def _grid_json(
    rows: int,
    cols: int,
    titles: tuple[str, ...],
    shared_x: bool,
    vertical_spacing: float,
    row_heights: tuple[float, ...] | None,
) -> str:
    """plotly's subplot grid (axes, domains, titles) as layout JSON, worked out once per shape."""
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=list(titles) or None,
        shared_xaxes=shared_x,
        vertical_spacing=vertical_spacing,
        horizontal_spacing=0.08,
        row_heights=list(row_heights) if row_heights else None,
    )
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # figures take the shared default template
    return json.dumps(layout, default=str)


def _grid(
    rows: int,
    cols: int,
    *,
    titles: tuple[str, ...] = (),
    shared_x: bool = False,
    vertical_spacing: float = 0.1,
    row_heights: tuple[float, ...] | None = None,
) -> dict[str, Any]:
    """A fresh copy of the subplot grid's layout (a dict, for one ``go.Figure`` call)."""
    return json.loads(_grid_json(rows, cols, titles, shared_x, vertical_spacing, row_heights))


def _axis(kind: str, number: int) -> str:
    """Layout key of subplot ``number`` (1-based): ``xaxis``, ``xaxis2``, …"""
    return f"{kind}axis" if number == 1 else f"{kind}axis{number}"


def _ref(kind: str, number: int) -> str:
    """Trace reference of subplot ``number``: ``x``, ``x2``, …"""
    return kind if number == 1 else f"{kind}{number}"


def _overlay_layout(overlays: pd.DataFrame | None) -> tuple[dict[str, Any], bool]:
    """The layout to start from: one plot, or the plot over a row of event lanes."""
    if overlays is None or len(overlays) == 0:
        return {"xaxis": {}, "yaxis": {}}, False
    lanes = overlays["lane"].nunique()
    layout = _grid(
        2,
        1,
        shared_x=True,
        vertical_spacing=0.04,
        row_heights=(0.72, 0.28) if lanes < 3 else (0.62, 0.38),
    )
    return layout, True


def _overlay_traces(overlays: pd.DataFrame, lang: Lang) -> list[dict[str, Any]]:
    """Events as labelled markers in the second row, one lane per overlay."""
    from dashboard import events

    traces = []
    for code in [spec.lane.code for spec in events.lanes() if spec.lane]:
        lane = overlays[overlays["lane"] == code]
        if lane.empty:
            continue
        name = label("overlay", code, lang)
        labelled = len(lane) <= MAX_LABELLED
        traces.append(
            {
                "type": "scatter",
                "x": lane["date"].to_numpy(),
                "y": [name] * len(lane),
                "mode": "markers+text" if labelled else "markers",
                "text": [_wrap(title, 18).split("<br>")[0] for title in lane["title"]]
                if labelled
                else None,
                "textposition": "top center",
                "textfont": {"size": 11},
                "name": name,
                "marker": {
                    "size": 12,
                    "color": theme.colour("overlay", code),
                    "symbol": "diamond",
                    "line": {"width": 1, "color": "#333333"},
                },
                "hovertext": _hover(lane, lang),
                "hovertemplate": HOVER_TEMPLATE,
                "showlegend": False,
                "xaxis": "x2",
                "yaxis": "y2",
            }
        )
    return traces


def _date_axes(layout: dict[str, Any], lang: Lang) -> None:
    """Every x-axis of ``layout`` becomes the localised date axis."""
    for key in [key for key in layout if key.startswith("xaxis")]:
        layout[key] = {**layout[key], **theme.date_xaxis(lang)}


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """One constructor call: data and layout validated once."""
    return go.Figure(data=traces, layout=layout)


def _value_hover(
    rows: pd.DataFrame, lang: Lang, period: pd.Series, value_text: pd.Series
) -> list[list[str]]:
    source = t("chart.hover_source", lang)
    published = t("table.published", lang)
    return [
        [
            p,
            v,
            label("estimate_type", e, lang),
            f"{published}: {format_date(d, lang)}",
            f"{source}: {s}",
        ]
        for p, v, e, d, s in zip(
            period,
            value_text,
            rows["estimate_type"],
            rows["published"],
            rows["source_publisher"],
            strict=True,
        )
    ]


VALUE_HOVER = (
    "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}"
    "<br><i>%{customdata[4]}</i><extra></extra>"
)


def gdp_growth(gdp: pd.DataFrame, lang: Lang, overlays: pd.DataFrame | None = None) -> go.Figure:
    """Quarterly y/y growth as bars and annual growth as a line, on one date axis.

    Estimates and forecasts are drawn hatched (bars) or hollow (annual markers).
    """
    layout, stacked = _overlay_layout(overlays)
    quarterly = gdp[gdp["frequency"] == "quarterly"]
    annual = gdp[gdp["frequency"] == "annual"]
    traces: list[dict[str, Any]] = []
    if len(quarterly):
        mid = quarterly["period_start"] + pd.Timedelta(days=45)
        provisional = quarterly["estimate_type"].isin(["estimate", "forecast"])
        traces.append(
            {
                "type": "bar",
                "x": mid.to_numpy(),
                "y": quarterly["real_gdp_growth_pct"].to_numpy(),
                "name": t("chart.gdp_quarterly", lang),
                "marker": {
                    "color": theme.SKY,
                    "line": {"color": theme.BLUE, "width": 1},
                    "pattern": {"shape": ["/" if p else "" for p in provisional]},
                },
                "width": 1000 * 3600 * 24 * 75,
                "customdata": _value_hover(
                    quarterly,
                    lang,
                    _quarter_labels(quarterly, lang),
                    quarterly["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}%"),
                ),
                "hovertemplate": VALUE_HOVER,
            }
        )
    if len(annual):
        mid = annual["period_start"] + pd.Timedelta(days=182)
        provisional = annual["estimate_type"].isin(["estimate", "forecast"])
        traces.append(
            {
                "type": "scatter",
                "x": mid.to_numpy(),
                "y": annual["real_gdp_growth_pct"].to_numpy(),
                "mode": "lines+markers+text",
                "name": t("chart.gdp_annual", lang),
                "line": {"color": theme.BLUE, "width": 3},
                "marker": {
                    "size": 11,
                    "color": ["white" if p else theme.BLUE for p in provisional],
                    "line": {"color": theme.BLUE, "width": 2},
                },
                "text": [f"{v:+.1f}" for v in annual["real_gdp_growth_pct"]],
                "textposition": "top center",
                "customdata": _value_hover(
                    annual,
                    lang,
                    annual["period"].map(lambda p: f"{p}年" if lang == "ja" else p),
                    annual["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}%"),
                ),
                "hovertemplate": VALUE_HOVER,
            }
        )
    if stacked and overlays is not None:
        for trace in traces:
            trace.update(xaxis="x", yaxis="y")
        traces += _overlay_traces(overlays, lang)
        layout["yaxis2"].update(title=None, showgrid=False)
    layout.update(theme.base_layout(lang, height=560 if stacked else 440))
    _date_axes(layout, lang)
    layout["yaxis"].update(title=t("chart.gdp_axis", lang), zeroline=True, zerolinecolor="#555")
    layout["shapes"] = [
        {
            "type": "line",
            "xref": "x domain",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": 0,
            "y1": 0,
            "line": {"color": "#555555", "width": 1},
        }
    ]
    return _figure(traces, layout)


def _quarter_labels(rows: pd.DataFrame, lang: Lang) -> pd.Series:
    def one(period: str) -> str:
        year, quarter = period.split("Q")
        return f"{year}年第{quarter}四半期" if lang == "ja" else f"{year} Q{quarter}"

    return rows["period"].map(one)


def key_rate_path(
    rates: pd.DataFrame, lang: Lang, overlays: pd.DataFrame | None = None
) -> go.Figure:
    """The key rate as a step line from each decision date, decisions as markers."""
    layout, stacked = _overlay_layout(overlays)
    ordered = rates.sort_values("decision_date")
    source = t("chart.hover_source", lang)
    hover = [
        [
            format_date(row.decision_date, lang),
            f"{row.key_rate_pct:g}%",
            f"{label('decision', row.decision, lang)} ({row.change_pp:+g} pp)"
            f" · {label('meeting', row.meeting, lang)}",
            f"{source}: {row.source_publisher}",
        ]
        for row in ordered.itertuples(index=False)
    ]
    symbols = {"raise": "triangle-up", "cut": "triangle-down", "hold": "circle"}
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": ordered["decision_date"].to_numpy(),
            "y": ordered["key_rate_pct"].to_numpy(),
            "mode": "lines+markers",
            "line": {"shape": "hv", "color": theme.GREEN, "width": 3},
            "marker": {
                "size": 11,
                "symbol": [symbols.get(str(d), "circle") for d in ordered["decision"]],
                "color": theme.GREEN,
                "line": {"color": "#333333", "width": 1},
            },
            "name": t("chart.key_rate_title", lang),
            "customdata": hover,
            "hovertemplate": "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}"
            "<br><i>%{customdata[3]}</i><extra></extra>",
        }
    ]
    if stacked and overlays is not None:
        traces[0].update(xaxis="x", yaxis="y")
        traces += _overlay_traces(overlays, lang)
        layout["yaxis2"].update(title=None, showgrid=False)
    layout.update(theme.base_layout(lang, height=520 if stacked else 400))
    _date_axes(layout, lang)
    layout["yaxis"].update(title=t("chart.key_rate_axis", lang), rangemode="tozero")
    layout["showlegend"] = False
    return _figure(traces, layout)


def indicators(series: pd.DataFrame, lang: Lang) -> go.Figure:
    """One small panel per indicator: a bar per period (year-to-date periods hatched)."""
    present = set(series["indicator"])
    codes = [code for code in series["indicator"].cat.categories if code in present]
    if not codes:
        return _figure([], theme.base_layout(lang, height=300))
    cols = 2 if len(codes) > 1 else 1
    rows = (len(codes) + cols - 1) // cols
    layout = _grid(
        rows,
        cols,
        titles=tuple(label("indicator", code, lang) for code in codes),
        vertical_spacing=0.18 if rows > 1 else 0.1,
    )
    traces = []
    for number, code in enumerate(codes, start=1):
        rows_of = series[series["indicator"] == code].sort_values("period_start")
        periods = rows_of["period"].map(lambda p: _period_text(p, lang))
        unit = label("unit", rows_of["unit"].iloc[0], lang)
        values = pd.Series(
            [f"{v:,.1f} {unit}" if unit != "%" else f"{v:.1f}%" for v in rows_of["value"]]
        )
        partial = rows_of["frequency"].isin(["year_to_date", "monthly", "quarterly"]) | rows_of[
            "estimate_type"
        ].isin(["estimate", "forecast"])
        traces.append(
            {
                "type": "bar",
                "x": periods.tolist(),
                "y": rows_of["value"].to_numpy(),
                "name": label("indicator", code, lang),
                "marker": {
                    "color": theme.colour("indicator", code),
                    "pattern": {"shape": ["/" if p else "" for p in partial]},
                    "line": {"color": "#333333", "width": 0.5},
                },
                "text": [f"{v:,.1f}" for v in rows_of["value"]],
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": _value_hover(rows_of, lang, periods, values),
                "hovertemplate": VALUE_HOVER,
                "showlegend": False,
                "xaxis": _ref("x", number),
                "yaxis": _ref("y", number),
            }
        )
    for number in range(1, rows * cols + 1):
        layout.setdefault(_axis("x", number), {})["type"] = "category"
        layout.setdefault(_axis("y", number), {})["rangemode"] = "tozero"
    for annotation in layout.get("annotations", []):
        annotation.setdefault("font", {})["size"] = 15
    layout.update(theme.base_layout(lang, height=300 * rows + 40))
    return _figure(traces, layout)


def _period_text(period: str, lang: Lang) -> str:
    if lang != "ja":
        return period
    text = period.replace("Jan–", "1–").replace(" ", "年")
    for number, month in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    ):
        text = text.replace(month, f"{number}月")
    return text if "年" in text else f"{text}年"
