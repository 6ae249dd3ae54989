"""Pieces the dataset-specific chart builders share: a subplot grid built as plain dicts and
turned into a figure in one constructor call, hover text, notes.

plotly's ``add_trace`` / ``update_*axes`` walk and validate the whole figure at every call;
with several panels that was most of a page's server time. ``Grid`` collects traces, axes,
annotations and shapes as dicts and validates once, in ``figure()``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import fonts
from dashboard.charts import theme
from dashboard.i18n import Lang, format_date


@lru_cache(maxsize=64)
def _grid_json(
    rows: int,
    cols: int,
    titles: tuple[str, ...],
    shared_x: bool,
    vertical_spacing: float,
    horizontal_spacing: float,
    row_heights: tuple[float, ...] | None,
) -> str:
    """plotly's subplot grid (axes, domains, titles) as layout JSON, worked out once per shape."""
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=list(titles) or None,
        shared_xaxes=shared_x,
        vertical_spacing=vertical_spacing,
        horizontal_spacing=horizontal_spacing,
        row_heights=list(row_heights) if row_heights else None,
    )
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # figures take the shared default template
    return json.dumps(layout, default=str)


def grid_layout(
    rows: int,
    cols: int,
    *,
    titles: tuple[str, ...] = (),
    shared_x: bool = False,
    vertical_spacing: float = 0.1,
    horizontal_spacing: float = 0.08,
    row_heights: tuple[float, ...] | None = None,
) -> dict[str, Any]:
    """A fresh copy of the subplot grid's layout (a dict, for one ``go.Figure`` call)."""
    return json.loads(
        _grid_json(rows, cols, titles, shared_x, vertical_spacing, horizontal_spacing, row_heights)
    )


#: How wide (CSS px) a panel title may run, by the number of panel columns: the figures are
#: drawn in a column of about 450 px at 1280 px (the projector), titles in 16 px type.
TITLE_PX = {1: 360, 2: 196, 3: 124}
TITLE_SIZE = theme.TICK_FONT_SIZE + 1
#: Room for a legend name (15 px type) when two entries share a row, and when one has it.
LEGEND_HALF_PX = 196
LEGEND_FULL_PX = 290
#: How much more room a chart across the page has for titles and legend names: sized for the
#: narrowest screen it must fit (1024 px, where text and evidence stack and a chart is about
#: 560 px wide), not for the 1280 px projector alone.
WIDE_SCALE = 1.3


def text_px(text: str, size: float = TITLE_SIZE) -> float:
    """Drawn width of ``text`` (markup aside) in the charts' font."""
    return fonts.text_width(re.sub(r"<[^>]+>", "", text), size)


def bare_year(text: str) -> str:
    """ "2024年" -> "2024" (the panel's title says 通年); other labels unchanged."""
    return text[:-1] if len(text) == 5 and text.endswith("年") and text[:4].isdigit() else text


#: Where a title breaks best: after a colon, before a bracket (the bracket then stays whole).
_AFTER = ("：", ": ")
_BEFORE = ("（", " (", "「")


def _preferred_break(line: str, width: float, measure: Callable[[str], float]) -> int | None:
    """The rightmost preferred break of ``line`` whose head fits ``width``."""
    cuts = [line.find(mark) + len(mark) for mark in _AFTER if mark in line]
    cuts += [i for mark in _BEFORE for i in _positions(line, mark)]
    fitting = [cut for cut in cuts if 0 < cut < len(line) and measure(line[:cut].strip()) <= width]
    return max(fitting, default=None)


def _positions(text: str, mark: str) -> list[int]:
    found, start = [], text.find(mark)
    while start != -1:
        found.append(start)
        start = text.find(mark, start + 1)
    return found


def wrap_title(text: str, width: float, *, size: float = TITLE_SIZE, colon: bool = True) -> str:
    """``text`` broken with ``<br>`` into lines no wider than ``width`` px. With ``colon``
    (titles), a line breaks first after a colon or before a bracket; what is left breaks
    between words, or characters in Japanese, with kinsoku (``fonts.wrap``)."""

    def measure(piece: str) -> float:
        return fonts.text_width(piece, size)

    lines: list[str] = []
    for line in text.split("<br>"):
        while colon and measure(line) > width:
            cut = _preferred_break(line, width, measure)
            if cut is None:
                break
            lines.append(line[:cut].strip())
            line = line[cut:].strip()
        lines += fonts.wrap(line, width, measure) or [line]
    return "<br>".join(line for line in lines if line)


