"""Pieces the dataset-specific chart builders share: subplot grids, hover text, notes."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts import theme
from dashboard.i18n import Lang, format_date


def grid(rows: int, cols: int, titles: list[str], **options: Any) -> go.Figure:
    """A subplot grid with titles in the theme's type (an empty title leaves a slot blank)."""
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles or None, **options)
    for annotation in fig.layout.annotations:
        annotation.font = {"size": theme.TICK_FONT_SIZE + 1, "color": theme.TEXT}
    return fig


def finish(fig: go.Figure, lang: Lang, *, height: int, legend: bool = True) -> go.Figure:
    layout = theme.base_layout(lang, height=height)
    fig.update_layout(
        **layout,
        showlegend=legend,
        # Below the plot: a legend above it would cover the first panel's title.
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.08,
            "x": 0,
            "traceorder": "normal",
            "entrywidth": 0.5,  # two entries a row, however long the longest name
            "entrywidthmode": "fraction",
        },
    )
    return fig


def source_hover(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """ "Source: publisher (published 1 Dec 2025)" for each row."""
    source = "出典" if lang == "ja" else "Source"
    published = "公表" if lang == "ja" else "published"
    out = []
    for publisher, day in zip(
        rows["source_publisher"],
        rows["published"] if "published" in rows.columns else [None] * len(rows),
        strict=True,
    ):
        when = (
            f"（{published}：{format_date(day, lang)}）"
            if lang == "ja"
            else f" ({published} {format_date(day, lang)})"
        )
        out.append(f"{source}: {publisher}{when if day is not None and day == day else ''}")
    return out


def empty_note(fig: go.Figure, text: str, *, row: int = 1, col: int = 1) -> None:
    """A note in the middle of a subplot that has nothing to draw."""
    fig.add_annotation(
        text=text,
        xref="x domain" if (row, col) == (1, 1) else None,
        yref="y domain" if (row, col) == (1, 1) else None,
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": theme.TICK_FONT_SIZE, "color": theme.TEXT},
        row=row if (row, col) != (1, 1) else None,
        col=col if (row, col) != (1, 1) else None,
    )
