"""Russia's war economy: real GDP growth, the key-rate path and further official series,
with other events optionally drawn as labelled markers on the same date axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import layer, theme
from dashboard.charts.common import (
    TITLE_PX,
    Grid,
    bare_year,
    grid_layout,
    wrap_legend_names,
    wrap_title,
)
from dashboard.charts.timeline import HOVER_TEMPLATE, _hover, _wrap
from dashboard.i18n import Lang, format_date, label, t

#: Beyond this many events in a lane, markers carry no text label (hover still shows it).
MAX_LABELLED = 14


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
    return grid_layout(
        rows,
        cols,
        titles=titles,
        shared_x=shared_x,
        vertical_spacing=vertical_spacing,
        row_heights=row_heights,
    )


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
    rows: pd.DataFrame,
    lang: Lang,
    period: pd.Series,
    value_text: pd.Series,
    who: pd.Series | None = None,
) -> list[list[str]]:
    """Period, value, kind of figure (and who produced it), publication date, source."""
    source = t("chart.hover_source", lang)
    published = t("table.published", lang)
    producers = [None] * len(rows) if who is None else list(who)
    return [
        [
            p,
            v,
            label("estimate_type", e, lang) + (f" — {label('estimator', w, lang)}" if w else ""),
            f"{published}: {format_date(d, lang)}",
            f"{source}: {s}",
        ]
        for p, v, e, d, s, w in zip(
            period,
            value_text,
            rows["estimate_type"],
            rows["published"],
            rows["source_publisher"],
            producers,
            strict=True,
        )
    ]


VALUE_HOVER = (
    "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}"
    "<br><i>%{customdata[4]}</i><extra></extra>"
)


FORECAST_SYMBOLS = ("diamond-open", "star-open", "triangle-up-open", "square-open")


def _gdp_hover(rows: pd.DataFrame, lang: Lang) -> list[list[str]]:
    from dashboard.i18n import period_label

    return _value_hover(
        rows,
        lang,
        rows["period"].map(lambda p: period_label(p, lang)),
        rows["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}%"),
        who=rows["estimator"],
    )


def gdp_growth(
    gdp: pd.DataFrame,
    lang: Lang,
    overlays: pd.DataFrame | None = None,
    start: object = None,
    end: object = None,
) -> go.Figure:
    """Rosstat's quarterly y/y growth as bars and annual growth as a line (each period's latest
    vintage published by the cut-off); the World Bank's WDI series as its own dashed line; every
    official forecast for 2025 as its own open marker, named in the legend with its date."""
    from dashboard.datasets.russian_gdp import latest_vintages, rosstat_outturns

    layout, stacked = _overlay_layout(overlays)
    ja = lang == "ja"
    rosstat = rosstat_outturns(gdp)
    quarterly = rosstat[rosstat["frequency"] == "quarterly"].sort_values("period_start")
    annual = rosstat[rosstat["frequency"] == "annual"].sort_values("period_start")
    wdi = latest_vintages(
        gdp[(gdp["estimator"] == "world_bank") & (gdp["estimate_type"] == "estimate")]
    )
    wdi = wdi[wdi["frequency"] == "annual"].sort_values("period_start")
    forecasts = gdp[gdp["estimate_type"] == "forecast"].sort_values(["published", "estimator"])
    traces: list[dict[str, Any]] = []
    if len(quarterly):
        traces.append(
            {
                "type": "bar",
                "x": (quarterly["period_start"] + pd.Timedelta(days=45)).to_numpy(),
                "y": quarterly["real_gdp_growth_pct"].to_numpy(),
                "name": "ロススタット：四半期（前年同期比）" if ja else "Rosstat: quarterly (y/y)",
                "marker": {
                    "color": theme.SKY,
                    "line": layer.edges(quarterly, {"color": theme.BLUE, "width": 1}),
                },
                "width": 1000 * 3600 * 24 * 75,
                "customdata": _gdp_hover(quarterly, lang),
                "hovertemplate": VALUE_HOVER,
            }
        )
    if len(annual):
        traces.append(
            {
                "type": "scatter",
                "x": (annual["period_start"] + pd.Timedelta(days=182)).to_numpy(),
                "y": annual["real_gdp_growth_pct"].to_numpy(),
                "mode": "lines+markers+text",
                "name": "ロススタット：年次" if ja else "Rosstat: annual",
                "line": {"color": theme.BLUE, "width": 3},
                "marker": {
                    "size": 11,
                    "color": theme.BLUE,
                    "line": layer.edges(annual, {"color": theme.BLUE, "width": 0}),
                },
                "text": [f"{v:+.1f}" for v in annual["real_gdp_growth_pct"]],
                "textposition": "top center",
                "customdata": _gdp_hover(annual, lang),
                "hovertemplate": VALUE_HOVER,
            }
        )
    if len(wdi):
        traces.append(
            {
                "type": "scatter",
                "x": (wdi["period_start"] + pd.Timedelta(days=182)).to_numpy(),
                "y": wdi["real_gdp_growth_pct"].to_numpy(),
                "mode": "lines+markers",
                "name": "世界銀行WDI：年次（推計値）"
                if ja
                else "World Bank WDI: annual (estimates)",
                "line": {"color": theme.GREY, "width": 2, "dash": "dash"},
                "marker": {"size": 8, "color": "white", "line": {"color": theme.GREY, "width": 2}},
                "customdata": _gdp_hover(wdi, lang),
                "hovertemplate": VALUE_HOVER,
            }
        )
    years = forecasts["period_start"].dt.year
    for position, row in enumerate(forecasts.itertuples(index=False)):
        who = label("estimator", row.estimator, lang)
        when = format_date(row.published, lang)
        if years.nunique() > 1:  # forecasts for several years: each names its year
            year = pd.Timestamp(row.period_start).year
            who = f"{year}年、{who}" if ja else f"{year}, {who}"
        traces.append(
            {
                "type": "scatter",
                "x": [pd.Timestamp(row.period_start) + pd.Timedelta(days=182 + 12 * position)],
                "y": [row.real_gdp_growth_pct],
                "mode": "markers",
                "name": (f"予測：{who}（{when}）" if ja else f"Forecast: {who} ({when})"),
                "marker": {
                    "size": 14,
                    "symbol": FORECAST_SYMBOLS[position % len(FORECAST_SYMBOLS)],
                    "color": theme.VERMILLION,
                    "line": layer.edges(forecasts.iloc[[position]], {"width": 2}),
                },
                "customdata": _gdp_hover(forecasts.iloc[[position]], lang),
                "hovertemplate": VALUE_HOVER,
            }
        )
    if layer.any_late(gdp):
        traces.append(layer.legend_entry(lang, kind="scatter"))
    if stacked and overlays is not None:
        for trace in traces:
            trace.update(xaxis="x", yaxis="y")
        traces += _overlay_traces(overlays, lang)
        layout["yaxis2"].update(title=None, showgrid=False)
    layout.update(theme.base_layout(lang, height=600 if stacked else 480))
    _date_axes(layout, lang)
    if len(gdp):
        lo = gdp["period_start"].min()
        hi = pd.Timestamp(end) if end is not None else gdp["period_start"].max()
        if start is not None:
            lo = max(lo, pd.Timestamp(start))
        pad = pd.Timedelta(days=30)
        for key in [key for key in layout if key.startswith("xaxis")]:
            layout[key].update(theme.date_ticks(lo, hi, lang), range=[lo - pad, hi + pad])
    layout["yaxis"].update(title=t("chart.gdp_axis", lang), zeroline=True, zerolinecolor="#555")
    layout["legend"] = {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0}
    wrap_legend_names(traces)
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
    applies = "適用開始" if lang == "ja" else "applies from"
    points = "ポイント" if lang == "ja" else " pp"
    hover = [
        [
            format_date(row.decision_date, lang),
            f"{row.key_rate_pct:g}%",
            f"{label('decision', row.decision, lang)} ({row.change_pp:+g}{points})"
            f" · {label('meeting', row.meeting, lang)}"
            + (
                f" · {applies} {format_date(row.effective_date, lang)}"
                if row.effective_date is not None and row.effective_date == row.effective_date
                else ""
            ),
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
    if len(ordered):
        lo, hi = ordered["decision_date"].min(), ordered["decision_date"].max()
        for key in [key for key in layout if key.startswith("xaxis")]:
            layout[key].update(theme.date_ticks(lo, hi, lang))
    layout["yaxis"].update(title=t("chart.key_rate_axis", lang), rangemode="tozero")
    layout["showlegend"] = False
    return _figure(traces, layout)


#: Display scale and axis unit per stored unit: Japanese writes money in 億 (10^8) and 兆.
DISPLAY = {
    ("usd_bn", "ja"): (10.0, "億ドル"),
    ("usd_bn", "en"): (1.0, "USD bn"),
    ("rub_trn", "ja"): (1.0, "兆ルーブル"),
    ("rub_trn", "en"): (1.0, "RUB trn"),
    ("rub_bn", "ja"): (10.0, "億ルーブル"),
    ("rub_bn", "en"): (1.0, "RUB bn"),
    ("pct", "ja"): (1.0, "%"),
    ("pct", "en"): (1.0, "%"),
    ("usd_per_bbl", "ja"): (1.0, "ドル／バレル"),
    ("usd_per_bbl", "en"): (1.0, "USD per barrel"),
}
OUTTURN = ("first_estimate", "second_estimate", "revision")
#: How each kind of figure is drawn: one meaning per pattern, each with a legend entry.
STYLES = {
    "outturn": ("", 1.0, ("実績（速報・改定）", "Outturn (first estimate or revision)")),
    "estimate": (".", 0.75, ("推計", "Estimate")),
    "plan": ("/", 0.85, ("計画（予算法の配分）", "Plan (budget-law allocation)")),
    "forecast": ("x", 0.6, ("予測", "Forecast")),
}

#: The kind under a year's label where one year has two bars.
SHORT_STYLE = {
    "outturn": ("実績", "outturn"),
    "estimate": ("推計", "est."),
    "plan": ("計画", "plan"),
    "forecast": ("予測", "fcst."),
}


def _style(estimate_type: str) -> str:
    return "outturn" if estimate_type in OUTTURN else estimate_type


def _panels(
    series: pd.DataFrame, kinds: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[str, str, pd.DataFrame]]:
    """(indicator, kind, rows) of every panel: full years; the latest span of months that has
    the same months in at least two years; months. A part year never shares a panel with full
    years, and a span with no same-months partner is left to the table. ``kinds`` limits an
    indicator to some of its panels (indicator -> kinds); the table view keeps every row."""
    panels = []
    present = set(series["indicator"])
    for code in [c for c in series["indicator"].cat.categories if c in present]:
        wanted = (kinds or {}).get(code, ("annual", "same_months", "monthly"))
        mine = series[series["indicator"] == code]
        annual = mine[mine["frequency"] == "annual"]
        if len(annual) and "annual" in wanted:
            panels.append((code, "annual", annual))
        spans = mine[mine["frequency"] == "year_to_date"]
        if len(spans) and "same_months" in wanted:
            months = (
                spans["period_start"].dt.month.astype(str)
                + "-"
                + spans["period_end"].dt.month.astype(str)
            )
            pairs = [
                group
                for _, group in spans.groupby(months.to_numpy())
                if group["period_start"].dt.year.nunique() >= 2
            ]
            if pairs:  # the comparison that reaches furthest into the year
                panels.append(
                    (code, "same_months", max(pairs, key=lambda g: g["period_end"].max()))
                )
        monthly = mine[mine["frequency"] == "monthly"]
        if len(monthly) and "monthly" in wanted:
            panels.append((code, "monthly", monthly))
    return panels


def _panel_title(code: str, kind: str, rows: pd.DataFrame, unit: str, lang: Lang) -> str:
    """Indicator on the first line; which periods and the unit on the second (the x labels and
    the caption say that part years are compared over the same months)."""
    name = label("indicator", code, lang)
    ja = lang == "ja"
    if kind == "annual":
        return f"{name}<br>通年（{unit}）" if ja else f"{name}<br>full years, {unit}"
    if kind == "same_months":
        first, last = (
            int(rows["period_start"].dt.month.min()),
            int(rows["period_end"].dt.month.max()),
        )
        if ja:
            return f"{name}<br>{first}〜{last}月（{unit}）"
        return f"{name}<br>{MONTHS_EN[first - 1]}–{MONTHS_EN[last - 1]}, {unit}"
    return f"{name}<br>月次（{unit}）" if ja else f"{name}<br>by month, {unit}"


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def panels(
    series: pd.DataFrame,
    lang: Lang,
    *,
    extra: dict[str, pd.DataFrame] | None = None,
    kinds: Mapping[str, tuple[str, ...]] | None = None,
) -> go.Figure:
    """Each indicator in like-with-like panels (see ``_panels``), outturns, estimates, plans and
    forecasts drawn apart and named in the legend. ``extra["russia_trade_partners"]``: the
    crude price caps are drawn on the Urals panel."""
    from dashboard.i18n import number, period_label

    found = _panels(series, kinds)
    if not found:
        return _figure([], theme.base_layout(lang, height=300))
    # Two panels a row, unless a bar panel has more bars than half the width holds.
    crowded = any(kind != "monthly" and len(group) > 4 for _, kind, group in found)
    cols = 2 if len(found) > 1 and not crowded else 1
    rows = (len(found) + cols - 1) // cols
    titles = []
    for code, kind, group in found:
        unit = DISPLAY.get((str(group["unit"].iloc[0]), lang), (1.0, str(group["unit"].iloc[0])))[1]
        titles.append(wrap_title(_panel_title(code, kind, group, unit, lang), TITLE_PX[cols]))
    # Between rows: the tick labels (two lines at most) and the next row's titles.
    lines = [title.count("<br>") + 1 for title in titles]
    gap = 84 + 22 * max(lines[cols:], default=0)
    height = 250 * rows + gap * (rows - 1) + 40 + 20 * max(lines[:cols])
    plot = height - 40 - 20 * max(lines[:cols])
    grid = Grid(rows, cols, titles, vertical_spacing=gap / plot, horizontal_spacing=0.1)
    styles_used: set[str] = set()
    published = t("table.published", lang)
    for number_, (code, kind, group) in enumerate(found):
        row, col = number_ // cols + 1, number_ % cols + 1
        group = group.sort_values("period_start")
        stored = str(group["unit"].iloc[0])
        scale, unit = DISPLAY.get((stored, lang), (1.0, stored))
        values = group["value"].to_numpy() * scale
        styles = [_style(str(e)) for e in group["estimate_type"]]
        styles_used.update(styles)
        hover = [
            [
                period_label(p, lang),
                number(v, u, lang),
                label("estimate_type", e, lang),
                f"{published}: {format_date(d, lang)}",
                s,
            ]
            for p, v, u, e, d, s in zip(
                group["period"],
                group["value"],
                group["unit"],
                group["estimate_type"],
                group["published"],
                group["source_publisher"],
                strict=True,
            )
        ]
        colour = theme.colour("indicator", code)
        if kind == "monthly":
            # Consecutive months are joined; a missing month breaks the line (no implied data).
            months = group["period_start"].dt.year * 12 + group["period_start"].dt.month
            gap = months.diff().fillna(1).to_numpy() > 1
            xs: list[Any] = []
            ys: list[Any] = []
            hovers: list[Any] = []
            late: list[bool] = []
            for position, (x, y, h, flag) in enumerate(
                zip(
                    group["period_start"] + pd.Timedelta(days=14),
                    values,
                    hover,
                    layer.late_flags(group),
                    strict=True,
                )
            ):
                if gap[position]:
                    xs.append(None)
                    ys.append(None)
                    hovers.append(None)
                    late.append(False)
                xs.append(x)
                ys.append(y)
                hovers.append(h)
                late.append(flag)
            grid.add(
                {
                    "type": "scatter",
                    "x": xs,
                    "y": ys,
                    "connectgaps": False,
                    "mode": "lines+markers",
                    "line": {"color": colour, "width": 2.5},
                    "marker": {
                        "size": 8,
                        "color": colour,
                        "line": layer.edges_for(late, theme.OUTLINE),
                    },
                    "showlegend": False,
                    "customdata": hovers,
                    "hovertemplate": VALUE_HOVER,
                },
                row,
                col,
            )
            lo, hi = group["period_start"].min(), group["period_end"].max()
            if code == "urals_price":
                _caps(grid, (extra or {}).get("russia_trade_partners"), lo, hi, lang, row, col)
            pad = pd.Timedelta(days=20)
            grid.axis(
                "x",
                row,
                col,
                type="date",
                range=[lo - pad, hi + pad],
                **theme.date_ticks(lo, hi, lang, most=3 if cols == 1 else 2, months=True),
            )
        else:
            labels_ = [period_label(p, lang) for p in group["period"]]
            if kind == "same_months":  # "Jan–Jul 2024": the months over the year
                labels_ = [_two_lines(text, lang) for text in labels_]
            elif cols > 1:  # a narrow panel titled 通年 / full years: the year alone
                labels_ = [bare_year(text) for text in labels_]
            twice = {text for text in labels_ if labels_.count(text) > 1}
            # A year with a plan and an outturn (or estimate) names the kind under the year;
            # the other years need only the year (the pattern and the legend say the rest).
            labels_ = [
                f"{text}<br>{SHORT_STYLE[style][0 if lang == 'ja' else 1]}"
                if text in twice
                else text
                for text, style in zip(labels_, styles, strict=True)
            ]
            grid.add(
                {
                    "type": "bar",
                    "x": labels_,
                    "y": values,
                    "marker": {
                        "color": colour,
                        "opacity": 1.0,
                        "pattern": {"shape": [STYLES[s][0] for s in styles], "fgcolor": "#ffffff"},
                        "line": layer.edges(group, {"color": "#333333", "width": 0.8}),
                    },
                    "text": [_bar_text(v) for v in values],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "showlegend": False,
                    "customdata": hover,
                    "hovertemplate": VALUE_HOVER,
                },
                row,
                col,
            )
            grid.axis("x", row, col, type="category", tickangle=0)
        grid.axis("y", row, col, rangemode="tozero", tickformat=",~r")
    for style in [s for s in STYLES if s in styles_used]:
        shape, _, legend = STYLES[style]
        grid.add(
            {
                "type": "bar",
                "x": [None],
                "y": [None],
                "name": legend[0] if lang == "ja" else legend[1],
                "marker": {"color": theme.GREY, "pattern": {"shape": shape, "fgcolor": "#ffffff"}},
                "showlegend": True,
            }
        )
    if layer.any_late(series):
        grid.add(layer.legend_entry(lang))
    figure = grid.figure(lang, height=height + 60)
    figure.layout.legend.y = -56 / plot  # below the last row's tick labels (two lines)
    return figure


def _two_lines(text: str, lang: Lang) -> str:
    """A span's label on two lines: "2024年<br>1〜7月", "Jan–Jul<br>2024"."""
    if lang == "ja" and "年" in text:
        year, _, months = text.partition("年")
        return f"{year}年<br>{months}" if months else text
    head, _, year = text.rpartition(" ")
    return f"{head}<br>{year}" if head else text


