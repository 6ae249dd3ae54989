"""Columns every curated dataset shares: where each row's fact comes from, and how strong
that source is (its tier, checked against the publisher registry ``data/publishers.csv``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import CHECKED, FIRST_DAY, HTTP_URL
from dashboard.datasets.spec import vocabulary
from dashboard.palette import BLUE, GREEN, GREY, ORANGE

EARLIEST = pd.Timestamp(FIRST_DAY)
#: Rows describe the world up to the day the editors last checked sources. Rows dated after the
#: chapter's cut-off are the follow-up layer, kept out of the chapter's view (``selection``).
LATEST = pd.Timestamp(CHECKED)
#: A figure about the period up to the cut-off may have been published later; such rows are
#: flagged as published after the cut-off and kept out of the chapter's view.
PUBLISHED_LATEST = pd.Timestamp(CHECKED)
#: A plan or forecast may describe a period up to the end of the year the editors checked.
PERIOD_LATEST = pd.Timestamp(CHECKED.year, 12, 31)
#: Sources were read for this dashboard, never before the project began.
ACCESSED_FROM = pd.Timestamp("2025-01-01")
ID_PATTERN = r"^[a-z0-9][a-z0-9_]*$"

TIER = vocabulary(
    "source_tier",
    ("official", "公式", "Official", GREEN),
    ("agency", "通信社", "News agency", BLUE),
    ("press", "報道機関", "Press", ORANGE),
    ("secondary", "二次資料", "Secondary", GREY),
)
TIERS = TIER.values
TITLE_BASIS = vocabulary(
    "source_title_basis",
    ("page", "ページ記載の表題", "Title as on the page"),
    ("url", "URLから復元した表題（ページの表題は未確認）", "Title rebuilt from the URL (not read off the page)"),
    ("editor", "編集者による説明（ページに表題なし）", "Editors' description (the page shows no title)"),
)  # fmt: skip
#: The second source's columns: all filled or all empty.
SECOND_SOURCE = (
    "source_2_publisher",
    "source_2_title",
    "source_2_url",
    "source_2_tier",
    "source_2_accessed",
)


class SourcedRow(pa.DataFrameModel):
    """Provenance columns shared by every dataset: the source read, its tier, a second source."""

    source_publisher: Series[str]
    source_title: Series[str]
    source_title_basis: Series[str] = pa.Field(isin=TITLE_BASIS.values)
    source_url: Series[str] = pa.Field(str_matches=HTTP_URL)
    source_tier: Series[str] = pa.Field(isin=TIERS)
    source_accessed: Series[pa.DateTime] = pa.Field(ge=ACCESSED_FROM, le=LATEST)
    source_2_publisher: Series[str] = pa.Field(nullable=True)
    source_2_title: Series[str] = pa.Field(nullable=True)
    source_2_url: Series[str] = pa.Field(nullable=True, str_matches=HTTP_URL)
    source_2_tier: Series[str] = pa.Field(nullable=True, isin=TIERS)
    source_2_accessed: Series[pa.DateTime] = pa.Field(nullable=True, ge=ACCESSED_FROM, le=LATEST)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True

    @pa.dataframe_check(
        error="a second source needs all five source_2_ columns (publisher, title, URL, tier, "
        "date read), or none of them."
    )
    @classmethod
    def second_source_complete(cls, frame):  # type: ignore[no-untyped-def]
        filled = frame[list(SECOND_SOURCE)].notna()
        return filled.all(axis=1) | ~filled.any(axis=1)


#: Vocabularies of the provenance columns, declared by every dataset (labels in tables).
PROVENANCE_VOCABULARIES = (TIER, TITLE_BASIS)


def cited(row: Mapping[str, Any]) -> str:
    """A row's sources in one line, for a key figure's help: "publisher: title; …"."""
    parts = [f"{row['source_publisher']}: {row['source_title']}"]
    second = row.get("source_2_publisher")
    if second is not None and second == second:  # not missing (NaN is never equal to itself)
        parts.append(f"{second}: {row['source_2_title']}")
    return "; ".join(parts)
