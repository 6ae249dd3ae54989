"""russian_gdp: Russia's real GDP growth, annual 2014–2025 and quarterly year on year from 2021Q1.

Assume: one row per period, holding the latest official value published by the cut-off; the
``estimate_type`` says which vintage it is and ``note`` records earlier estimates it replaced.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import EARLIEST, ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "russian_gdp"
FREQUENCIES = ("annual", "quarterly")
ESTIMATE_TYPES = ("first_estimate", "revision", "estimate", "forecast")
CATEGORIES = {"frequency": FREQUENCIES, "estimate_type": ESTIMATE_TYPES}
MULTI = ()


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    frequency: Series[str] = pa.Field(isin=FREQUENCIES)
    period: Series[str] = pa.Field(unique=True, str_matches=r"^\d{4}(Q[1-4])?$")
    period_start: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
    real_gdp_growth_pct: Series[float] = pa.Field(ge=-30, le=30)
    estimate_type: Series[str] = pa.Field(isin=ESTIMATE_TYPES)
    published: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