def _bar_text(value: float) -> str:
    """A bar's label: whole numbers above 100, one decimal below, two close to zero."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 0.1:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def _caps(
    grid: Grid,
    trade: pd.DataFrame | None,
    lo: pd.Timestamp,
    hi: pd.Timestamp,
    lang: Lang,
    row: int,
    col: int,
) -> None:
    """The crude price caps in force between ``lo`` and ``hi`` as step lines, by jurisdiction."""
    if trade is None or trade.empty:
        return
    caps = trade[(trade["series"] == "price_cap") & (trade["product"] == "crude")].sort_values(
        "period_start"
    )
    for partner, group in caps.groupby("partner", observed=True):
        steps = group[["period_start", "value"]].to_numpy().tolist()
        in_force = [(day, value) for day, value in steps if day <= hi]
        if not in_force:
            continue
        xs, ys = [], []
        for position, (day, value) in enumerate(in_force):
            begin = max(pd.Timestamp(day), lo)
            finish = pd.Timestamp(in_force[position + 1][0]) if position + 1 < len(in_force) else hi
            xs += [begin, finish]
            ys += [value, value]
        name = ("上限価格：" if lang == "ja" else "Price cap: ") + label("partner", partner, lang)
        grid.add(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                # Markers with a dark edge where each cap starts and ends: a 3:1 mark even for a
                # light colour, and a symbol per jurisdiction beside the colour.
                "mode": "lines+markers",
                "name": name,
                "line": {"color": theme.colour("partner", partner), "dash": "dash", "width": 2},
                "marker": {
                    "size": 8,
                    "color": theme.colour("partner", partner),
                    "symbol": theme.symbol("partner", partner),
                    "line": theme.OUTLINE,
                },
                "hovertemplate": name + ": %{y:.2f}<extra></extra>",
            },
            row,
            col,
        )
