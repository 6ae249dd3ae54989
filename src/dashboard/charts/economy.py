"""Russia's war economy: real GDP growth, the key-rate path and further official series,
with other events optionally drawn as labelled markers on the same date axis."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts import theme
from dashboard.charts.timeline import HOVER_TEMPLATE, _hover, _wrap
from dashboard.i18n import Lang, format_date, label, t

OVERLAY_ORDER = ("ceasefire", "sanctions", "dprk")
#: Beyond this many events in a lane, markers carry no text label (hover still shows it).
MAX_LABELLED = 14


def _with_overlay_rows(overlays: pd.DataFrame | None) -> tuple[go.Figure, bool]:
    has = overlays is not None and len(overlays) > 0
    if not has:
        return go.Figure(), False
    lanes = overlays["lane"].nunique()  # type: ignore[index]
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.04,
        row_heights=[0.72, 0.28] if lanes < 3 else [0.62, 0.38],
    )
    return fig, True


def _add_overlays(fig: go.Figure, overlays: pd.DataFrame, lang: Lang) -> None:
    for code in OVERLAY_ORDER:
        lane = overlays[overlays["lane"] == code]
        if lane.empty:
            continue
        name = label("overlay", code, lang)
        labelled = len(lane) <= MAX_LABELLED
        fig.add_trace(
            go.Scatter(
                x=lane["date"],
                y=[name] * len(lane),
                mode="markers+text" if labelled else "markers",
                text=[_wrap(title, 18).split("<br>")[0] for title in lane["title"]]
                if labelled
                else None,
                textposition="top center",
                textfont={"size": 11},
                name=name,
                marker={
                    "size": 12,
                    "color": theme.colour("overlay", code),
                    "symbol": "diamond",
                    "line": {"width": 1, "color": "#333333"},
                },
                hovertext=_hover(lane, lang),
                hovertemplate=HOVER_TEMPLATE,
                showlegend=False,
            ),
            row=2,
            col=1,
        )
    fig.update_yaxes(title=None, row=2, col=1, showgrid=False)


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
    fig, stacked = _with_overlay_rows(overlays)
    where = {"row": 1, "col": 1} if stacked else {}
    quarterly = gdp[gdp["frequency"] == "quarterly"]
    annual = gdp[gdp["frequency"] == "annual"]
    if len(quarterly):
        mid = quarterly["period_start"] + pd.Timedelta(days=45)
        provisional = quarterly["estimate_type"].isin(["estimate", "forecast"])
        fig.add_trace(
            go.Bar(
                x=mid,
                y=quarterly["real_gdp_growth_pct"],
                name=t("chart.gdp_quarterly", lang),
                marker={
                    "color": theme.SKY,
                    "line": {"color": theme.BLUE, "width": 1},
                    "pattern": {"shape": ["/" if p else "" for p in provisional]},
                },
                width=1000 * 3600 * 24 * 75,
                customdata=_value_hover(
                    quarterly,
                    lang,
                    _quarter_labels(quarterly, lang),
                    quarterly["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}%"),
                ),
                hovertemplate=VALUE_HOVER,
            ),
            **where,
        )
    if len(annual):
        mid = annual["period_start"] + pd.Timedelta(days=182)
        provisional = annual["estimate_type"].isin(["estimate", "forecast"])
        fig.add_trace(
            go.Scatter(
                x=mid,
                y=annual["real_gdp_growth_pct"],
                mode="lines+markers+text",
                name=t("chart.gdp_annual", lang),
                line={"color": theme.BLUE, "width": 3},
                marker={
                    "size": 11,
                    "color": ["white" if p else theme.BLUE for p in provisional],
                    "line": {"color": theme.BLUE, "width": 2},
                },
                text=annual["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}"),
                textposition="top center",
                customdata=_value_hover(
                    annual,
                    lang,
                    annual["period"].map(lambda p: f"{p}年" if lang == "ja" else p),
                    annual["real_gdp_growth_pct"].map(lambda v: f"{v:+.1f}%"),
                ),
                hovertemplate=VALUE_HOVER,
            ),
            **where,
        )
    if stacked and overlays is not None:
        _add_overlays(fig, overlays, lang)
    theme.apply(fig, lang, height=560 if stacked else 440)
    theme.date_axis(fig, lang)
    fig.update_yaxes(title=t("chart.gdp_axis", lang), zeroline=True, zerolinecolor="#555", **where)
    fig.add_hline(y=0, line={"color": "#555555", "width": 1}, **where)
    return fig


def _quarter_labels(rows: pd.DataFrame, lang: Lang) -> pd.Series:
    def one(period: str) -> str:
        year, quarter = period.split("Q")
        return f"{year}年第{quarter}四半期" if lang == "ja" else f"{year} Q{quarter}"

    return rows["period"].map(one)


def key_rate_path(
    rates: pd.DataFrame, lang: Lang, overlays: pd.DataFrame | None = None
) -> go.Figure:
    """The key rate as a step line from each decision date, decisions as markers."""
    fig, stacked = _with_overlay_rows(overlays)
    where = {"row": 1, "col": 1} if stacked else {}
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
    fig.add_trace(
        go.Scatter(
            x=ordered["decision_date"],
            y=ordered["key_rate_pct"],
            mode="lines+markers",
            line={"shape": "hv", "color": theme.GREEN, "width": 3},
            marker={
                "size": 11,
                "symbol": [symbols.get(str(d), "circle") for d in ordered["decision"]],
                "color": theme.GREEN,
                "line": {"color": "#333333", "width": 1},
            },
            name=t("chart.key_rate_title", lang),
            customdata=hover,
            hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}"
            "<br><i>%{customdata[3]}</i><extra></extra>",
        ),
        **where,
    )
    if stacked and overlays is not None:
        _add_overlays(fig, overlays, lang)
    theme.apply(fig, lang, height=520 if stacked else 400)
    theme.date_axis(fig, lang)
    fig.update_yaxes(title=t("chart.key_rate_axis", lang), rangemode="tozero", **where)
    fig.update_layout(showlegend=False)
    return fig


def indicators(series: pd.DataFrame, lang: Lang) -> go.Figure:
    """One small panel per indicator: a bar per period (year-to-date periods hatched)."""
    codes = [
        code for code in series["indicator"].cat.categories if code in set(series["indicator"])
    ]
    if not codes:
        return theme.apply(go.Figure(), lang, height=300)
    cols = 2 if len(codes) > 1 else 1
    rows = (len(codes) + cols - 1) // cols
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[label("indicator", code, lang) for code in codes],
        vertical_spacing=0.18 if rows > 1 else 0.1,
        horizontal_spacing=0.08,
    )
    for position, code in enumerate(codes):
        rows_of = series[series["indicator"] == code].sort_values("period_start")
        periods = rows_of["period"].map(lambda p: _period_text(p, lang))
        unit = label("unit", rows_of["unit"].iloc[0], lang)
        values = pd.Series(
            [f"{v:,.1f} {unit}" if unit != "%" else f"{v:.1f}%" for v in rows_of["value"]]
        )
        partial = rows_of["frequency"].isin(["year_to_date", "monthly", "quarterly"]) | rows_of[
            "estimate_type"
        ].isin(["estimate", "forecast"])
        fig.add_trace(
            go.Bar(
                x=periods,
                y=rows_of["value"],
                name=label("indicator", code, lang),
                marker={
                    "color": theme.colour("indicator", code),
                    "pattern": {"shape": ["/" if p else "" for p in partial]},
                    "line": {"color": "#333333", "width": 0.5},
                },
                text=rows_of["value"].map(lambda v: f"{v:,.1f}"),
                textposition="outside",
                cliponaxis=False,
                customdata=_value_hover(rows_of, lang, periods, values),
                hovertemplate=VALUE_HOVER,
                showlegend=False,
            ),
            row=position // cols + 1,
            col=position % cols + 1,
        )
    theme.apply(fig, lang, height=300 * rows + 40)
    fig.update_xaxes(type="category")
    fig.update_yaxes(rangemode="tozero")
    fig.update_annotations(font_size=15)
    return fig


def _period_text(period: str, lang: Lang) -> str:
    if lang != "ja":
        return period
    text = period.replace("Jan–", "1–").replace(" ", "年")
    for number, month in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    ):
        text = text.replace(month, f"{number}月")
    return text if "年" in text else f"{text}年"
