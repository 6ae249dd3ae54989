"""How Russia keeps selling and buying: China–Russia trade (full years; and 2025 cumulated by
month against the same months of 2024), India's imports of Russian crude around the US
sanctions on Rosneft and Lukoil, and the shadow-fleet vessels the EU and the UK have listed."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.common import finish, grid
from dashboard.i18n import Lang, label, number, period_label


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


HOVER = (
    "<b>%{customdata[0]}</b>: %{customdata[1]}<br>%{customdata[2]}"
    "<br><i>%{customdata[3]}</i><extra></extra>"
)


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
            f"China–Russia trade<br>full years ({money}, China's customs)",
            f"China–Russia trade<br>year to date ({money}, to month end)",
            "India's imports of Russian crude<br>(mb/d, Kpler)",
            "Shadow-fleet vessels listed<br>(cumulative)",
        ]
    fig = grid(2, 2, titles, vertical_spacing=0.2, horizontal_spacing=0.1)
    trade = rows[(rows["series"] == "trade_turnover") & (rows["partner"] == "CN")]
    annual = trade[trade["frequency"] == "annual"].sort_values("period_start")
    fig.add_trace(
        go.Bar(
            x=[period_label(p, lang) for p in annual["period"]],
            y=annual["value"] * scale,
            name=label("partner", "CN", lang),
            showlegend=False,
            marker={"color": theme.colour("partner", "CN")},
            text=[f"{v * scale:,.0f}" for v in annual["value"]],
            textposition="outside",
            cliponaxis=False,
            customdata=_hover(annual, lang),
            hovertemplate=HOVER,
        ),
        row=1,
        col=1,
    )
    to_date = trade[trade["frequency"].isin(["year_to_date", "half_year"])].copy()
    to_date["year"] = to_date["period_start"].dt.year
    to_date["month"] = to_date["period_end"].dt.month
    for year, group in to_date.groupby("year"):
        group = group.sort_values("month")
        fig.add_trace(
            go.Scatter(
                x=group["month"],
                y=group["value"] * scale,
                mode="lines+markers",
                name=(f"中露貿易 {year}年" if ja else f"China–Russia {year}"),
                line={
                    "color": theme.VERMILLION if year == to_date["year"].max() else theme.GREY,
                    "width": 2.5,
                },
                marker={
                    "size": 9,
                    "symbol": "circle" if year == to_date["year"].max() else "square",
                },
                customdata=_hover(group, lang),
                hovertemplate=HOVER,
            ),
            row=1,
            col=2,
        )
    months = list(range(1, 13))
    fig.update_xaxes(
        tickmode="array",
        tickvals=months,
        ticktext=[f"{m}月" for m in months]
        if ja
        else ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        range=[0.5, 12.5],
        row=1,
        col=2,
    )
    crude = rows[
        (rows["series"] == "crude_imports")
        & (rows["partner"] == "IN")
        & (rows["estimator"] == "kpler")
        & (rows["frequency"] == "monthly")
    ]
    crude = crude.sort_values("period_start")
    fig.add_trace(
        go.Scatter(
            x=crude["period_start"] + pd.Timedelta(days=14),
            y=crude["value"],
            mode="lines+markers",
            name=label("partner", "IN", lang),
            showlegend=False,
            line={"color": theme.colour("partner", "IN"), "width": 2.5},
            marker={"size": 9},
            customdata=_hover(crude, lang),
            hovertemplate=HOVER,
        ),
        row=2,
        col=1,
    )
    if len(crude):
        lo, hi = crude["period_start"].min(), crude["period_end"].max()
        sanctions = (extra or {}).get("sanctions_timeline")
        if sanctions is not None and len(sanctions):
            keys = sanctions[sanctions["key_event"] & sanctions["date"].between(lo, hi)]
            for day, title in zip(keys["date"], keys[f"title_{lang}"], strict=True):
                fig.add_vline(
                    x=day, line={"color": theme.TEXT, "dash": "dash", "width": 1}, row=2, col=1
                )
                fig.add_annotation(
                    x=day,
                    y=1,
                    yref="y3 domain",
                    xref="x3",
                    text=title if len(title) <= 18 else title[:17] + "…",
                    showarrow=False,
                    xanchor="right",
                    font={"size": theme.TICK_FONT_SIZE - 1, "color": theme.TEXT},
                    bgcolor="rgba(255,255,255,0.85)",
                )
        fig.update_xaxes(type="date", row=2, col=1, **theme.date_ticks(lo, hi, lang))
    vessels = rows[rows["series"] == "shadow_fleet_vessels"].sort_values("period_end")
    for partner, group in vessels.groupby("partner", observed=True):
        name = label("partner", partner, lang)
        fig.add_trace(
            go.Scatter(
                x=group["period_end"],
                y=group["value"],
                mode="lines+markers",
                line={"shape": "hv", "color": theme.colour("partner", partner), "width": 2.5},
                marker={"size": 9, "symbol": theme.symbol("partner", partner)},
                name=name + ("（船舶数）" if ja else " (vessels)"),
                customdata=_hover(group, lang),
                hovertemplate=HOVER,
            ),
            row=2,
            col=2,
        )
    if len(vessels):
        fig.update_xaxes(
            type="date",
            row=2,
            col=2,
            **theme.date_ticks(
                vessels["period_end"].min(), vessels["period_end"].max(), lang, most=4
            ),
        )
    fig.update_yaxes(rangemode="tozero")
    fig.update_yaxes(title_text=money, row=1, col=1)
    fig.update_yaxes(title_text=money, row=1, col=2)
    fig.update_yaxes(title_text="日量百万バレル" if ja else "mb/d", row=2, col=1)
    fig.update_yaxes(title_text="隻" if ja else "vessels", row=2, col=2)
    return finish(fig, lang, height=760)
