"""Event timelines: one marker per event on a date axis, one row (lane) per category."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import layer, theme
from dashboard.charts.common import text_px, wrap_title
from dashboard.datasets.core import AS_OF
from dashboard.datasets.spec import Dataset
from dashboard.i18n import Lang, format_dates, label, t


def _hover(events: pd.DataFrame, lang: Lang, *, compact: bool = False) -> np.ndarray:
    """One hover label per event: title, date, detail and source (no internal ids).

    ``compact`` leaves the detail out (large timelines: the table view has it), which keeps
    what the browser receives small. Each distinct text is wrapped and each date formatted once.
    """
    source = t("chart.hover_source", lang)
    titles = wrap_all(events["title"])
    dates = format_dates(events["date"], lang)
    details = [] if compact else wrap_all(events["detail"], 90)
    sources = _strings(events["source"]).tolist()
    # Fixed-width unicode arrays: plotly keeps them as they are, so copying a large figure
    # is one memory copy rather than one per string.
    if compact:
        return np.array(
            [
                f"<b>{title}</b><br>{day}<br><i>{source}: {publisher}</i>"
                for title, day, publisher in zip(titles, dates, sources, strict=True)
            ],
            dtype=str,
        )
    return np.array(
        [
            f"<b>{title}</b><br>{day}<br>{detail}<br><i>{source}: {publisher}</i>"
            for title, day, detail, publisher in zip(titles, dates, details, sources, strict=True)
        ],
        dtype=str,
    )


def _strings(values: pd.Series) -> np.ndarray:
    """A text or category column as a fixed-width string array (no pandas string copies)."""
    return values.to_numpy(dtype=object, na_value="").astype(str)


_BREAK = re.compile(r"[ 、。，,]|[^\x00-\x7f]")
MAX_LINES = 4


@lru_cache(maxsize=16384)
def _wrap(text: str, width: int = 60) -> str:
    """Break long hover text into lines (plotly hover labels do not wrap by themselves).

    A line ends at the first space or Japanese punctuation (or any non-ASCII character, so
    Japanese breaks anywhere) once it is ``width`` characters long; at most four lines.
    """
    text = str(text)
    if len(text) <= width:
        return text
    lines: list[str] = []
    start = 0
    while start < len(text) and len(lines) <= MAX_LINES:
        found = _BREAK.search(text, start + width - 1)
        end = found.end() if found else len(text)
        line = text[start:end].strip()
        if line:
            lines.append(line)
        start = end
    if start < len(text) and text[start:].strip():
        lines.append(text[start:].strip())
    return "<br>".join(lines[:MAX_LINES]) + ("…" if len(lines) > MAX_LINES else "")


def wrap_all(texts: pd.Series, width: int = 60) -> list[str]:
    """``_wrap`` over a column, each distinct text wrapped once."""
    codes, distinct = pd.factorize(texts.to_numpy(dtype=object), use_na_sentinel=False)
    wrapped = np.array([_wrap(text, width) for text in distinct], dtype=object)
    return wrapped[codes].tolist()


HOVER_TEMPLATE = "%{hovertext}<extra></extra>"
#: Above this many points a lane is drawn with WebGL (``Scattergl``): SVG slows down badly.
WEBGL_FROM = 2000


def event_lanes(
    events: pd.DataFrame,
    lang: Lang,
    *,
    field: str,
    order: Sequence[str],
    lane_column: str = "group",
    title: str | None = None,
    start: object = None,
    end: object = None,
    key_list_px: float | None = None,
) -> go.Figure:
    """Events as markers on a date axis, one lane per code of ``lane_column`` in ``order``.

    ``field`` names the code family whose labels and colours are used (``jurisdiction``,
    ``domain``, ``event_type`` or ``lane``). Lanes with no events are left out. The list of key
    events below the plot is wrapped to ``key_list_px`` (the column beside the text unless a
    wider chart says so).
    """
    lanes = _strings(events[lane_column])
    codes = set(lanes)
    present = [code for code in order if code in codes]
    large = len(events) > WEBGL_FROM
    hover = _hover(events, lang, compact=large)
    dates = events["date"].to_numpy()
    ids = _strings(events["id"])
    traces = []
    labels = [label(field, code, lang) for code in present]
    for position, (code, name) in enumerate(zip(present, labels, strict=True)):
        mask = lanes == code
        # Lanes are numbered from the bottom so the first lane in ``order`` is drawn at the top;
        # numbers (not the label repeated per point) keep large figures cheap to copy and send.
        lane = {
            "type": "scattergl" if large else "scatter",
            "x": dates[mask],
            "y": np.full(int(mask.sum()), len(present) - 1 - position, dtype=np.int16),
            "mode": "markers",
            "name": name,
            "marker": {
                "size": 15,
                "color": theme.colour(field, code),
                "symbol": theme.symbol(field, code),
                "line": {"width": 1, "color": "#333333"},
                "opacity": 0.9,
            },
            "hovertext": hover[mask],
            "hovertemplate": HOVER_TEMPLATE,
        }
        if not large:  # row ids per point (the hover names them too)
            lane["ids"] = ids[mask]
        traces.append(lane)
    annotations = (
        key_annotations(events, lanes, present, lang, width=key_list_px or KEY_LIST_PX)
        if not large
        else []
    )
    # Lines of the numbered list below the plot (its last annotation).
    named = str(annotations[-1]["text"]).count("<br>") + 1 if annotations else 0
    if named:  # the list starts under the lane labels, not at the plot's left edge
        annotations[-1]["xshift"] = -round(
            max(text_px(name, theme.TICK_FONT_SIZE) for name in labels) + 8
        )
    layout = theme.base_layout(
        lang, title=title, height=max(260, 90 + 62 * len(present) + 20 * named)
    )
    if named:
        layout["margin"] = {**layout["margin"], "b": 50 + 20 * named}
    if start is None or end is None:
        start, end = events["date"].min(), events["date"].max()
    pad = (pd.Timestamp(end) - pd.Timestamp(start)) * 0.02 + pd.Timedelta(days=3)
    x_range = [pd.Timestamp(start) - pad, pd.Timestamp(end) + pad]
    layout["xaxis"] = {
        **theme.date_xaxis(lang, title=None, range=x_range),
        **theme.date_ticks(start, end, lang),
    }
    layout["annotations"] = annotations
    layout["yaxis"] = {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": list(reversed(labels)),
        "range": [-0.6, len(labels) - 0.4],
        "zeroline": False,
        "showgrid": True,
        "title": None,
    }
    layout["showlegend"] = False
    # One constructor call validates data and layout once (update_* calls re-walk the figure).
    fig = go.Figure(data=traces, layout=layout)
    return fig


#: At most this many key events are named on one chart (the data mark a handful).
MAX_KEY_LABELS = 8


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def key_annotations(
    events: pd.DataFrame,
    lanes: np.ndarray,
    present: Sequence[str],
    lang: Lang,
    *,
    width: float | None = None,
) -> list[dict[str, object]]:
    """The events the data mark as key (``key_event``), named on the chart: a circled number
    above each marker and, below the plot, the list of numbers with date and title (labels
    beside markers would collide where events cluster)."""
    if "key" not in events.columns:
        return []
    keys = [p for p in np.flatnonzero(events["key"].to_numpy(dtype=bool)) if lanes[p] in present]
    if len(keys) > MAX_KEY_LABELS:  # more key events than fit: an even spread over the range
        keys = [keys[int(i)] for i in np.linspace(0, len(keys) - 1, MAX_KEY_LABELS)]
    found: list[dict[str, object]] = []
    lines = []
    for number, position in enumerate(keys):
        mark = CIRCLED[number]
        day = events["date"].iloc[position]
        found.append(
            {
                "x": day,
                "y": len(present) - 1 - present.index(lanes[position]),
                "text": f"<b>{mark}</b>",
                "showarrow": False,
                "yshift": 19,
                "font": {"size": theme.TICK_FONT_SIZE + 1, "color": theme.TEXT},
            }
        )
        entry = (
            f"{mark} {format_dates(pd.Series([day]), lang)[0]}　{events['title'].iloc[position]}"
        )
        lines.append(key_entry(entry, width or KEY_LIST_PX))
    if lines:
        found.append(
            {
                "x": 0,
                "y": 0,
                "xref": "paper",
                "yref": "paper",
                "yanchor": "top",
                "xanchor": "left",
                "yshift": -36,
                "align": "left",
                "showarrow": False,
                "text": "<br>".join(lines),
                "font": {"size": KEY_LIST_SIZE, "color": theme.TEXT},
            }
        )
    return found


#: Width of the numbered list of key events: the plot area of a timeline in the 450 px column
#: beside the text (the list starts at the plot's left edge and may run into the right margin).
KEY_LIST_PX = 330
#: The same for a timeline drawn across a slide or the presentation screen (a picture of a
#: known size, about 610 px of plot).
KEY_LIST_WIDE_PX = 600
#: The overview's timeline across the page: sized for the narrowest screen it must fit,
#: 1024 px, where the chart is about 560 px wide.
KEY_LIST_PAGE_PX = 440
KEY_LIST_SIZE = theme.TICK_FONT_SIZE - 1
KEY_LIST_INDENT = "\u3000\u3000"


def key_entry(entry: str, width: float = KEY_LIST_PX) -> str:
    """One key event of the list: at most two lines of ``width`` px, the second indented and
    ended with "…" where the title runs on (the whole title is in the marker's hover)."""
    lines = wrap_title(entry, width, size=KEY_LIST_SIZE, colon=False).split("<br>")
    if len(lines) <= 2:
        return "<br>".join([lines[0], *(KEY_LIST_INDENT + line for line in lines[1:])])
    second = lines[1]
    while second and text_px(KEY_LIST_INDENT + second + "…", KEY_LIST_SIZE) > width:
        second = second[:-1]
    if " " in second:  # English: end on a whole word
        second = second.rsplit(" ", 1)[0]
    return lines[0] + "<br>" + KEY_LIST_INDENT + second.rstrip() + "…"


def counts_by_period(
    events: pd.DataFrame,
    lang: Lang,
    *,
    field: str,
    order: Sequence[str],
    freq: str = "Q",
    title: str | None = None,
    follow_up: bool = False,
) -> go.Figure:
    """Stacked bars: events per quarter (``freq="Q"``) or year (``"Y"``), by category.

    Every period between the first and the last event gets a bar slot, empty ones included.
    ``follow_up``: periods after the chapter's cut-off are the follow-up layer's: their bars
    get the layer's thick edge, and their labels say so and how far the rows reach (a year
    not yet over is not passed off as a full one).
    """
    traces = []
    late_slots: list[bool] = []
    if len(events):
        periods = events["date"].dt.to_period(freq)
        full = pd.period_range(periods.min(), periods.max(), freq=freq)
        slot = periods.array.asi8 - full[0].ordinal  # period ordinals: 0 = the first slot
        groups = _strings(events["group"])
        ticks = [_period_label(period, lang) for period in full]
        if follow_up:
            cutoff = pd.Timestamp(AS_OF)
            late_slots = [period.start_time > cutoff for period in full]
            last = events["date"].max()
            ticks = [
                _follow_up_label(tick, period, last, lang) if late else tick
                for tick, period, late in zip(ticks, full, late_slots, strict=True)
            ]
        for code in order:
            mask = groups == code
            if not mask.any():
                continue
            traces.append(
                {
                    "type": "bar",
                    "x": ticks,
                    "y": np.bincount(slot[mask], minlength=len(full)),
                    "name": label(field, code, lang),
                    "marker": {
                        "color": theme.colour(field, code),
                        "line": layer.edges_for(late_slots, theme.OUTLINE),
                        "pattern": {
                            "shape": theme.pattern(field, code),
                            "fgcolor": "#333333",
                            "size": 7,
                            "solidity": 0.25,
                        },
                    },
                    "hovertemplate": "%{x}: %{y}"
                    + ("件" if lang == "ja" else " entries")
                    + "<extra>%{fullData.name}</extra>",
                }
            )
    if any(late_slots):
        traces.append(layer.legend_entry(lang))
    # A follow-up period's label takes a second line (and rotated, more room): the plot keeps
    # its height.
    layout = theme.base_layout(lang, title=title, height=460 if any(late_slots) else 360)
    layout["barmode"] = "stack"
    layout["xaxis"] = {"type": "category", "title": None}
    layout["yaxis"] = {"title": t("chart.count_axis", lang), "rangemode": "tozero"}
    return go.Figure(data=traces, layout=layout)


def _follow_up_label(tick: str, period: pd.Period, last: pd.Timestamp, lang: Lang) -> str:
    """A period of the follow-up layer: "2026年<br>（4月まで・追記）", "Q1 2026<br>(follow-up)"."""
    reach = min(period.end_time, last)
    if reach.to_period("M") < period.end_time.to_period("M"):  # rows stop inside the period
        if lang == "ja":
            return f"{tick}<br>（{reach.month}月まで・追記）"
        return f"{tick}<br>(to {reach.strftime('%b')}; follow-up)"
    return f"{tick}<br>（追記）" if lang == "ja" else f"{tick}<br>(follow-up)"


def _period_label(period: pd.Period, lang: Lang) -> str:
    if period.freqstr.startswith("Y") or period.freqstr.startswith("A"):
        return f"{period.year}年" if lang == "ja" else str(period.year)
    first = 3 * period.quarter - 2
    return (
        f"{period.year}年{first}〜{first + 2}月期"
        if lang == "ja"
        else f"Q{period.quarter} {period.year}"
    )


def lanes(
    rows: pd.DataFrame,
    lang: Lang,
    *,
    dataset: Dataset,
    start: object = None,
    end: object = None,
    group: str | None = None,
    axis_from: str | None = None,
    key_list_px: float | None = None,
) -> go.Figure:
    """A dataset's rows as events in one lane per code of its event group (or ``group``);
    the date axis starts no earlier than ``axis_from`` (a track that begins then); the key
    events' list is ``key_list_px`` wide (the column beside the text by default)."""
    from dashboard import events

    if axis_from is not None and start is not None:
        start = max(pd.Timestamp(start), pd.Timestamp(axis_from))
    field = group or (dataset.events.group if dataset.events else "")
    order = dataset.vocabulary(field).values
    return event_lanes(
        events.of(dataset.id, rows, lang, group),
        lang,
        field=field,
        order=order,
        start=start,
        end=end,
        key_list_px=key_list_px,
    )


def counts(
    rows: pd.DataFrame, lang: Lang, *, dataset: Dataset, field: str, freq: str = "Q"
) -> go.Figure:
    """Stacked counts of a dataset's rows per quarter (``"Q"``) or year (``"Y"``) by ``field``.

    Counting needs only each row's date and code, so no full event frame is built.
    """
    dated = pd.DataFrame({"date": rows[dataset.date], "group": rows[field]})
    order = dataset.vocabulary(field).values
    follow_up = layer.LATE in rows.columns  # drawn in the follow-up view (Figure.draw)
    return counts_by_period(dated, lang, field=field, order=order, freq=freq, follow_up=follow_up)
