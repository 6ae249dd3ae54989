"""Pure row filters and per-view selection, on tiny hand-made frames."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard import filters, selection
from dashboard.state import ViewState

ROWS = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "date": pd.to_datetime(["2024-12-31", "2025-01-01", "2025-06-30", "2026-01-01"]),
        "jurisdiction": ["EU", "US", "JP", "EU"],
        "measure_type": ["package", "designation", "package", "package"],
        "parties": ["US;RU", "UA", "US;UA", "EU"],
        "title_ja": ["第14次制裁", "ロスネフチ指定", "ＥＵ以外", "将来"],
        "title_en": ["14th package", "Rosneft designated", "Japan round", "Future"],
        "summary_ja": ["", "", "", ""],
        "summary_en": ["oil", "Oil majors", "banks", "x"],
    }
)


def test_between_includes_both_ends() -> None:
    kept = filters.between(ROWS, date(2025, 1, 1), date(2025, 6, 30))
    assert list(kept["id"]) == ["b", "c"]
    assert filters.between(ROWS, date(2030, 1, 1), date(2030, 12, 31)).empty


def test_codes_mask_single_and_multi() -> None:
    assert filters.codes_mask(ROWS, "jurisdiction", ["EU"]).tolist() == [True, False, False, True]
    assert filters.codes_mask(ROWS, "parties", ["UA"], multi=True).tolist() == [
        False,
        True,
        True,
        False,
    ]
    assert not filters.codes_mask(ROWS, "jurisdiction", []).any()


def test_search_is_case_and_width_insensitive_and_needs_every_word() -> None:
    assert list(filters.search(ROWS, "rosneft", ["title_en"])["id"]) == ["b"]
    assert list(filters.search(ROWS, "EU", ["title_ja"])["id"]) == ["c"]  # full-width ＥＵ
    assert list(filters.search(ROWS, "oil majors", ["summary_en"])["id"]) == ["b"]
    assert filters.search(ROWS, "oil banks", ["summary_en"]).empty
    assert len(filters.search(ROWS, "   ", ["title_en"])) == len(ROWS)
    assert filters.search(ROWS.iloc[0:0], "oil", ["title_en", "summary_en"]).empty


def test_selection_applies_only_the_filters_a_view_has() -> None:
    rows = ROWS.assign(summary_ja="", title_ja=ROWS["title_ja"])
    base = ViewState(lang="en", start=date(2022, 1, 1), end=date(2025, 12, 31))
    assert list(selection.select("sanctions_timeline", rows, base)["id"]) == ["a", "b", "c"]
    only_eu = base.with_(selected={"jur": ("EU",)})
    assert list(selection.select("sanctions_timeline", rows, only_eu)["id"]) == ["a"]
    none = base.with_(selected={"jur": ()})
    assert selection.select("sanctions_timeline", rows, none).empty


def test_loader_folds_search_text_once_and_search_uses_it() -> None:
    from dashboard.datasets import read
    from dashboard.datasets.core import SEARCH_COLUMN, normalise
    from dashboard.ui.tables import to_csv

    rows = read("sanctions_timeline").frame
    assert rows is not None
    expected = (
        rows[["title_ja", "title_en", "summary_ja", "summary_en", "id"]]
        .astype(str)
        .agg(" ".join, axis=1)
        .map(normalise)
    )
    assert rows[SEARCH_COLUMN].tolist() == expected.tolist()
    # Japanese and English words both find a row, whatever the page's language.
    hits_en = filters.search(rows, "ROSNEFT")
    hits_ja = filters.search(rows, "ロスネフチ")
    assert len(hits_en) > 0 and set(hits_ja["id"]) <= set(rows["id"]) and len(hits_ja) > 0
    columns = ["title_ja", "title_en", "summary_ja", "summary_en", "id"]
    unfolded = filters.search(rows.drop(columns=SEARCH_COLUMN), "rosneft", columns)
    assert set(hits_en["id"]) == set(unfolded["id"])
    # The derived column never leaves the app in a download.
    header = to_csv(rows).decode("utf-8-sig").splitlines()[0].split(",")
    assert sorted(header) == sorted(column for column in rows.columns if column != SEARCH_COLUMN)


def test_keep_returns_the_frame_itself_only_when_every_row_stays() -> None:
    import numpy as np

    assert filters.keep(ROWS, np.ones(len(ROWS), dtype=bool)) is ROWS
    kept = filters.keep(ROWS, np.array([True, False, True, False]))
    assert list(kept["id"]) == ["a", "c"] and kept is not ROWS
    assert filters.keep(ROWS, np.zeros(len(ROWS), dtype=bool)).empty
