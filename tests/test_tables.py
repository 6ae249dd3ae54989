"""The table views' two CSVs: the raw rows (codes, both languages) and the table as shown (the
page's language, readable labels), on tiny hand-made frames."""

from __future__ import annotations

import csv
import io

import pandas as pd

from dashboard import events
from dashboard.datasets import REGISTRY
from dashboard.ui.tables import to_csv

SANCTIONS = REGISTRY["sanctions_timeline"]
# Not in date order, so a download that re-sorted its rows would show.
ROWS = pd.DataFrame(
    {
        "id": ["b", "a", "c"],
        "date": pd.to_datetime(["2025-03-01", "2024-01-15", "2025-12-31"]),
        "jurisdiction": ["US", "JP", "EU"],
        "measure_type": ["designation", "export_control", "package"],
        "title_ja": ["米国の指定", "日本の輸出規制", "第19次パッケージ"],
        "title_en": ["US designations", "Japan's export controls", "19th package"],
        "summary_ja": ["概要b", "概要a", "概要c"],
        "summary_en": ["summary b", "summary a", "summary c"],
        "source_publisher": ["OFAC", "METI", "Council of the EU"],
        "source_title": ["Press release", "Notice", "Regulation"],
        "source_url": ["https://example.org/b", "https://example.org/a", "https://example.org/c"],
        "_search": ["b", "a", "c"],  # derived by the loader: never downloaded
    }
)


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for spreadsheet programs
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_combined_timelines_raw_rows_keep_its_order_and_hold_both_languages() -> None:
    parts: dict[str, pd.DataFrame | None] = {"sanctions_timeline": ROWS}
    timeline = events.combined(parts, "en")
    shown = timeline[timeline["id"] != "b"]  # e.g. a search leaves two of the three
    raw = events.raw_rows(shown, parts)
    assert list(raw.columns) == events.RAW_COLUMNS
    assert list(raw["id"]) == list(shown["id"]) == ["a", "c"]  # by date, as on the chart
    assert SANCTIONS.lane is not None
    assert set(raw["lane"]) == {SANCTIONS.lane.code}
    assert set(raw["dataset"]) == {"sanctions_timeline"}
    by_id = ROWS.set_index("id")
    assert list(raw["title_ja"]) == list(by_id.loc[["a", "c"], "title_ja"])
    assert list(raw["title_en"]) == list(by_id.loc[["a", "c"], "title_en"])
    assert read_csv(to_csv(raw))[0]["date"] == "2024-01-15"
