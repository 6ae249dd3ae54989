"""russian_key_rate: every Bank of Russia key-rate decision, December 2021 to December 2025."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "russian_key_rate"
DECISIONS = ("raise", "cut", "hold")
MEETINGS = ("scheduled", "unscheduled")
CATEGORIES = {"decision": DECISIONS, "meeting": MEETINGS}
MULTI = ()
FIRST_DECISION = "2021-12-01"


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    decision_date: Series[pa.DateTime] = pa.Field(
        unique=True, ge=pd.Timestamp(FIRST_DECISION), le=LATEST
    )
    effective_date: Series[pa.DateTime] = pa.Field(nullable=True)
    key_rate_pct: Series[float] = pa.Field(ge=0, le=100)
    change_pp: Series[float] = pa.Field(ge=-20, le=20)
    decision: Series[str] = pa.Field(isin=DECISIONS)
    meeting: Series[str] = pa.Field(isin=MEETINGS)
