"""Dataset rows turned into one event shape for timelines, hovers, tables and footnotes.

Every event has: id, date, dataset, group (a category code), title, detail (both in the chosen
language), source (publisher), url, and the folded search text. Pure functions; no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from dashboard.datasets.core import SEARCH_COLUMN, normalise
from dashboard.i18n import Lang, label

EVENT_COLUMNS = ["id", "date", "dataset", "group", "title", "detail", "source", "url"]


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
    group: pd.Series,
    title: pd.Series | Sequence[str],
    detail: pd.Series | Sequence[str],
) -> Columns:
    """The event columns of ``rows`` as arrays (one frame is built at the end, not per step).

    Text shown in hovers becomes Python strings; the link and search text stay as loaded.
    """
    columns: Columns = {
        "id": _text(rows["id"]),
        "date": rows[_date_column(rows)].to_numpy(),
        "dataset": np.full(len(rows), dataset, dtype=object),
        "group": _text(group.astype(object)),
        "title": _text(title),
        "detail": _text(detail),
        "source": _text(rows["source_publisher"]),
        "url": rows["source_url"].array,
    }
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


def _described(dataset: str, group: str, detail: str) -> Callable[[pd.DataFrame, Lang], Columns]:
    """Events whose title and detail are the dataset's own text (``title_<lang>``,
    ``<detail>_<lang>``), in lanes by its ``group`` code."""

    def build(rows: pd.DataFrame, lang: Lang) -> Columns:
        return _columns(rows, dataset, rows[group], rows[f"title_{lang}"], rows[f"{detail}_{lang}"])

    return build


_sanctions_columns = _described("sanctions_timeline", "jurisdiction", "summary")
_dprk_columns = _described("dprk_russia_milestones", "domain", "summary")
_ceasefire_columns = _described("ceasefire_talks", "event_type", "outcome")


def _date_column(rows: pd.DataFrame) -> str:
    for name in ("date", "decision_date", "period_start", "as_of"):
        if name in rows.columns:
            return name
    raise KeyError("no date column")


def sanctions(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _as_frame(_sanctions_columns(rows, lang))


def dprk(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _as_frame(_dprk_columns(rows, lang))


def ceasefire(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _as_frame(_ceasefire_columns(rows, lang))


def key_rate(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _as_frame(_key_rate_columns(rows, lang))


def _key_rate_parts(rows: pd.DataFrame, lang: Lang) -> tuple[list[str], list[str]]:
    """Titles ("cut to 16.5% (-0.5 pt)") and details (the meeting) of key-rate decisions."""
    verbs = [label("decision", code, lang) for code in rows["decision"].astype(object)]
    rates = rows["key_rate_pct"].tolist()
    changes = rows["change_pp"].tolist()
    if lang == "ja":
        titles = [
            f"政策金利を{rate:g}%に{verb}（{change:+g}pt）"
            for verb, rate, change in zip(verbs, rates, changes, strict=True)
        ]
    else:
        titles = [
            f"{verb}: key rate {rate:g}% ({change:+g} pp)"
            for verb, rate, change in zip(verbs, rates, changes, strict=True)
        ]
    details = [label("meeting", code, lang) for code in rows["meeting"].astype(object)]
    return titles, details


def combined(
    sanctions_rows: pd.DataFrame | None,
    dprk_rows: pd.DataFrame | None,
    ceasefire_rows: pd.DataFrame | None,
    key_rate_rows: pd.DataFrame | None,
    lang: Lang,
) -> pd.DataFrame:
    """All four datasets in one frame with a ``lane`` column; a missing dataset is left out."""
    parts = []
    for lane, rows, build in (
        ("ceasefire", ceasefire_rows, _ceasefire_columns),
        ("sanctions", sanctions_rows, _sanctions_columns),
        ("economy", key_rate_rows, _key_rate_columns),
        ("dprk", dprk_rows, _dprk_columns),
    ):
        if rows is not None and len(rows):
            part = build(rows, lang)
            part["lane"] = np.full(len(rows), lane, dtype=object)
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*EVENT_COLUMNS, SEARCH_COLUMN, "lane"])
    columns = {
        name: np.concatenate([np.asarray(part[name], dtype=object) for part in parts])
        if name != "date"
        else np.concatenate([part[name] for part in parts])
        for name in parts[0]
    }
    order = np.lexsort((columns["id"], columns["date"]))  # by date, then id
    return _as_frame({name: values[order] for name, values in columns.items()})


def _key_rate_columns(rows: pd.DataFrame, lang: Lang) -> Columns:
    titles, details = _key_rate_parts(rows, lang)
    return _columns(rows, "russian_key_rate", rows["decision"], titles, details)