class Grid:
    """A figure of ``rows`` × ``cols`` panels assembled as dicts, validated once at the end."""

    def __init__(
        self,
        rows: int,
        cols: int,
        titles: list[str],
        *,
        shared_x: bool = False,
        vertical_spacing: float = 0.1,
        horizontal_spacing: float = 0.08,
        row_heights: list[float] | None = None,
        wide: bool = False,
    ) -> None:
        self.cols = cols
        #: Drawn across the page (``Chart.wide``) rather than in the column beside the text:
        #: titles and legend names may take twice the room.
        self.scale = WIDE_SCALE if wide else 1
        budget = TITLE_PX.get(cols, TITLE_PX[3]) * self.scale
        titles = [wrap_title(title, budget) for title in titles]
        #: Lines of the first row's titles: they stand above the plot, in the top margin.
        self.title_lines = max((title.count("<br>") + 1 for title in titles[:cols]), default=0)
        self.layout = grid_layout(
            rows,
            cols,
            titles=tuple(titles),
            shared_x=shared_x,
            vertical_spacing=vertical_spacing,
            horizontal_spacing=horizontal_spacing,
            row_heights=tuple(row_heights) if row_heights else None,
        )
        for annotation in self.layout.get("annotations", []):  # the panels' titles
            annotation["font"] = {"size": theme.TICK_FONT_SIZE + 1, "color": theme.TEXT}
        self.traces: list[dict[str, Any]] = []

    def _number(self, row: int, col: int) -> int:
        return (row - 1) * self.cols + col

    def refs(self, row: int = 1, col: int = 1) -> tuple[str, str]:
        number = self._number(row, col)
        suffix = "" if number == 1 else str(number)
        return f"x{suffix}", f"y{suffix}"

    def add(self, trace: dict[str, Any], row: int = 1, col: int = 1) -> None:
        xref, yref = self.refs(row, col)
        self.traces.append({**trace, "xaxis": xref, "yaxis": yref})

    def axis(self, kind: str, row: int = 1, col: int = 1, **props: Any) -> None:
        """Set properties of the panel's ``kind`` ("x" or "y") axis."""
        number = self._number(row, col)
        key = f"{kind}axis" if number == 1 else f"{kind}axis{number}"
        self.layout.setdefault(key, {}).update(props)

    def annotation(self, **props: Any) -> None:
        self.layout.setdefault("annotations", []).append(props)

    def vline(self, x: Any, row: int = 1, col: int = 1, **line: Any) -> None:
        """A vertical line across the panel at ``x``."""
        xref, yref = self.refs(row, col)
        self.layout.setdefault("shapes", []).append(
            {
                "type": "line",
                "x0": x,
                "x1": x,
                "xref": xref,
                "yref": f"{yref} domain",
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        )

    def figure(
        self,
        lang: Lang,
        *,
        height: int,
        legend: bool = True,
        legend_y: float | None = None,
        legend_half: float | None = None,
    ) -> go.Figure:
        """The figure, legend below the plot: two entries a row, or one where a name is too
        long for half the width; the top margin holds the first row's titles. A chart with
        many legend entries passes the measured ``legend_half`` of its plot: names wider than
        that go in two lines, so that two entries a row still fit."""
        self.layout.update(theme.base_layout(lang, height=height))
        if self.title_lines:
            self.layout["margin"]["t"] = max(self.layout["margin"]["t"], 14 + 20 * self.title_lines)
        self.layout["showlegend"] = legend
        wrap_legend_names(self.traces, LEGEND_FULL_PX * self.scale)
        if legend_half is not None:
            wrap_for_two_a_row(self.traces, legend_half * self.scale)
        half = (legend_half or LEGEND_HALF_PX) * self.scale
        self.layout["legend"] = legend_below(self.traces, half)
        if legend_y is not None:  # below tick labels of two lines
            self.layout["legend"]["y"] = legend_y
        return go.Figure(data=self.traces, layout=self.layout)


def wrap_legend_names(traces: list[dict[str, Any]], width: float = LEGEND_FULL_PX) -> None:
    """Break the names too wide for a legend row (in place)."""
    for trace in traces:
        name = trace.get("name")
        if isinstance(name, str) and text_px(name, theme.TICK_FONT_SIZE) > width:
            trace["name"] = wrap_title(name, width, size=theme.TICK_FONT_SIZE, colon=False)


_KATAKANA = re.compile(r"[\u30a0-\u30ff]")


def two_lines_at_a_word(text: str, width: float) -> str | None:
    """Japanese text in two lines of ``width`` px broken where a word ends: after "・" or "：",
    before "（", or where katakana meets kanji (ウクライナ｜国防省); the most even such break,
    or None."""
    breaks = []
    for position in range(1, len(text)):
        before, after = text[position - 1], text[position]
        word_end = (
            before in "・："
            or after == "（"
            or bool(_KATAKANA.match(before)) != bool(_KATAKANA.match(after))
        )
        if word_end and after not in "・）」、。：" and not before.isascii():
            breaks.append(position)
    sides = [(p, text_px(text[:p], theme.TICK_FONT_SIZE), text_px(text[p:], theme.TICK_FONT_SIZE))
             for p in breaks]  # fmt: skip
    fitting = [(abs(first - rest), p) for p, first, rest in sides if max(first, rest) <= width]
    if not fitting:
        return None
    position = min(fitting)[1]
    return text[:position] + "<br>" + text[position:]


def wrap_for_two_a_row(traces: list[dict[str, Any]], half: float) -> None:
    """Names wider than ``half`` in two lines of it, so the legend can keep two entries a row
    (in place; only where every shown name then fits in two lines)."""
    shown = [
        trace
        for trace in traces
        if trace.get("showlegend") is not False and isinstance(trace.get("name"), str)
    ]
    wrapped = {}
    for trace in shown:
        name = trace["name"]
        if all(text_px(line, theme.TICK_FONT_SIZE) <= half for line in name.split("<br>")):
            continue
        whole = re.sub(r"(?<=[\x21-\x7e])<br>(?=[\x21-\x7e])", " ", name).replace("<br>", "")
        lines = two_lines_at_a_word(whole, half) or wrap_title(
            whole, half, size=theme.TICK_FONT_SIZE, colon=False
        )
        if lines.count("<br>") > 1:
            return  # a name that needs three lines: one entry a row instead
        wrapped[id(trace)] = lines
    for trace in shown:
        trace["name"] = wrapped.get(id(trace), trace["name"])


#: A legend entry's room beside its name: the symbol, the gap to the name, the gap after it.
LEGEND_ENTRY_PAD_PX = 52


def legend_below(traces: list[dict[str, Any]], half: float = LEGEND_HALF_PX) -> dict[str, Any]:
    """``LEGEND_BELOW``, one entry a row when the longest shown name would not fit half the
    width. Entries take a fixed width in pixels, the longest name's: plotly then puts as
    many in a row as the plot is wide, so a narrower screen (1024 px) gets fewer entries a
    row instead of entries drawn over each other."""
    names = [
        line
        for trace in traces
        if trace.get("showlegend") is not False
        for line in str(trace.get("name") or "").split("<br>")
    ]
    longest = max((text_px(name, theme.TICK_FONT_SIZE) for name in names), default=0.0)
    if longest > half:
        return {**LEGEND_BELOW, "entrywidth": 1.0}
    return {
        **LEGEND_BELOW,
        "entrywidth": round(longest + LEGEND_ENTRY_PAD_PX),
        "entrywidthmode": "pixels",
    }


#: Below the plot (a legend above it would cover the first panel's title), two entries a row.
LEGEND_BELOW = {
    "orientation": "h",
    "yanchor": "top",
    "y": -0.08,
    "x": 0,
    "traceorder": "normal",
    "entrywidth": 0.5,
    "entrywidthmode": "fraction",
    "maxheight": 1.0,  # never a scrolled legend (plotly's default caps a horizontal one at half)
}


def source_hover(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """ "Source: publisher (published 1 Dec 2025)" for each row."""
    source = "出典" if lang == "ja" else "Source"
    published = "公表" if lang == "ja" else "published"
    out = []
    days = rows["published"] if "published" in rows.columns else [None] * len(rows)
    for publisher, day in zip(rows["source_publisher"], days, strict=True):
        if day is None or day != day:
            out.append(f"{source}: {publisher}")
        elif lang == "ja":
            out.append(f"{source}: {publisher}（{published}：{format_date(day, lang)}）")
        else:
            out.append(f"{source}: {publisher} ({published} {format_date(day, lang)})")
    return out
