"""EU sanctions packages: persons and entities newly listed by each package, where sourced."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.i18n import Lang, format_date


def _package(row_id: str) -> int | None:
    match = re.search(r"pkg_(\d+)$", row_id)
    return int(match.group(1)) if match else None


def listings(rows: pd.DataFrame, lang: Lang) -> go.Figure:
    ja = lang == "ja"
    packages = rows.assign(number=[_package(i) for i in rows["id"]]).dropna(subset=["number"])
    packages = packages.sort_values("number")
    ticks = [f"第{int(n)}次" if ja else f"{int(n)}" for n in packages["number"]]
    known = packages["listings_added"].notna().to_numpy()
    values = packages["listings_added"].astype("Float64").fillna(0).to_numpy(dtype=float)
    fig = go.Figure(
        data=[
            go.Bar(
                x=ticks,
                y=values,
                marker={
                    "color": [theme.BLUE if k else "rgba(0,0,0,0)" for k in known],
                    "line": {"color": "#333333", "width": 0.5},
                },
                text=[
                    f"{v:,.0f}" if k else ("未確認" if ja else "not sourced")
                    for v, k in zip(values, known, strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
                customdata=[
                    [format_date(d, lang), title, source]
                    for d, title, source in zip(
                        packages["date"],
                        packages[f"title_{lang}"],
                        packages["source_publisher"],
                        strict=True,
                    )
                ],
                hovertemplate="<b>%{x}</b>: %{y:,.0f}"
                + ("（個人・団体）" if ja else " persons and entities")
                + "<br>%{customdata[0]} — %{customdata[1]}"
                "<br><i>%{customdata[2]}</i><extra></extra>",
                showlegend=False,
            )
        ],
        layout={
            **theme.base_layout(lang, height=380),
            "xaxis": {
                "type": "category",
                "title": {"text": "EU制裁パッケージ" if ja else "EU package"},
            },
            "yaxis": {
                "title": {
                    "text": "新規指定（個人・団体）"
                    if ja
                    else "Newly listed (persons and entities)"
                },
                "rangemode": "tozero",
            },
        },
    )
    return fig
