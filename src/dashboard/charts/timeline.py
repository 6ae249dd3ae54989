"""Event timelines: one marker per event on a date axis, one row (lane) per category."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.datasets.spec import Dataset
from dashboard.i18n import Lang, format_dates, label, t


def _hover(events: pd.DataFrame, lang: Lang, *, compact: bool = False) -> np.ndarray:
    """One hover label per event: title, date, detail, source and row id.

    ``compact`` leaves the detail out (large timelines: the table view has it), which keeps
    what the browser receives small. Each distinct text is wrapped and each date formatted once.
    """
    source = t("chart.hover_source", lang)
    titles = wrap_all(events["title"])
    dates = format_dates(events["date"], lang)
    details = [] if compact else wrap_all(events["detail"], 90)
    sources = _strings(events["source"]).tolist()
    ids = _strings(events["id"]).tolist()
    # Fixed-width unicode arrays: plotly keeps them as they are, so copying a large figure
    # is one memory copy rather than one per string.
    if compact:
        return np.array(
            [
                f"<b>{title}</b><br>{day}<br><i>{source}: {publisher}</i> · {row_id}"
                for title, day, publisher, row_id in zip(titles, dates, sources, ids, strict=True)
            ],
            dtype=str,
        )
    return np.array(
        [
            f"<b>{title}</b><br>{day}<br>{detail}<br><i>{source}: {publisher}</i>"
            f"<br><span style='font-size:11px;color:#666'>{row_id}</span>"
            for title, day, detail, publisher, row_id in zip(
                titles, dates, details, sources, ids, strict=True
            )
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
) -> go.Figure:
    """Events as markers on a date axis, one lane per code of ``lane_column`` in ``order``.

    ``field`` names the code family whose labels and colours are used (``jurisdiction``,
    ``domain``, ``event_type`` or ``lane``). Lanes with no events are left out.
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
    layout = theme.base_layout(lang, title=title, height=max(260, 90 + 62 * len(present)))
    x_range = None
    if start is not None and end is not None:
        pad = pd.Timedelta(days=10)
        x_range = [pd.Timestamp(start) - pad, pd.Timestamp(end) + pad]
    layout["xaxis"] = theme.date_xaxis(lang, title=None, **({"range": x_range} if x_range else {}))
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


def counts_by_period(
    events: pd.DataFrame,
    lang: Lang,
    *,
    field: str,
    order: Sequence[str],
    freq: str = "Q",
    title: str | None = None,
) -> go.Figure:
    """Stacked bars: events per quarter (``freq="Q"``) or year (``"Y"``), by category.

    Every period between the first and the last event gets a bar slot, empty ones included.
    """
    traces = []
    if len(events):
        periods = events["date"].dt.to_period(freq)
        full = pd.period_range(periods.min(), periods.max(), freq=freq)
        slot = periods.array.asi8 - full[0].ordinal  # period ordinals: 0 = the first slot
        groups = _strings(events["group"])
        ticks = [_period_label(period, lang) for period in full]
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
                    "marker": {"color": theme.colour(field, code)},
                    "hovertemplate": "%{x}: %{y}<extra>%{fullData.name}</extra>",
                }
            )
    layout = theme.base_layout(lang, title=title, height=360)
    layout["barmode"] = "stack"
    layout["xaxis"] = {"type": "category", "title": None}
    layout["yaxis"] = {"title": t("chart.count_axis", lang), "rangemode": "tozero"}
    return go.Figure(data=traces, layout=layout)


def _period_label(period: pd.Period, lang: Lang) -> str:
    if period.freqstr.startswith("Y") or period.freqstr.startswith("A"):
        return f"{period.year}年" if lang == "ja" else str(period.year)
    return (
        f"{period.year}年Q{period.quarter}" if lang == "ja" else f"{period.year} Q{period.quarter}"
    )


def lanes(
    rows: pd.DataFrame,
    lang: Lang,
    *,
    dataset: Dataset,
    start: object = None,
    end: object = None,
    group: str | None = None,
) -> go.Figure:
    """A dataset's rows as events in one lane per code of its event group (or ``group``)."""
    from dashboard import events

    field = group or (dataset.events.group if dataset.events else "")
    order = dataset.vocabulary(field).values
    return event_lanes(
        events.of(dataset.id, rows, lang, group),
        lang,
        field=field,
        order=order,
        start=start,
        end=end,
    )


def counts(
    rows: pd.DataFrame, lang: Lang, *, dataset: Dataset, field: str, freq: str = "Q"
) -> go.Figure:
    """Stacked counts of a dataset's rows per quarter (``"Q"``) or year (``"Y"``) by ``field``.

    Counting needs only each row's date and code, so no full event frame is built.
    """
    dated = pd.DataFrame({"date": rows[dataset.date], "group": rows[field]})
    order = dataset.vocabulary(field).values
    return counts_by_period(dated, lang, field=field, order=order, freq=freq)
