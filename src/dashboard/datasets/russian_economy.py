"""russian_economy: further official series the chapter's economy section leans on.

Goods exports and imports (USD bn, Bank of Russia balance of payments), federal-budget oil and gas
revenue, budget balance and defence spending (RUB trn, Ministry of Finance), CPI inflation (%).
Long format: one row per indicator and period.
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import EARLIEST, ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "russian_economy"
INDICATORS = (
    "goods_exports",
    "goods_imports",
    "oil_gas_revenue",
    "federal_budget_balance",
    "cpi_inflation",
    "defence_spending",
)
FREQUENCIES = ("annual", "quarterly", "monthly", "year_to_date")
UNITS = ("usd_bn", "rub_trn", "pct")
ESTIMATE_TYPES = ("first_estimate", "revision", "estimate", "forecast")
CATEGORIES = {
    "indicator": INDICATORS,
    "frequency": FREQUENCIES,
    "unit": UNITS,
    "estimate_type": ESTIMATE_TYPES,
}
MULTI = ()


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    indicator: Series[str] = pa.Field(isin=INDICATORS)
    frequency: Series[str] = pa.Field(isin=FREQUENCIES)
    period: Series[str]
    period_start: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
    period_end: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
    value: Series[float] = pa.Field(ge=-1000, le=10000)
    unit: Series[str] = pa.Field(isin=UNITS)
    estimate_type: Series[str] = pa.Field(isin=ESTIMATE_TYPES)
    published: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
