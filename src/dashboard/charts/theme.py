"""One visual theme for every chart: Okabe–Ito colours (colour-blind safe), projector-sized type,
and the same colour for the same jurisdiction, domain or lane on every page."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.i18n import AXIS_DATE_FORMAT, Lang
from dashboard.palette import (  # noqa: F401  (re-exported for the chart modules)
    BLACK,
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    SKY,
    SYMBOLS,
    VERMILLION,
    YELLOW,
)

#: Code families that are datasets' lanes rather than a column's vocabulary.
LANE_FIELDS = frozenset({"lane", "overlay"})


def _lanes() -> dict[str, tuple[str, str]]:
    """Lane code -> (colour, symbol), fixed by the lanes' declared order."""
    from dashboard import events

    return {
        spec.lane.code: (spec.lane.colour, SYMBOLS[position % len(SYMBOLS)])  # type: ignore[union-attr]
        for position, spec in enumerate(events.lanes())
    }


def colour(field: str, code: object) -> str:
    """The fixed colour of a code (or a lane): the same on every page, whatever is filtered."""
    if field in LANE_FIELDS:
        return _lanes().get(str(code), (GREY, ""))[0]
    from dashboard.datasets import codes

    item = codes(field).get(str(code))
    return item.colour if item and item.colour else GREY


def symbol(field: str, code: object) -> str:
    """The fixed marker symbol of a code (or a lane), like its colour."""
    if field in LANE_FIELDS:
        return _lanes().get(str(code), ("", "circle"))[1]
    from dashboard.datasets import codes

    item = codes(field).get(str(code))
    return item.symbol if item and item.symbol else "circle"


#: Bar fill patterns in vocabulary order: a second channel beside colour, as symbols are for
#: markers (colour is never the only carrier of a category).
PATTERNS = ("", "/", ".", "x", "\\", "-", "+", "|")
#: Outline of bars and markers: 12.6:1 on white, so a light fill still has a 3:1 edge.
OUTLINE = {"color": "#333333", "width": 0.8}


def pattern(field: str, code: object) -> str:
    """The fixed fill pattern of a code, by its place in the field's vocabulary."""
    from dashboard.datasets import codes

    order = list(codes(field))
    position = order.index(str(code)) if str(code) in order else len(order)
    return PATTERNS[position % len(PATTERNS)]


FONT_FAMILY = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
BASE_FONT_SIZE = 16
#: Ticks and legends are never smaller than this on a page (projector legibility).
TICK_FONT_SIZE = 15
#: Text colour of ticks, legends and labels: 12.6:1 on white (WCAG AA needs 4.5:1).
TEXT = "#262626"


TRACE_TYPES = ("scatter", "scattergl", "bar")


def _template() -> go.layout.Template:
    """simple_white with the shared type, legend, hover and grid: built and validated once."""
    base = pio.templates["simple_white"]
    # Only the trace types the dashboard draws: every figure carries its template to the
    # browser, and defaults for 20 unused trace types are a third of a timeline's JSON.
    template = go.layout.Template(
        layout=base.layout,
        data={kind: base.data[kind] for kind in TRACE_TYPES},
    )
    axis = {
        "showgrid": True,
        "gridcolor": "#e5e5e5",
        "automargin": True,
        "tickfont": {"size": TICK_FONT_SIZE, "color": TEXT},
        "title": {"font": {"size": TICK_FONT_SIZE, "color": TEXT}},
        "linecolor": "#595959",
        "tickcolor": "#595959",
        # The last date of a range sits at the right edge: its label may overhang the plot.
        "ticklabeloverflow": "allow",
    }
    template.layout.update(
        font={"family": FONT_FAMILY, "size": BASE_FONT_SIZE, "color": TEXT},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "font": {"size": TICK_FONT_SIZE, "color": TEXT},
        },
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 15}, "align": "left"},
        hovermode="closest",
        xaxis=axis,
        yaxis=axis,
    )
    return template


