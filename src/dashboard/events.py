"""Dataset rows turned into one event shape for timelines, hovers, tables and footnotes.

Every event has: id, date, dataset, group (a category code), title, detail (both in the chosen
language), source (publisher), url, and the folded search text. Pure functions; no Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from dashboard.datasets import REGISTRY, Dataset
from dashboard.datasets.core import SEARCH_COLUMN, normalise
from dashboard.datasets.spec import EventText
from dashboard.i18n import Lang

EVENT_COLUMNS = ["id", "date", "dataset", "group", "title", "detail", "source", "url", "key"]


def _text(values: pd.Series | Sequence[str]) -> np.ndarray:
    """Plain Python strings (missing -> ""), cheap to slice, concatenate and hover."""
    if isinstance(values, pd.Series):
        return values.to_numpy(dtype=object, na_value="")
    return np.asarray(values, dtype=object)


Columns = dict[str, Any]  # column name -> numpy array or pandas extension array


def _as_frame(columns: Columns) -> pd.DataFrame:
    """One frame from event columns; Python-string arrays stay ``object`` (pandas would
    otherwise convert every string into its Arrow string type again)."""
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=object, copy=False)
            if str(getattr(values, "dtype", "")) == "object"
            else values
            for name, values in columns.items()
        }
    )


def _columns(
    rows: pd.DataFrame,
    dataset: str,
    date_column: str,
    group: pd.Series,
    title: pd.Series | Sequence[str],
    detail: pd.Series | Sequence[str],
) -> Columns:
    """The event columns of ``rows`` as arrays (one frame is built at the end, not per step).

    Text shown in hovers becomes Python strings; the link and search text stay as loaded.
    """
    columns: Columns = {
        "id": _text(rows["id"]),
        "date": rows[date_column].to_numpy(),
        "dataset": np.full(len(rows), dataset, dtype=object),
        "group": _text(group.astype(object)),
        "title": _text(title),
        "detail": _text(detail),
        "source": _text(rows["source_publisher"]),
        "url": rows["source_url"].array,
    }
    # Key events (declared in the data) are named on the charts, not only in the hover.
    columns["key"] = (
        rows["key_event"].to_numpy(dtype=bool)
        if "key_event" in rows.columns
        else np.zeros(len(rows), dtype=bool)
    )
    # Searchable text travels with the event: the loader's (both languages) or built here.
    if SEARCH_COLUMN in rows.columns:
        columns[SEARCH_COLUMN] = rows[SEARCH_COLUMN].array
    else:
        columns[SEARCH_COLUMN] = _text(
            [
                normalise(f"{title_} {detail_} {id_}")
                for title_, detail_, id_ in zip(
                    columns["title"], columns["detail"], columns["id"], strict=True
                )
            ]
        )
    return columns


def _text_of(spec: EventText, rows: pd.DataFrame, lang: Lang) -> pd.Series | Sequence[str]:
    """A column stem (``"title"`` -> ``title_<lang>``) or a function of the rows."""
    return rows[f"{spec}_{lang}"] if isinstance(spec, str) else spec(rows, lang)


def _event_columns(
    dataset_id: str, rows: pd.DataFrame, lang: Lang, group: str | None = None
) -> Columns:
    """The event columns of a dataset's rows, as its declaration says (lanes by ``group``)."""
    spec = REGISTRY[dataset_id]
    if spec.events is None:
        raise ValueError(f"{dataset_id} declares no events")
    return _columns(
        rows,
        dataset_id,
        spec.date,
        rows[group or spec.events.group],
        _text_of(spec.events.title, rows, lang),
        _text_of(spec.events.detail, rows, lang),
    )


def of(dataset_id: str, rows: pd.DataFrame, lang: Lang, group: str | None = None) -> pd.DataFrame:
    """A dataset's rows as events; ``group`` overrides the category its lanes follow."""
    return _as_frame(_event_columns(dataset_id, rows, lang, group))


def lanes() -> list[Dataset]:
    """The datasets that are lanes of the combined timeline, in lane order."""
    with_lane = [spec for spec in REGISTRY.values() if spec.lane is not None and spec.events]
    return sorted(with_lane, key=lambda spec: spec.lane.order)  # type: ignore[union-attr]


def combined(parts: Mapping[str, pd.DataFrame | None], lang: Lang) -> pd.DataFrame:
    """Several datasets' events in one frame with a ``lane`` column (their lane codes), sorted
    by date and id; a dataset given as ``None`` or with no rows is left out."""
    columns_of = []
    for spec in lanes():
        rows = parts.get(spec.id)
        if rows is not None and len(rows):
            part = _event_columns(spec.id, rows, lang)
            part["lane"] = np.full(len(rows), spec.lane.code, dtype=object)  # type: ignore[union-attr]
            columns_of.append(part)
    if not columns_of:
        return pd.DataFrame(columns=[*EVENT_COLUMNS, SEARCH_COLUMN, "lane"])
    columns = {
        name: np.concatenate([np.asarray(part[name], dtype=object) for part in columns_of])
        if name != "date"
        else np.concatenate([part[name] for part in columns_of])
        for name in columns_of[0]
    }
    order = np.lexsort((columns["id"], columns["date"]))  # by date, then id
    return _as_frame({name: values[order] for name, values in columns.items()})


#: The combined timeline's raw download: codes, ISO dates and the text in both languages.
RAW_COLUMNS = [
    "id",
    "date",
    "dataset",
    "lane",
    "title_ja",
    "title_en",
    "detail_ja",
    "detail_en",
    "source",
    "url",
    "key_event",
]


def raw_rows(shown: pd.DataFrame, parts: Mapping[str, pd.DataFrame | None]) -> pd.DataFrame:
    """The events of ``shown`` (a ``combined`` frame in one language) as data, in its order:
    dataset and lane codes, the date, the title and detail in Japanese and in English, the
    source and link, and whether the data mark it a key event.

    ``parts`` are the rows ``shown`` was combined from. Assume: ids are unique within a dataset.
    """
    keys = pd.MultiIndex.from_arrays([shown["dataset"], shown["id"]])
    text = {}
    for lang in ("ja", "en"):
        events = combined(parts, lang).set_index(["dataset", "id"]).reindex(keys)
        text[f"title_{lang}"] = events["title"].to_numpy()
        text[f"detail_{lang}"] = events["detail"].to_numpy()
    raw = shown.assign(**text, key_event=shown["key"])
    return raw[RAW_COLUMNS].reset_index(drop=True)
