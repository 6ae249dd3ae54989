"""A figure laid out again for a chart of a known, narrow width (a phone, about 358 px).

The builders size titles, legend names, tick labels and the key events' list for the column
beside the text (about 450 px) or a page-wide chart (1024 px screens and up). On a phone those
run past the chart's edge or onto one another. ``for_width`` measures each text in the charts'
font against the room it has at ``width`` and

- breaks titles, notes and legend names that do not fit into more lines (the key events' list
  keeps its numbered, indented two-line entries);
- puts one legend entry in a row when two do not fit;
- drops the inner date ticks that would touch their neighbours (the range's ends stay, in two
  lines where a full date is too wide), and labels every k-th category where all do not fit;
- below ``STACK_BELOW`` px stacks panels side by side in one column, in reading order, and
  puts a map's colour scale under the maps (the legend under it);
- leaves out a line's value labels that would touch, keeping the latest;
- adds the height the new lines take, so the plot keeps its size.

It never changes data, colours, symbols or ranges, and does nothing to a text that fits.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.common import (
    LEGEND_ENTRY_PAD_PX,
    LEGEND_HALF_PX,
    legend_below,
    text_px,
    two_lines_at_a_word,
    wrap_title,
)
from dashboard.charts.timeline import CIRCLED, KEY_LIST_INDENT, KEY_LIST_SIZE, key_entry

#: Room kept free at the chart's right edge, and between neighbouring tick labels.
EDGE_PX = 6
TICK_GAP_PX = 10
#: A category axis is thinned only above this many categories, and its labels keep this gap.
MIN_THINNED = 3
CATEGORY_GAP_PX = 4
#: Height of a line of 15 px text in a legend or a note.
LINE_PX = 20
#: A numeric axis' tick labels ("1,000", "20%"), when the figure does not say.
NUMBER_LABEL_PX = 34
_AXIS = re.compile(r"^([xy])axis(\d*)$")


def _values(found: Any) -> list[Any]:
    """A trace's or axis' array (a list, a tuple or a numpy array) as a list."""
    return [] if found is None or isinstance(found, str) else list(found)


def _lines(text: str) -> list[str]:
    return str(text).split("<br>")


def _widest(text: str, size: float) -> float:
    return max((text_px(line, size) for line in _lines(text)), default=0.0)


def _rewrap(text: str, room: float, size: float) -> str:
    """Every line of ``text`` wider than ``room`` broken further (lines that fit are kept)."""
    out = []
    for line in _lines(text):
        wide = text_px(line, size)
        if wide <= room:
            out.append(line)
            continue
        # As few lines as the room needs, of even length (no word left alone on the last).
        count = math.ceil(wide / room)
        even = wrap_title(line, min(room, wide / count * 1.08), size=size, colon=False)
        fits = even.count("<br>") + 1 <= count
        out.append(even if fits else wrap_title(line, room, size=size, colon=False))
    return "<br>".join(out)


def _key_list(text: str, room: float) -> str:
    """The key events' list again, each entry in at most two lines of ``room``."""
    entries: list[str] = []
    for line in _lines(text):
        if line[:1] in CIRCLED or not entries:
            entries.append(line)
        else:  # a continuation: joined back (a trailing "…" is cut again if needed)
            rest = line.removeprefix(KEY_LIST_INDENT).removesuffix("…")
            glue = " " if entries[-1][-1:].isascii() and rest[:1].isascii() else ""
            entries[-1] = entries[-1] + glue + rest
    return "<br>".join(key_entry(entry, room) for entry in entries)


def _domain(axis: dict[str, Any]) -> tuple[float, float]:
    low, high = axis.get("domain") or (0.0, 1.0)
    return float(low), float(high)


def _tick_labels_px(axis: dict[str, Any]) -> float:
    """How wide an axis' tick labels are (a y axis' labels stand left of its plot)."""
    size = float((axis.get("tickfont") or {}).get("size") or theme.TICK_FONT_SIZE)
    texts = axis.get("ticktext")
    if texts:
        return max(_widest(str(text), size) for text in texts) + 8
    if axis.get("showticklabels") is False:
        return 0.0
    return NUMBER_LABEL_PX