TEMPLATE = "briefing"
pio.templates[TEMPLATE] = _template()
# Figures start from this template, so no figure re-validates a template of its own.
pio.templates.default = TEMPLATE


def base_layout(lang: Lang, *, title: str | None = None, height: int = 460) -> dict[str, Any]:
    """Per-figure layout on top of the shared template: title, height and margins."""
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 20}}
        if title
        else None,
        "height": height,
        "margin": {"l": 10, "r": 48, "t": 70 if title else 30, "b": 10},
    }


DAY_MS = 86_400_000
_DAY_FORMAT = {"ja": "%Y年%-m月%-d日", "en": "%-d %b %Y"}
_YEAR_FORMAT = {"ja": "%Y年", "en": "%Y"}


def date_xaxis(lang: Lang, **options: object) -> dict[str, Any]:
    """A localised date x-axis whose labels follow the tick spacing, so a short range shows
    days, a longer one months and a long one years, never the same month twice."""
    return {
        "type": "date",
        "tickformat": AXIS_DATE_FORMAT[lang],
        "tickformatstops": [
            {"dtickrange": [None, 28 * DAY_MS], "value": _DAY_FORMAT[lang]},
            {"dtickrange": [28 * DAY_MS, "M12"], "value": AXIS_DATE_FORMAT[lang]},
            {"dtickrange": ["M12", None], "value": _YEAR_FORMAT[lang]},
        ],
        **options,
    }


_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 36, 60)


def date_ticks(
    start: object, end: object, lang: Lang, *, most: int = 4, months: bool = False
) -> dict[str, Any]:
    """Explicit ticks for a date axis from ``start`` to ``end``: both ends labelled with their
    full date (their month, with ``months``, for monthly series in narrow panels), and month or
    year ticks between them (never the same month twice)."""
    import pandas as pd

    from dashboard.i18n import format_date

    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if last <= first:
        return {"tickmode": "array", "tickvals": [first], "ticktext": [format_date(first, lang)]}
    span = (last.year - first.year) * 12 + last.month - first.month
    step = next((n for n in _MONTH_STEPS if span / n <= most), _MONTH_STEPS[-1])
    inner = []
    if span >= 2:
        anchor = pd.Timestamp(year=first.year, month=1, day=1) if step >= 12 else first
        tick = (anchor + pd.offsets.MonthBegin(1)).normalize() if step < 12 else anchor
        while tick < last:
            if tick > first and (tick.month - 1) % min(step, 12) == 0:
                inner.append(tick)
            tick = (tick + pd.DateOffset(months=1)).normalize()
        inner = inner[:: max(1, step // 12)] if step >= 12 else inner
    # The end labels are full dates (or months): an inner tick keeps clear of them. A timeline
    # beside the text has a plot about 300 px wide, where half a full date (about 52 px) and half
    # a year label (25 px) take 0.27 of the axis; a narrow panel (``most`` of 2 or fewer) more.
    margin = (last - first) * (0.35 if most <= 2 else 0.3)
    inner = [tick for tick in inner if first + margin < tick < last - margin]
    year_only = step >= 12
    text = [
        (f"{tick.year}年" if lang == "ja" else str(tick.year))
        if year_only and tick.month == 1
        else (f"{tick.year}年{tick.month}月" if lang == "ja" else tick.strftime("%b %Y"))
        for tick in inner
    ]

    narrow = most <= 2  # a narrow panel: month over year, so neighbouring panels keep clear
    if narrow:
        text = [
            label.replace("年", "年<br>", 1) if lang == "ja" else label.replace(" ", "<br>", 1)
            for label in text
        ]

    def end_label(day: Any) -> str:
        if not months:
            return format_date(day, lang)
        if narrow:
            return f"{day.year}年<br>{day.month}月" if lang == "ja" else day.strftime("%b<br>%Y")
        return f"{day.year}年{day.month}月" if lang == "ja" else day.strftime("%b %Y")

    return {
        "tickmode": "array",
        "tickvals": [first, *inner, last],
        "ticktext": [end_label(first), *text, end_label(last)],
        "tickangle": 0,
    }
