"""Japan's support to Ukraine: commitments and agreements with amounts, one panel per currency,
the government's cumulative totals drawn apart from individual commitments (never added)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.common import Grid
from dashboard.i18n import Lang, format_date, label

#: Shown in hundreds of millions in Japanese (億円・億ドル) and billions in English.
SCALE = {"ja": 100.0, "en": 1000.0}
UNITS = {
    ("JPY", "ja"): "億円",
    ("JPY", "en"): "JPY bn",
    ("USD", "ja"): "億ドル",
    ("USD", "en"): "USD bn",
    ("EUR", "ja"): "億ユーロ",
    ("EUR", "en"): "EUR bn",
}


def amounts(
    rows: pd.DataFrame, lang: Lang, *, start: object = None, end: object = None
) -> go.Figure:
    ja = lang == "ja"
    priced = rows[rows["amount_millions"].notna()]
    currencies = [code for code in ("USD", "JPY", "EUR") if code in set(priced["currency"])]
    titles = [
        (f"米ドル建て（{UNITS[(c, lang)]}）" if ja else f"In US dollars ({UNITS[(c, lang)]})")
        if c == "USD"
        else (f"円建て（{UNITS[(c, lang)]}）" if ja else f"In yen ({UNITS[(c, lang)]})")
        if c == "JPY"
        else (f"ユーロ建て（{UNITS[(c, lang)]}）" if ja else f"In euros ({UNITS[(c, lang)]})")
        for c in currencies
    ]
    grid = Grid(max(1, len(currencies)), 1, titles, shared_x=True, vertical_spacing=0.14)
    scale = SCALE[lang]
    shown: set[str] = set()
    for panel, currency in enumerate(currencies, start=1):
        mine = priced[priced["currency"] == currency].sort_values("date")
        unit = UNITS[(currency, lang)]
        for kind, group in mine.groupby("amount_kind", observed=True, sort=False):
            cumulative = kind == "cumulative_total"
            name = label("amount_kind", kind, lang)
            values = group["amount_millions"] / scale
            trace = {
                "type": "scatter",
                "x": group["date"].to_numpy(),
                "y": values.to_numpy(),
                "mode": "lines+markers" if cumulative else "markers",
                "name": name,
                "showlegend": str(kind) not in shown,
                "marker": {
                    "size": 13 if cumulative else 12,
                    "symbol": theme.symbol("amount_kind", kind),
                    "color": theme.TEXT if cumulative else theme.colour("amount_kind", kind),
                    "line": {"color": "#333333", "width": 1},
                },
                "customdata": [
                    [
                        format_date(d, lang),
                        f"{v:,.1f} {unit}" if not ja else f"{v:,.0f}{unit}",
                        t,
                        s,
                    ]
                    for d, v, t, s in zip(
                        group["date"],
                        values,
                        group[f"title_{lang}"],
                        group["source_publisher"],
                        strict=True,
                    )
                ],
                "hovertemplate": "<b>%{customdata[1]}</b> — " + name + "<br>%{customdata[0]}<br>"
                "%{customdata[2]}<br><i>%{customdata[3]}</i><extra></extra>",
            }
            if cumulative:
                trace["line"] = {"color": theme.TEXT, "width": 1.5, "dash": "dot"}
            grid.add(trace, panel)
            shown.add(str(kind))
        grid.axis("y", panel, title={"text": unit}, rangemode="tozero")
    if len(priced):
        lo = (
            max(pd.Timestamp(start), priced["date"].min().to_period("M").start_time)
            if start is not None
            else priced["date"].min()
        )
        hi = (
            min(pd.Timestamp(end), priced["date"].max() + pd.Timedelta(days=30))
            if end is not None
            else priced["date"].max()
        )
        ticks = theme.date_ticks(lo, hi, lang)
        pad = pd.Timedelta(days=20)
        for panel in range(1, len(currencies) + 1):
            grid.axis("x", panel, type="date", range=[lo - pad, hi + pad], **ticks)
            if panel < len(currencies):
                grid.axis("x", panel, showticklabels=False)
    return grid.figure(lang, height=260 * max(1, len(currencies)) + 120)
