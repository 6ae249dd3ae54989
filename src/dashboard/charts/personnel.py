"""North Korean personnel in Russia: each published estimate as a point (a range as a bar),
coloured by estimator and shaped by kind, troops above and losses below; never summed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.common import Grid
from dashboard.i18n import Lang, format_date, label

PRESENCE = ("troops_deployed", "engineers_builders", "workers")
LOSSES = ("killed", "wounded", "casualties_total", "captured")
SHAPES = {
    "troops_deployed": "circle",
    "engineers_builders": "square",
    "workers": "diamond",
    "killed": "x",
    "wounded": "triangle-up",
    "casualties_total": "hexagon",
    "captured": "star",
}


def estimates(
    rows: pd.DataFrame, lang: Lang, *, start: object = None, end: object = None
) -> go.Figure:
    ja = lang == "ja"
    grid = Grid(
        2,
        1,
        [
            "派遣された人員（兵力・工兵・労働者、推計）"
            if ja
            else "Personnel sent (troops, engineers, workers; estimates)",
            "損失（戦死・負傷・死傷者計・捕虜、推計）"
            if ja
            else "Losses (killed, wounded, total casualties, captured; estimates)",
        ],
        shared_x=True,
        vertical_spacing=0.18,
    )
    counted = rows[rows["value_low"].notna() | rows["value_high"].notna()]
    seen: set[str] = set()
    for panel, kinds in ((1, PRESENCE), (2, LOSSES)):
        part = counted[counted["kind"].isin(kinds)]
        for (estimator, kind), group in part.groupby(
            ["estimator", "kind"], observed=True, sort=False
        ):
            low = group["value_low"].fillna(group["value_high"])
            high = group["value_high"]
            at_least = high.isna().to_numpy()
            upper = (high - low).where(~high.isna(), 0).fillna(0)
            name = label("estimator", estimator, lang)
            grid.add(
                {
                    "type": "scatter",
                    "x": group["as_of"].to_numpy(),
                    "y": low.to_numpy(),
                    "mode": "markers",
                    "name": name,
                    "showlegend": str(estimator) not in seen,
                    "marker": {
                        "size": 12,
                        "color": theme.colour("estimator", estimator),
                        "symbol": [
                            SHAPES[str(kind)] + ("-open" if flag else "") for flag in at_least
                        ],
                        "line": {"color": "#333333", "width": 1},
                    },
                    "error_y": {
                        "type": "data",
                        "array": upper.to_numpy(),
                        "arrayminus": np.zeros(len(group)),
                        "thickness": 2,
                        "width": 0,
                    },
                    "customdata": [
                        [format_date(d, lang), _value(lo, hi, lang), s, t]
                        for d, lo, hi, s, t in zip(
                            group["as_of"],
                            group["value_low"],
                            group["value_high"],
                            group["source_publisher"],
                            group[f"statement_{lang}"],
                            strict=True,
                        )
                    ],
                    "hovertemplate": "<b>%{customdata[1]}</b> — "
                    + f"{name} · {label('kind', kind, lang)}"
                    + "<br>%{customdata[0]}<br>%{customdata[3]}<br><i>%{customdata[2]}</i>"
                    "<extra></extra>",
                },
                panel,
            )
            seen.add(str(estimator))
    lo = pd.Timestamp(start) if start is not None else rows["as_of"].min()
    hi = pd.Timestamp(end) if end is not None else rows["as_of"].max()
    if len(rows):
        lo = max(lo, rows["as_of"].min().to_period("M").start_time)
        hi = min(hi, rows["as_of"].max() + pd.Timedelta(days=20))
    ticks = theme.date_ticks(lo, hi, lang)
    pad = pd.Timedelta(days=10)
    for panel in (1, 2):
        grid.axis("x", panel, type="date", range=[lo - pad, hi + pad], **ticks)
        grid.axis("y", panel, title={"text": "人" if ja else "persons"}, rangemode="tozero")
    grid.axis("x", 1, showticklabels=False)
    for kind in (*PRESENCE, *LOSSES):  # the shapes, in the legend too (and in a PNG of it)
        grid.add(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "name": label("kind", kind, lang),
                "marker": {"size": 11, "color": theme.GREY, "symbol": SHAPES[kind]},
            }
        )
    grid.add(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": "白抜き：下限値（以上）" if ja else "Open: at least (a floor)",
            "marker": {"size": 11, "color": theme.GREY, "symbol": "circle-open"},
        }
    )
    # Tick labels and axis titles leave a plot about 307 px wide at 1280 px: legend columns of
    # about 154 px, 108 of them for the name (measured in Chromium). Whether two columns fit
    # depends on the tick labels, so the figure is as tall as a legend of one entry a row
    # needs: the two panels keep their height either way (plotly takes the legend's room
    # from the plot, which squeezed the panels to a few pixels).
    figure = grid.figure(lang, height=760, legend_y=-0.1, legend_half=108)
    figure.layout.height = PANELS_PX + legend_px(figure)
    return figure


#: The two panels, their titles and the shared date ticks.
PANELS_PX = 470
#: A legend row of one line, and each further line of a wrapped name (15 px type).
LEGEND_ROW_PX = 24
LEGEND_LINE_PX = 18


def legend_px(figure: go.Figure) -> int:
    """The height of the figure's legend at one entry a row."""
    names = [
        str(trace.name) for trace in figure.data if trace.name and trace.showlegend is not False
    ]
    return sum(LEGEND_ROW_PX + LEGEND_LINE_PX * name.count("<br>") for name in names)


def _value(low: float, high: float, lang: Lang) -> str:
    ja = lang == "ja"
    if high != high:  # missing: a floor
        return f"{low:,.0f}人以上" if ja else f"at least {low:,.0f}"
    if low != low:
        return f"{high:,.0f}人以下" if ja else f"up to {high:,.0f}"
    if low == high:
        return f"{low:,.0f}人" if ja else f"{low:,.0f}"
    return f"{low:,.0f}〜{high:,.0f}人" if ja else f"{low:,.0f}–{high:,.0f}"
