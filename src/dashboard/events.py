"""Dataset rows turned into one event shape for timelines, hovers, tables and footnotes.

Every event has: id, date, dataset, group (a category code), title, detail (both in the chosen
language), source (publisher), url, and the folded search text. Pure functions; no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from dashboard.datasets.core import SEARCH_COLUMN, search_text
from dashboard.i18n import Lang, label

EVENT_COLUMNS = ["id", "date", "dataset", "group", "title", "detail", "source", "url"]


def _frame(
    rows: pd.DataFrame, dataset: str, group: pd.Series, title: pd.Series, detail: pd.Series
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "id": rows["id"].astype(str),
            "date": rows[_date_column(rows)],
            "dataset": dataset,
            "group": group.astype(str),
            "title": title.astype(str),
            "detail": detail.astype(str),
            "source": rows["source_publisher"].astype(str),
            "url": rows["source_url"].astype(str),
        }
    )
    # Searchable text travels with the event: the loader's (both languages) or built here.
    if SEARCH_COLUMN in rows.columns:
        frame[SEARCH_COLUMN] = rows[SEARCH_COLUMN]
    else:
        frame[SEARCH_COLUMN] = search_text(frame, ["title", "detail", "id"])
    return frame.reset_index(drop=True)


def _date_column(rows: pd.DataFrame) -> str:
    for name in ("date", "decision_date", "period_start", "as_of"):
        if name in rows.columns:
            return name
    raise KeyError("no date column")


def sanctions(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _frame(
        rows,
        "sanctions_timeline",
        rows["jurisdiction"],
        rows[f"title_{lang}"],
        rows[f"summary_{lang}"],
    )


def dprk(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _frame(
        rows,
        "dprk_russia_milestones",
        rows["domain"],
        rows[f"title_{lang}"],
        rows[f"summary_{lang}"],
    )


def ceasefire(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return _frame(
        rows, "ceasefire_talks", rows["event_type"], rows[f"title_{lang}"], rows[f"outcome_{lang}"]
    )


def key_rate(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    def describe(row: pd.Series) -> str:
        verb = label("decision", row["decision"], lang)
        if lang == "ja":
            return f"政策金利を{row['key_rate_pct']:g}%に{verb}（{row['change_pp']:+g}pt）"
        return f"{verb}: key rate {row['key_rate_pct']:g}% ({row['change_pp']:+g} pp)"

    titles = rows.apply(describe, axis=1) if len(rows) else pd.Series(dtype=str)
    details = rows["meeting"].map(lambda code: label("meeting", code, lang))
    return _frame(rows, "russian_key_rate", rows["decision"], titles, details)


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
        ("ceasefire", ceasefire_rows, ceasefire),
        ("sanctions", sanctions_rows, sanctions),
        ("economy", key_rate_rows, key_rate),
        ("dprk", dprk_rows, dprk),
    ):
        if rows is not None and len(rows):
            part = build(rows, lang)
            part["lane"] = lane
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=[*EVENT_COLUMNS, SEARCH_COLUMN, "lane"])
    return pd.concat(parts, ignore_index=True).sort_values(["date", "id"], ignore_index=True)
