"""How Russia keeps selling and buying: China–Russia trade (full years; and 2025 cumulated by
month against the same months of 2024), India's imports of Russian crude around the US
sanctions on Rosneft and Lukoil, and the shadow-fleet vessels the EU and the UK have listed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import layer, theme
from dashboard.charts.common import Grid, bare_year
from dashboard.charts.timeline import CIRCLED
from dashboard.i18n import Lang, format_date, label, number, period_label

HOVER = (
    "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}"
    "<br><i>%{customdata[3]}</i><extra></extra>"
)
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _hover(rows: pd.DataFrame, lang: Lang) -> list[list[str]]:
    return [
        [period_label(p, lang), number(v, u, lang), label("estimator", e, lang), s]
        for p, v, u, e, s in zip(
            rows["period"],
            rows["value"],
            rows["unit"],
            rows["estimator"],
            rows["source_publisher"],
            strict=True,
        )
    ]


def overview(
    rows: pd.DataFrame, lang: Lang, *, extra: dict[str, pd.DataFrame] | None = None
) -> go.Figure:
    """``extra["sanctions_timeline"]``: its key events are marked on the crude panel."""
    ja = lang == "ja"
    money = "億ドル" if ja else "USD bn"
    scale = 10.0 if ja else 1.0  # Japanese writes USD 244.8 bn as 2,448億ドル
    if ja:
        titles = [
            f"中露貿易総額<br>通年（{money}、中国海関総署）",
            f"中露貿易総額<br>年初来累計（{money}、月末時点）",
            "インドのロシア産原油輸入<br>（日量百万バレル、Kpler）",
            "制裁指定された「影の船団」<br>（船舶数、累計）",
        ]
    else:
        titles = [
            f"China–Russia trade<br>full years, {money}<br>(China's customs)",
            f"China–Russia trade<br>year to date, {money}<br>(to month end)",
            "India's imports of Russian crude<br>(mb/d, Kpler)",
            "Shadow-fleet vessels listed<br>(cumulative)",
        ]
    grid = Grid(2, 2, titles, vertical_spacing=0.26, horizontal_spacing=0.14)
    trade = rows[(rows["series"] == "trade_turnover") & (rows["partner"] == "CN")]
    annual = trade[trade["frequency"] == "annual"].sort_values("period_start")
    grid.add(
        {
            "type": "bar",
            "x": [bare_year(period_label(p, lang)) for p in annual["period"]],
            "y": (annual["value"] * scale).to_numpy(),
            "name": label("partner", "CN", lang),
            "showlegend": False,
            "marker": {
                "color": theme.colour("partner", "CN"),
                "line": layer.edges(annual, {"color": theme.colour("partner", "CN"), "width": 0}),
            },
            "text": [f"{v * scale:,.0f}" for v in annual["value"]],
            "textposition": "outside",
            "cliponaxis": False,
            "customdata": _hover(annual, lang),
            "hovertemplate": HOVER,
        },
        1,
        1,
    )
    to_date = trade[trade["frequency"].isin(["year_to_date", "half_year"])].copy()
    to_date["year"] = to_date["period_start"].dt.year
    to_date["month"] = to_date["period_end"].dt.month
    latest = to_date["year"].max() if len(to_date) else None
    for year, group in to_date.groupby("year"):
        group = group.sort_values("month")
        grid.add(
            {
                "type": "scatter",
                "x": group["month"].to_numpy(),
                "y": (group["value"] * scale).to_numpy(),
                "mode": "lines+markers",
                "name": f"中露貿易 {year}年" if ja else f"China–Russia {year}",
                "line": {"color": theme.VERMILLION if year == latest else theme.GREY, "width": 2.5},
                "marker": {
                    "size": 9,
                    "symbol": "circle" if year == latest else "square",
                    "line": layer.edges(group, {"width": 0}),
                },
                "customdata": _hover(group, lang),
                "hovertemplate": HOVER,
            },
            1,
            2,
        )
    months = [1, 4, 7, 10]  # the quarters' first months: room in a narrow panel
    grid.axis(
        "x",
        1,
        2,
        tickmode="array",
        tickvals=months,
        ticktext=[f"{m}月" for m in months] if ja else [MONTHS_EN[m - 1] for m in months],
        tickangle=0,
        range=[0.5, 12.5],
    )
    crude = rows[
        (rows["series"] == "crude_imports")
        & (rows["partner"] == "IN")
        & (rows["estimator"] == "kpler")
        & (rows["frequency"] == "monthly")
    ].sort_values("period_start")
    grid.add(
        {
            "type": "scatter",
            "x": (crude["period_start"] + pd.Timedelta(days=14)).to_numpy(),
            "y": crude["value"].to_numpy(),
            "mode": "lines+markers",
            "name": label("partner", "IN", lang),
            "showlegend": False,
            "line": {"color": theme.colour("partner", "IN"), "width": 2.5},
            "marker": {"size": 9, "line": layer.edges(crude, {"width": 0})},
            "customdata": _hover(crude, lang),
            "hovertemplate": HOVER,
        },
        2,
        1,
    )
    if len(crude):
        lo, hi = crude["period_start"].min(), crude["period_end"].max()
        sanctions = (extra or {}).get("sanctions_timeline")
        if sanctions is not None and len(sanctions):
            keys = sanctions[sanctions["key_event"] & sanctions["date"].between(lo, hi)]
            xref, yref = grid.refs(2, 1)
            # A number beside each line; the legend (full width) says what and when.
            for position, (day, title) in enumerate(
                zip(keys["date"], keys[f"title_{lang}"], strict=True)
            ):
                mark = CIRCLED[position % len(CIRCLED)]
                grid.vline(day, 2, 1, color=theme.TEXT, dash="dash", width=1)
                grid.annotation(
                    x=day,
                    y=1 - 0.12 * position,
                    xref=xref,
                    yref=f"{yref} domain",
                    text=mark,
                    showarrow=False,
                    xanchor="left",
                    font={"size": theme.TICK_FONT_SIZE, "color": theme.TEXT},
                    bgcolor="rgba(255,255,255,0.85)",
                )
                when = format_date(day, lang)
                grid.add(
                    {
                        "type": "scatter",
                        "x": [None],
                        "y": [None],
                        "mode": "lines",
                        "line": {"color": theme.TEXT, "dash": "dash", "width": 1},
                        "name": f"{mark} {when}　{title}" if ja else f"{mark} {when}: {title}",
                    },
                    2,
                    1,
                )
        grid.axis("x", 2, 1, type="date", **theme.date_ticks(lo, hi, lang, most=2, months=True))
    vessels = rows[rows["series"] == "shadow_fleet_vessels"].sort_values("period_end")
    for partner, group in vessels.groupby("partner", observed=True):
        name = label("partner", partner, lang)
        grid.add(
            {
                "type": "scatter",
                "x": group["period_end"].to_numpy(),
                "y": group["value"].to_numpy(),
                "mode": "lines+markers",
                "line": {"shape": "hv", "color": theme.colour("partner", partner), "width": 2.5},
                "marker": {"size": 9, "symbol": theme.symbol("partner", partner)},
                "name": name + ("（船舶数）" if ja else " (vessels)"),
                "customdata": _hover(group, lang),
                "hovertemplate": HOVER,
            },
            2,
            2,
        )
    if len(vessels):
        first, last = vessels["period_end"].min(), vessels["period_end"].max()
        grid.axis(
            "x", 2, 2, type="date", **theme.date_ticks(first, last, lang, most=2, months=True)
        )
    # Each panel's title carries its unit; axis titles would crowd the narrow panels.
    for row, col in ((1, 1), (1, 2), (2, 1), (2, 2)):
        grid.axis("y", row, col, rangemode="tozero")
    if layer.any_late(rows):
        grid.add(layer.legend_entry(lang))
    return grid.figure(lang, height=860, legend_y=-0.12)
