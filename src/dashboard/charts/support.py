"""Western support to Ukraine: cumulative allocations by donor group as of each Kiel Institute
release, and the dated decisions behind "the fear that US support stops", on one date axis."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.common import Grid
from dashboard.charts.timeline import CIRCLED
from dashboard.i18n import Lang, format_date, label, number, period_label

#: Cumulative rows: Kiel totals since the start of its count (24 Jan 2022).
CUMULATIVE_FROM = pd.Timestamp("2022-01-24")
DASHES = {"total": "solid", "military": "dash"}


def cumulative_allocations(rows: pd.DataFrame) -> pd.DataFrame:
    """The Kiel tracker's cumulative allocations since 24 Jan 2022 for its two headline groups,
    Europe and the US (like with like), as the chart draws them."""
    return rows[
        (rows["kind"] == "allocation")
        & (rows["period_start"] == CUMULATIVE_FROM)
        & rows["donor"].isin(["europe", "us"])
    ]


def allocations(
    rows: pd.DataFrame, lang: Lang, *, start: object = None, end: object = None
) -> go.Figure:
    ja = lang == "ja"
    kiel = cumulative_allocations(rows)
    decisions = rows[rows["kind"] == "decision"].sort_values("date")
    grid = Grid(
        2,
        1,
        [
            "累計の支援配分額（10億ユーロ、2022年1月24日以降、キール研究所の各公表時点）"
            if ja
            else "Cumulative aid allocated since 24 Jan 2022 (EUR bn, as of each Kiel release)",
            "米国の支援の停止・再開と欧州の資金調達の主な決定"
            if ja
            else "Pauses and resumptions of US support, and Europe's financing decisions",
        ],
        shared_x=True,
        vertical_spacing=0.16,
        row_heights=[0.64, 0.36],
        wide=True,
    )
    for (donor, aid), group in kiel.groupby(["donor", "aid_type"], observed=True, sort=False):
        if aid not in DASHES:
            continue
        group = group.sort_values("period_end")
        name = (
            f"{label('donor', donor, lang)}：{label('aid_type', aid, lang)}"
            if ja
            else f"{label('donor', donor, lang)}: {label('aid_type', aid, lang).lower()}"
        )
        grid.add(
            {
                "type": "scatter",
                "x": group["period_end"].to_numpy(),
                "y": group["value"].to_numpy(),
                "mode": "lines+markers",
                "name": name,
                "line": {"color": theme.colour("donor", donor), "dash": DASHES[aid], "width": 2.5},
                "marker": {"size": 8, "symbol": theme.symbol("donor", donor)},
                "customdata": [
                    [period_label(p, lang), number(v, "eur_bn", lang), name, s]
                    for p, v, s in zip(
                        group["period"], group["value"], group["source_publisher"], strict=True
                    )
                ],
                "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[0]}<br>"
                "%{customdata[2]}<br><i>%{customdata[3]}</i><extra></extra>",
            },
            1,
        )
    marks = _key_marks(decisions)
    actors = [code for code in rows["actor"].cat.categories if code in set(decisions["actor"])]
    for code in actors:
        mine = decisions[decisions["actor"] == code]
        titles = mine[f"title_{lang}"].tolist()
        grid.add(
            {
                "type": "scatter",
                "x": mine["date"].to_numpy(),
                "y": [label("actor", code, lang)] * len(mine),
                "mode": "markers+text",
                "text": [marks.get(index, "") for index in mine.index],
                "textposition": "top center",
                "textfont": {"size": theme.TICK_FONT_SIZE, "color": theme.TEXT},
                "cliponaxis": False,
                "name": label("actor", code, lang),
                "showlegend": False,
                "marker": {
                    "size": 13,
                    "symbol": theme.symbol("actor", code),
                    "color": theme.colour("actor", code),
                    "line": {"color": "#333333", "width": 1},
                },
                "customdata": [
                    [format_date(d, lang), t, s]
                    for d, t, s in zip(mine["date"], titles, mine["source_publisher"], strict=True)
                ],
                "hovertemplate": "<b>%{customdata[1]}</b><br>%{customdata[0]}<br>"
                "<i>%{customdata[2]}</i><extra></extra>",
            },
            2,
        )
    # The key decisions, numbered beside their markers, say what they were in the legend.
    keyed = decisions[decisions["key_event"].astype(bool)]
    for number_, (day, title) in enumerate(zip(keyed["date"], keyed[f"title_{lang}"], strict=True)):
        mark = CIRCLED[number_ % len(CIRCLED)]
        when = format_date(day, lang)
        grid.add(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {"size": 1, "color": "rgba(0,0,0,0)"},
                "name": f"{mark} {when}　{title}" if ja else f"{mark} {when}: {title}",
            },
            2,
        )
    dates = pd.concat([kiel["period_end"], decisions["date"]]).dropna()
    lo = pd.Timestamp(start) if start is not None else dates.min()
    hi = pd.Timestamp(end) if end is not None else dates.max()
    if not dates.empty:
        lo = max(lo, dates.min().to_period("M").start_time)
        hi = min(hi, dates.max() + pd.Timedelta(days=30))
    ticks = theme.date_ticks(lo, hi, lang)
    pad = pd.Timedelta(days=15)
    for row in (1, 2):
        grid.axis("x", row, type="date", range=[lo - pad, hi + pad], **ticks)
    grid.axis("x", 1, showticklabels=False)
    grid.axis("y", 1, title={"text": "10億ユーロ" if ja else "EUR bn"}, rangemode="tozero")
    return grid.figure(lang, height=780)


def _key_marks(decisions: pd.DataFrame) -> dict[object, str]:
    """Row index -> the circled number(s) shown above it: the key decisions in date order,
    and those within three weeks of each other under one label ("①–③") at the first."""
    keyed = decisions[decisions["key_event"].astype(bool)].sort_values("date")
    marks: dict[object, str] = {}
    group: list[tuple[object, int]] = []

    def close() -> None:
        if not group:
            return
        numbers = [CIRCLED[n % len(CIRCLED)] for _, n in group]
        text = (
            numbers[0]
            if len(numbers) == 1
            else "".join(numbers)
            if len(numbers) == 2
            else (f"{numbers[0]}–{numbers[-1]}")
        )
        marks[group[0][0]] = text
        group.clear()

    start = None
    for number_, (index, day) in enumerate(zip(keyed.index, keyed["date"], strict=True)):
        if start is None or day - start > pd.Timedelta(days=21):
            close()
            start = day
        group.append((index, number_))
    close()
    return marks
