"""Russia's net territorial gains per month as bars, and the share of Ukraine it controls as a
line, one colour per estimator, side by side and never merged."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import layer, theme
from dashboard.charts.common import Grid
from dashboard.i18n import Lang, format_date, label, number, period_label

MONTH_MS = 1000 * 3600 * 24 * 30
HOVER = (
    "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}"
    "<br><i>%{customdata[3]}</i><extra></extra>"
)


def gains(rows: pd.DataFrame, lang: Lang, *, start: object = None, end: object = None) -> go.Figure:
    ja = lang == "ja"
    gains_rows = rows[rows["measure"] == "net_gain_km2"]
    shares = rows[rows["measure"] == "controlled_share_pct"]
    grid = Grid(
        2,
        1,
        [
            "月間の純増面積（km²、推計主体別）" if ja else "Net gain per month (km², by estimator)",
            "ウクライナの国土に占めるロシア支配地域の割合（%、時点）"
            if ja
            else "Share of Ukraine under Russian control (%, at dated points)",
        ],
        shared_x=True,
        vertical_spacing=0.18,
        row_heights=[0.62, 0.38],
    )
    present = set(rows["estimator"])
    estimators = [code for code in rows["estimator"].cat.categories if code in present]
    count = max(1, len(set(gains_rows["estimator"])))
    width = 0.8 / count
    for position, code in enumerate(estimators):
        name = label("estimator", code, lang)
        colour = theme.colour("estimator", code)
        mine = gains_rows[gains_rows["estimator"] == code].sort_values("period_start")
        if len(mine):
            offset = (position - (count - 1) / 2) * width
            middle = mine["period_start"] + pd.Timedelta(days=15 + 30 * offset)
            grid.add(
                {
                    "type": "bar",
                    "x": middle.to_numpy(),
                    "y": mine["value"].to_numpy(),
                    "width": MONTH_MS * width,
                    "name": name,
                    "marker": {
                        "color": colour,
                        "line": layer.edges(mine, theme.OUTLINE),
                        "pattern": {
                            "shape": theme.pattern("estimator", code),
                            "fgcolor": "#333333",
                            "size": 6,
                            "solidity": 0.25,
                        },
                    },
                    "customdata": [
                        [period_label(p, lang), number(v, "km2", lang), name, s]
                        for p, v, s in zip(
                            mine["period"], mine["value"], mine["source_publisher"], strict=True
                        )
                    ],
                    "hovertemplate": HOVER,
                },
                1,
            )
        points = shares[shares["estimator"] == code].sort_values("period_end")
        if len(points):
            grid.add(
                {
                    "type": "scatter",
                    "x": points["period_end"].to_numpy(),
                    "y": points["value"].to_numpy(),
                    "mode": "lines+markers",
                    "name": name + ("（割合）" if ja else " (share)"),
                    "showlegend": not len(mine),
                    "line": {"color": colour, "width": 2, "dash": "dot"},
                    "marker": {
                        "size": 9,
                        "color": colour,
                        "symbol": theme.symbol("estimator", code),
                        "line": layer.edges(points, {"width": 0}),
                    },
                    "customdata": [
                        [format_date(d, lang), f"{v:g}%", name, s]
                        for d, v, s in zip(
                            points["period_end"],
                            points["value"],
                            points["source_publisher"],
                            strict=True,
                        )
                    ],
                    "hovertemplate": HOVER,
                },
                2,
            )
    lo = pd.Timestamp(start) if start is not None else rows["period_start"].min()
    hi = pd.Timestamp(end) if end is not None else rows["period_end"].max()
    ticks = theme.date_ticks(lo, hi, lang)
    pad = pd.Timedelta(days=20)
    for row in (1, 2):
        grid.axis("x", row, type="date", range=[lo - pad, hi + pad], **ticks)
    grid.axis("x", 1, showticklabels=False)
    grid.axis("y", 1, title={"text": "km²"}, rangemode="tozero")
    grid.axis("y", 2, title={"text": "%"}, rangemode="tozero")
    if layer.any_late(rows):
        grid.add(layer.legend_entry(lang))
    grid.layout["barmode"] = "overlay"
    return grid.figure(lang, height=600)