def _axis_title_px(axis: dict[str, Any]) -> float:
    """A y axis' title stands turned beside its labels: one line of its type, and a gap."""
    title = axis.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return theme.TICK_FONT_SIZE + 10 if text else 0.0


class _Frame:
    """The figure's plot area at ``width``: margins, the y labels' room, paper to px."""

    def __init__(self, layout: dict[str, Any], width: int) -> None:
        margin = layout.get("margin") or {}
        self.width = width
        left = float(margin.get("l", 80))
        right = float(margin.get("r", 80))
        # The y axes' labels and titles left of the plot: plotly's automargin makes room for
        # the widest of them (a map has no y axis).
        self.labels = max(
            (
                _tick_labels_px(axis) + _axis_title_px(axis)
                for key, axis in layout.items()
                if key.startswith("yaxis")
                and isinstance(axis, dict)
                and axis.get("visible", True)
                and axis.get("side") != "right"
            ),
            default=0.0,
        )
        self.left = left + self.labels
        self.plot = max(60.0, width - self.left - right)
        self.centred = [
            item
            for item in layout.get("annotations") or []
            if str(item.get("xref") or "").startswith("paper")
            and (item.get("xanchor") or "center") == "center"
        ]

    def x(self, paper: float) -> float:
        return self.left + paper * self.plot

    def room(self, annotation: dict[str, Any]) -> float:
        """How wide ``annotation`` may be where it stands (paper- or axis-placed)."""
        xref = str(annotation.get("xref") or "x")
        anchor = annotation.get("xanchor") or "auto"
        if xref.startswith("paper") or xref.endswith("domain"):
            at = self.x(float(annotation.get("x") or 0)) + float(annotation.get("xshift") or 0)
        else:  # on data: only its anchor's side of the chart is known
            return self.width - 2 * EDGE_PX
        if anchor == "left":
            return self.width - at - EDGE_PX
        if anchor == "right":
            return at - EDGE_PX
        room = 2 * min(at, self.width - at) - 2 * EDGE_PX
        # Centred titles in a row (panels side by side) keep clear of their neighbours.
        for other in self.centred:
            if other is not annotation and other.get("y") == annotation.get("y"):
                gap = abs(self.x(float(other.get("x") or 0)) - at)
                room = min(room, gap - TICK_GAP_PX) if gap > 0 else room
        return room


def _fit_annotations(layout: dict[str, Any], frame: _Frame) -> tuple[int, int]:
    """Annotations broken to fit; returns the lines added below the plot and above it."""
    below = above = 0
    for annotation in layout.get("annotations") or []:
        text = annotation.get("text")
        if not isinstance(text, str) or not text:
            continue
        size = float((annotation.get("font") or {}).get("size") or theme.BASE_FONT_SIZE)
        room = max(80.0, frame.room(annotation))
        if _widest(text, size) <= room:
            continue
        keyed = text[:1] in CIRCLED and size == KEY_LIST_SIZE
        fitted = _key_list(text, room) if keyed else _rewrap(text, room, size)
        added = fitted.count("<br>") - text.count("<br>")
        annotation["text"] = fitted
        paper_y = str(annotation.get("yref") or "").startswith("paper")
        if paper_y and float(annotation.get("y") or 0) <= 0:
            below += added
        elif paper_y and float(annotation.get("y") or 0) >= 1:
            above += added
    return below, above


def _joined(text: str) -> str:
    """Lines joined back into one text: a space between two Latin words, none in Japanese."""
    return re.sub(r"(?<=[\x21-\x7e])<br>(?=[\x21-\x7e])", " ", text).replace("<br>", "")


def _legend_name(name: str, room: float) -> str:
    """A legend name in lines of ``room``: in two where a word ends (before a bracket, after
    a colon, between katakana and kanji) if it can be, else wherever it must."""
    whole = _joined(name)
    return two_lines_at_a_word(whole, room) or wrap_title(
        whole, room, size=theme.TICK_FONT_SIZE, colon=False
    )


