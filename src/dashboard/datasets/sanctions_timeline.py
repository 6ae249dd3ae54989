"""sanctions_timeline: measures against Russia, February 2022 to December 2025."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import MultiValue
from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "sanctions_timeline"
JURISDICTIONS = ("EU", "US", "UK", "JP", "G7", "CA", "AU", "CH", "OTHER")
MEASURE_TYPES = (
    "package",
    "price_cap",
    "designation",
    "export_control",
    "import_ban",
    "financial",
    "services_ban",
    "other",
)
SECTORS = (
    "energy",
    "oil",
    "gas",
    "lng",
    "coal",
    "finance",
    "central_bank",
    "trade",
    "technology",
    "dual_use",
    "defence",
    "aviation",
    "shipping",
    "shadow_fleet",
    "metals",
    "diamonds",
    "media",
    "individuals",
    "luxury",
    "agriculture",
    "anti_circumvention",
    "third_country",
    "assets",
)
CATEGORIES = {"jurisdiction": JURISDICTIONS, "measure_type": MEASURE_TYPES}
MULTI = (MultiValue("sectors", SECTORS),)
#: Columns the search box looks in (both languages); folded into ``_search`` at load.
SEARCH = ("title_ja", "title_en", "summary_ja", "summary_en", "id")
FIRST_DATE = pd.Timestamp("2022-02-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    jurisdiction: Series[str] = pa.Field(isin=JURISDICTIONS)
    measure_type: Series[str] = pa.Field(isin=MEASURE_TYPES)
    sectors: Series[str]
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
