"""dprk_russia_milestones: Russia–DPRK cooperation, 2023–2025, by domain.

Assume: ``date`` is the local date where the event happened (Pyongyang or Moscow time); with
``date_precision`` = month it is the first day of that month.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "dprk_russia_milestones"
PRECISIONS = ("day", "month")
DOMAINS = ("military", "diplomatic", "economic", "transport", "education_culture", "labour")
CATEGORIES = {"date_precision": PRECISIONS, "domain": DOMAINS}
MULTI = ()
#: Columns the search box looks in (both languages); folded into ``_search`` at load.
SEARCH = ("title_ja", "title_en", "summary_ja", "summary_en", "id")
FIRST_DATE = pd.Timestamp("2023-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    date_precision: Series[str] = pa.Field(isin=PRECISIONS)
    domain: Series[str] = pa.Field(isin=DOMAINS)
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
    reported_by: Series[str] = pa.Field(nullable=True)