def _legend_rows(names: list[str], per_row: int) -> int:
    """Lines the legend takes: entries ``per_row`` a row, each row as tall as its tallest."""
    rows = [names[i : i + per_row] for i in range(0, len(names), per_row)]
    return sum(max(name.count("<br>") + 1 for name in row) for row in rows)


def _fit_legend(
    data: list[dict[str, Any]], layout: dict[str, Any], frame: _Frame
) -> tuple[int, int]:
    """Legend names broken to fit the chart, entries one a row where two do not fit; returns
    the lines added (against the layout the builder chose for its own width) and the lines
    the legend now takes."""
    legend = layout.get("legend") or {}
    if layout.get("showlegend") is False or legend.get("orientation") != "h":
        return 0, 0
    shown = [
        trace
        for trace in data
        if trace.get("showlegend") is not False and isinstance(trace.get("name"), str)
    ]
    if not shown:
        return 0, 0
    room = frame.width - frame.left - EDGE_PX - LEGEND_ENTRY_PAD_PX  # from the plot's left
    before = [trace["name"] for trace in shown]
    for trace in shown:
        if _widest(trace["name"], theme.TICK_FONT_SIZE) > room:
            trace["name"] = _legend_name(trace["name"], room)
    after = [trace["name"] for trace in shown]
    # Entries the longest name's width in pixels (never a fraction: that would be of the plot,
    # and plotly clips an entry to its width), as many a row as the chart holds.
    sized = legend_below(shown, half=math.inf)
    legend.update(entrywidth=sized["entrywidth"], entrywidthmode=sized["entrywidthmode"])
    layout["legend"] = legend
    per_row = max(1, int((frame.width - frame.left) // sized["entrywidth"]))
    # The builder's own layout, at the column's width: two a row where names fit half of it.
    longest_before = max(_widest(name, theme.TICK_FONT_SIZE) for name in before)
    total = _legend_rows(after, per_row)
    return total - _legend_rows(before, 2 if longest_before <= LEGEND_HALF_PX else 1), total


def _date_labels(text: str) -> str:
    """A full date in two lines: 2025年<br>12月31日, 31 Dec<br>2025."""
    if "<br>" in text:
        return text
    if "年" in text and not text.endswith("年"):
        head, _, tail = text.partition("年")
        return f"{head}年<br>{tail}"
    parts = text.rsplit(" ", 1)
    return "<br>".join(parts) if len(parts) == 2 else text


def _as_number(value: Any) -> float | None:
    """A position on an axis: a number as it is, a date (text or timestamp) in ns."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(pd.Timestamp(value).value)
    except (TypeError, ValueError):
        return None


def _fit_array_ticks(axis: dict[str, Any], px: float) -> None:
    """Explicit ticks on an axis ``px`` wide: keep both ends, drop inner ticks that would touch
    a neighbour; ends that still touch each other go to two lines."""
    values, texts = _values(axis.get("tickvals")), _values(axis.get("ticktext"))
    if len(values) < 2 or len(values) != len(texts):
        return
    numbers = [_as_number(value) for value in values]
    if any(number is None for number in numbers):
        return
    bounds = axis.get("range")
    low, high = (
        (_as_number(bounds[0]), _as_number(bounds[1]))
        if bounds and len(bounds) == 2
        else (min(numbers), max(numbers))  # type: ignore[type-var]
    )
    if low is None or high is None or high <= low:
        return
    size = float((axis.get("tickfont") or {}).get("size") or theme.TICK_FONT_SIZE)
    at = [(number - low) / (high - low) * px for number in numbers]  # type: ignore[operator]

    def clear(i: int, j: int, labels: list[str]) -> bool:
        need = (_widest(labels[i], size) + _widest(labels[j], size)) / 2 + TICK_GAP_PX
        return abs(at[j] - at[i]) >= need

    last = len(values) - 1
    if not clear(0, last, texts):
        texts = [_date_labels(texts[0]), *texts[1:-1], _date_labels(texts[-1])]
    kept = [0]
    for i in range(1, last):
        if clear(kept[-1], i, texts) and clear(i, last, texts):
            kept.append(i)
    kept.append(last)
    axis["tickvals"] = [values[i] for i in kept]
    axis["ticktext"] = [texts[i] for i in kept]


def _categories(data: list[dict[str, Any]], ref: str) -> list[str]:
    found: dict[str, None] = {}
    for trace in data:
        if (trace.get("xaxis") or "x") != ref or trace.get("orientation") == "h":
            continue
        for value in _values(trace.get("x")):
            if value is not None:
                found.setdefault(str(value), None)
    return list(found)


def _fit_categories(data: list[dict[str, Any]], axis: dict[str, Any], ref: str, px: float) -> None:
    """A category x axis whose labels do not fit side by side: every k-th labelled."""
    if axis.get("type") != "category" or axis.get("tickvals"):
        return
    categories = _categories(data, ref)
    if len(categories) <= MIN_THINNED:  # every bar keeps its label
        return
    size = float((axis.get("tickfont") or {}).get("size") or theme.TICK_FONT_SIZE)
    widest = max(_widest(name, size) for name in categories) + CATEGORY_GAP_PX
    step = math.ceil(widest / (px / len(categories)))
    if step > 1:
        axis["tickmode"] = "array"
        axis["tickvals"] = categories[::step]
        axis["ticktext"] = categories[::step]


def _axis_span(data: list[dict[str, Any]], axis: dict[str, Any], ref: str) -> float | None:
    """The axis' span in data units (its range, else its traces' x)."""
    bounds = axis.get("range")
    if bounds and len(bounds) == 2:
        low, high = _as_number(bounds[0]), _as_number(bounds[1])
        if low is not None and high is not None and high > low:
            return high - low
    xs = [
        number
        for trace in data
        if (trace.get("xaxis") or "x") == ref
        for number in (_as_number(value) for value in _values(trace.get("x")))
        if number is not None
    ]
    return (max(xs) - min(xs)) or None if xs else None


def _fit_point_labels(data: list[dict[str, Any]], layout: dict[str, Any], frame: _Frame) -> None:
    """Values written beside a line's points: where neighbours would touch, a label is left
    out, working back from the latest (every value stays in the hover and the table view)."""
    for trace in data:
        mode = str(trace.get("mode") or "")
        texts = trace.get("text")
        if trace.get("type", "scatter") != "scatter" or "text" not in mode:
            continue
        if isinstance(texts, str) or texts is None:
            continue
        ref = trace.get("xaxis") or "x"
        axis = layout.get(f"xaxis{ref[1:]}") or {}
        span = _axis_span(data, axis, ref)
        if not span:
            continue
        low, high = _domain(axis)
        scale = frame.plot * (high - low) / span
        points = [
            (_as_number(x), str(text))
            for x, text in zip(_values(trace.get("x")), _values(texts), strict=False)
        ]
        labelled = sorted((x, text) for x, text in points if x is not None and text)
        # From the latest back, a value is written where it keeps clear of the last written.
        kept: list[tuple[float, str]] = []
        for x, text in reversed(labelled):
            if kept:
                room = text_px(text, theme.TICK_FONT_SIZE) + text_px(
                    kept[-1][1], theme.TICK_FONT_SIZE
                )
                if (kept[-1][0] - x) * scale < room / 2 + 4:
                    continue
            kept.append((x, text))
        if len(kept) < len(labelled):  # some touched: those are left out
            shown = {x for x, _ in kept}
            trace["text"] = [text if x in shown else "" for x, text in points]


def _fit_axes(data: list[dict[str, Any]], layout: dict[str, Any], frame: _Frame) -> None:
    for key, axis in list(layout.items()):
        match = _AXIS.match(key)
        if not match or not isinstance(axis, dict) or match.group(1) != "x":
            continue
        low, high = _domain(axis)
        px = frame.plot * (high - low)
        if axis.get("tickmode") == "array":
            _fit_array_ticks(axis, px)
        else:
            _fit_categories(data, axis, f"x{match.group(2)}", px)


#: A colour scale under the maps, across them, where one beside them would take their width.
COLORBAR_BELOW = {
    "orientation": "h",
    "x": 0.5,
    "xanchor": "center",
    "y": -0.02,
    "yanchor": "top",
    "len": 0.9,
    "thickness": 12,
    "title": {"side": "top"},
}


def _colorbars_below(data: list[dict[str, Any]]) -> int:
    """Colour scales moved below the plot; returns the px they take there."""
    moved = 0
    for trace in data:
        if trace.get("showscale") is False or "colorbar" not in trace:
            continue
        bar = trace["colorbar"]
        title = {**(bar.get("title") or {}), **COLORBAR_BELOW["title"]}  # type: ignore[dict-item]
        trace["colorbar"] = {**bar, **COLORBAR_BELOW, "title": title}
        moved = 70
    return moved


#: Below this chart width panels side by side are stacked (two would be under 200 px each).
STACK_BELOW = 480
#: A stacked panel's height (px) at least, and the gap above each for its title.
PANEL_PX = 210
MAP_PANEL_PX = 230
#: Tick labels under a panel (their tick and standoff, then each line), and a line of a
#: panel's title (16 px type), as Chromium draws them.
TICK_BASE_PX = 8
TICK_LINE_PX = 24
TITLE_LINE_PX = 23


def _near(a: float, b: float) -> bool:
    return abs(a - b) < 0.02


def _tick_lines(data: list[dict[str, Any]], key: str, axis: dict[str, Any]) -> int:
    """Lines of an x axis' tick labels (a category like 2024年<br>1〜7月 takes two)."""
    texts = _values(axis.get("ticktext"))
    if not texts and axis.get("type") == "category":
        texts = _categories(data, "x" + key.removeprefix("xaxis"))
    return max((str(text).count("<br>") + 1 for text in texts), default=1)


def _stack_panels(data: list[dict[str, Any]], layout: dict[str, Any]) -> tuple[float, int]:
    """Panels side by side (a grid of two or more columns) stacked in one column, in reading
    order (row by row, left to right), each with its title above it; returns the plot's new
    height in px and the lines of the last panel's tick labels (0, 0 where nothing moved).
    Each axis keeps its data, range and ticks: only where the panel stands changes."""
    panels: list[tuple[list[dict[str, Any]], tuple[float, float], tuple[float, float]]] = []
    ticks: dict[int, int] = {}  # lines of each panel's x tick labels, by its x axis
    for key, axis in layout.items():
        match = _AXIS.match(key)
        if match and match.group(1) == "x" and isinstance(axis, dict):
            anchor = str(axis.get("anchor") or "y")
            partner = layout.get(f"yaxis{anchor[1:]}")
            if isinstance(partner, dict):
                x = _domain(axis)
                panels.append(([axis, partner], x, _domain(partner)))
                ticks[id(axis)] = _tick_lines(data, key, axis)
        elif re.match(r"^geo\d*$", key) and isinstance(axis, dict) and axis.get("domain"):
            domain = axis["domain"]
            x, y = domain.get("x", (0, 1)), domain.get("y", (0, 1))
            panels.append(([axis], (float(x[0]), float(x[1])), (float(y[0]), float(y[1]))))
    if len({round(x[0], 2) for _, x, _ in panels}) < 2:
        return 0.0, 0
    panels.sort(key=lambda panel: (-round(panel[2][1], 2), panel[1][0]))
    titles = [
        item
        for item in layout.get("annotations") or []
        if str(item.get("xref") or "").startswith("paper")
        and str(item.get("yref") or "").startswith("paper")
        and item.get("yanchor") == "bottom"
    ]
    margin = layout.get("margin") or {}
    top, bottom = float(margin.get("t", 80)), float(margin.get("b", 80))
    maps = any(len(axes) == 1 for axes, _, _ in panels)
    plot_before = max(1.0, float(layout.get("height") or 450) - top - bottom)
    rows_before = len({round(y[1], 2) for _, _, y in panels})
    each = max(MAP_PANEL_PX if maps else PANEL_PX, plot_before / rows_before * 0.8)
    # Each panel's title: the one centred over it, standing at its top.
    own = [
        [
            item
            for item in titles
            if _near(float(item.get("x") or 0), (x[0] + x[1]) / 2)
            and _near(float(item.get("y") or 0), y[1])
        ][:1]
        for _, x, y in panels
    ]
    lines = [max((str(item.get("text")).count("<br>") + 1 for item in found), default=0)
             for found in own]  # fmt: skip
    # Above a panel: the tick labels of the one before it, then its own title's lines.
    below_ticks = [ticks.get(id(axes[0]), 0) for axes, _, _ in panels]
    gaps = [
        TICK_BASE_PX + TICK_LINE_PX * below_ticks[i - 1] + TITLE_LINE_PX * n + 10 if i else 0
        for i, n in enumerate(lines)
    ]
    plot = each * len(panels) + sum(gaps)
    at = plot
    for (axes, _, _), gap, found in zip(panels, gaps, own, strict=True):
        at -= gap
        high, low = min(1.0, at / plot), max(0.0, (at - each) / plot)
        at -= each
        for item in found:
            item.update(x=0.5, y=high)
        if len(axes) == 1:  # a map
            axes[0]["domain"] = {"x": [0.0, 1.0], "y": [low, high]}
        else:
            axes[0]["domain"], axes[1]["domain"] = [0.0, 1.0], [low, high]
    return plot, below_ticks[-1]


def for_width(fig: go.Figure, width: int) -> go.Figure:
    """``fig`` laid out for a chart ``width`` px wide (a new figure; ``fig`` is unchanged)."""
    spec = fig.to_plotly_json()
    data: list[dict[str, Any]] = spec["data"]
    layout: dict[str, Any] = spec["layout"]
    under = _colorbars_below(data)
    stacked, last_ticks = _stack_panels(data, layout) if width < STACK_BELOW else (0.0, 0)
    frame = _Frame(layout, width)
    title = layout.get("title") or {}
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        size = float((title.get("font") or {}).get("size") or 20)
        if _widest(title["text"], size) > width - 2 * EDGE_PX:
            title["text"] = _rewrap(title["text"], width - 2 * EDGE_PX, size)
    below, above = _fit_annotations(layout, frame)
    legend_added, legend_lines = _fit_legend(data, layout, frame)
    _fit_axes(data, layout, frame)
    _fit_point_labels(data, layout, frame)
    margin = dict(layout.get("margin") or {})
    if below > 0:
        margin["b"] = float(margin.get("b", 80)) + LINE_PX * below
    if above > 0:
        margin["t"] = float(margin.get("t", 80)) + LINE_PX * above
    layout["margin"] = margin
    if stacked:  # the plot's height as stacked, and below it what plotly's automargin adds
        legend_px = LINE_PX * legend_lines + 14 if legend_lines else 0
        ticks_px = TICK_BASE_PX + TICK_LINE_PX * last_ticks + 10
        layout["height"] = int(
            float(margin.get("t", 80))
            + float(margin.get("b", 80))
            + stacked
            + ticks_px
            + legend_px
            + under
        )
        if isinstance(layout.get("legend"), dict) and not under:  # just under the ticks
            layout["legend"]["y"] = -ticks_px / stacked
    else:
        extra = LINE_PX * (max(0, below) + max(0, above) + max(0, legend_added)) + under
        if extra and layout.get("height"):
            layout["height"] = int(layout["height"]) + extra
    if under and isinstance(layout.get("legend"), dict):  # the legend under the colour scale
        plot = stacked or float(layout.get("height") or 450) - float(margin.get("t", 80))
        plot -= 0 if stacked else float(margin.get("b", 80)) + under
        bar_top = -COLORBAR_BELOW["y"] * plot  # type: ignore[operator]
        layout["legend"]["y"] = -(bar_top + under + 16) / max(plot, 1.0)
    return go.Figure(spec)
