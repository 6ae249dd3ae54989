"""The table views' two CSVs: the raw rows (codes, both languages) and the table as shown (the
page's language, readable labels), on tiny hand-made frames."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard import events
from dashboard.datasets import REGISTRY
from dashboard.datasets.spec import in_lang
from dashboard.i18n import Lang, label, t
from dashboard.ui.panels import TIMELINE_TABLE
from dashboard.ui.tables import display_frame, to_csv

SANCTIONS = REGISTRY["sanctions_timeline"]
CODES = {item.field: item.field for item in SANCTIONS.vocabularies}
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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_table_as_shown_has_the_ui_languages_headers_and_labels_not_codes(lang: Lang) -> None:
    shown = display_frame(ROWS, lang, SANCTIONS.table, codes=CODES)
    headers = [
        "table.date",
        "filter.jurisdiction",
        "filter.measure_type",
        "table.title",
        "table.summary",
        "table.source",
        "table.link",
    ]
    assert list(shown.columns) == [t(key, lang) for key in headers]
    measure = t("filter.measure_type", lang)
    assert list(shown[measure]) == [
        label("measure_type", code, lang) for code in ROWS["measure_type"]
    ]
    assert not set(shown[measure]) & set(ROWS["measure_type"])  # no code left in a coded column
    assert list(shown[t("table.title", lang)]) == list(ROWS[f"title_{lang}"])
    assert shown[t("table.date", lang)][1] == ("2024年1月15日" if lang == "ja" else "15 Jan 2024")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_two_downloads_have_the_same_rows_in_the_same_order(lang: Lang) -> None:
    raw = read_csv(to_csv(ROWS))
    shown = read_csv(to_csv(display_frame(ROWS, lang, SANCTIONS.table, codes=CODES)))
    assert len(raw) == len(shown) == len(ROWS)
    # The raw file: every stored column (codes, both languages), none the loader derived.
    assert list(raw[0]) == [column for column in ROWS.columns if column != "_search"]
    assert [row["id"] for row in raw] == ["b", "a", "c"]
    assert [row["measure_type"] for row in raw] == list(ROWS["measure_type"])
    assert [row["date"] for row in raw] == ["2025-03-01", "2024-01-15", "2025-12-31"]
    # The file as shown: row for row the same events, in the page's language.
    title = t("table.title", lang)
    assert [row[title] for row in shown] == [row[f"title_{lang}"] for row in raw]
    assert [row[t("table.link", lang)] for row in shown] == [row["source_url"] for row in raw]
    assert "id" not in shown[0] and "measure_type" not in shown[0]


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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_combined_timelines_table_as_shown_names_lanes_in_the_ui_language(lang: Lang) -> None:
    parts: dict[str, pd.DataFrame | None] = {"sanctions_timeline": ROWS}
    timeline = events.combined(parts, lang)
    cited = timeline.rename(columns={"source": "source_publisher", "url": "source_url"})
    shown = display_frame(cited, lang, TIMELINE_TABLE, codes={"lane": "lane"})
    raw = events.raw_rows(timeline, parts)
    assert len(shown) == len(raw)
    assert list(shown.columns) == [t(key, lang) for _, key in TIMELINE_TABLE] + [
        t("table.source", lang),
        t("table.link", lang),
    ]
    assert SANCTIONS.lane is not None
    lane = in_lang(SANCTIONS.lane.label, lang)
    assert set(shown[t("table.lane", lang)]) == {lane}
    assert list(shown[t("table.id", lang)]) == list(raw["id"])
    assert list(shown[t("table.title", lang)]) == list(raw[f"title_{lang}"])
