"""ceasefire_talks: the 2025 negotiation track (calls, talks, summits, plans)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import MultiValue
from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "ceasefire_talks"
EVENT_TYPES = ("call", "talks", "summit", "plan", "statement", "ceasefire")
PARTIES = (
    "US",
    "RU",
    "UA",
    "EU",
    "UK",
    "FR",
    "DE",
    "IT",
    "PL",
    "FI",
    "NATO",
    "TR",
    "SA",
    "AE",
    "QA",
    "CH",
    "HU",
)
CATEGORIES = {"event_type": EVENT_TYPES}
MULTI = (MultiValue("parties", PARTIES),)
#: Columns the search box looks in (both languages); folded into ``_search`` at load.
SEARCH = (
    "title_ja",
    "title_en",
    "outcome_ja",
    "outcome_en",
    "place_ja",
    "place_en",
    "id",
)
FIRST_DATE = pd.Timestamp("2025-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    end_date: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST_DATE, le=LATEST)
    event_type: Series[str] = pa.Field(isin=EVENT_TYPES)
    parties: Series[str]
    place_ja: Series[str] = pa.Field(nullable=True)
    place_en: Series[str] = pa.Field(nullable=True)
    title_ja: Series[str]
    title_en: Series[str]
    outcome_ja: Series[str]
    outcome_en: Series[str]
