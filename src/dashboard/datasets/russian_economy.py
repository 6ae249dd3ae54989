"""russian_economy: further official series the chapter's economy section leans on.

Goods exports and imports (USD bn, Bank of Russia balance of payments), federal-budget oil and gas
revenue, budget balance and defence spending (RUB trn, Ministry of Finance), CPI inflation (%).
Long format: one row per indicator and period.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import EARLIEST, ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang
from dashboard.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, VERMILLION

INDICATOR = vocabulary(
    "indicator",
    ("goods_exports", "財輸出（10億ドル）", "Goods exports (USD bn)", BLUE),
    ("goods_imports", "財輸入（10億ドル）", "Goods imports (USD bn)", ORANGE),
    ("oil_gas_revenue", "連邦予算の石油・ガス歳入（兆ルーブル）",
     "Federal oil and gas revenue (RUB trn)", VERMILLION),
    ("federal_budget_balance", "連邦予算収支（兆ルーブル）",
     "Federal budget balance (RUB trn)", GREY),
    ("cpi_inflation", "消費者物価上昇率（%）", "CPI inflation (%)", PURPLE),
    ("defence_spending", "国防費（兆ルーブル）", "Defence spending (RUB trn)", GREEN),
)  # fmt: skip
FREQUENCY = vocabulary(
    "frequency",
    ("annual", "年次", "Annual"),
    ("quarterly", "四半期", "Quarterly"),
    ("monthly", "月次", "Monthly"),
    ("year_to_date", "年初来累計", "Year to date"),
)
UNIT = vocabulary(
    "unit",
    ("usd_bn", "10億ドル", "USD bn"),
    ("rub_trn", "兆ルーブル", "RUB trn"),
    ("pct", "%", "%"),
)
ESTIMATE_TYPE = vocabulary(
    "estimate_type",
    ("first_estimate", "速報値", "First estimate"),
    ("revision", "改定値", "Revised"),
    ("estimate", "推計値", "Estimate"),
    ("forecast", "予測値", "Forecast"),
)
INDICATORS = INDICATOR.values
FREQUENCIES = FREQUENCY.values
UNITS = UNIT.values
ESTIMATE_TYPES = ESTIMATE_TYPE.values


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


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    indicator, unit = INDICATOR.get(row["indicator"]), UNIT.get(row["unit"])
    name = indicator.label(lang) if indicator else str(row["indicator"])
    shown = unit.label(lang) if unit else str(row["unit"])
    sep = "：" if lang == "ja" else ": "
    return f"{name} {row['period']}{sep}{row['value']:,.2f} {shown}"


DATASET = Dataset(
    id="russian_economy",
    schema=Schema,
    date="period_start",
    page="war_economy",
    order=30,
    vocabularies=(INDICATOR, FREQUENCY, UNIT, ESTIMATE_TYPE),
    cite=_cite,
    cite_date="published",
    table=(
        ("indicator", "table.indicator"),
        ("period", "table.period"),
        ("value", "table.value"),
        ("unit", "table.unit"),
        ("estimate_type", "table.estimate"),
        ("published", "table.published"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "economy_indicators",
            ("貿易と石油・ガス歳入", "Trade and oil and gas revenue"),
            "economy:indicators",
        ),
    ),
)
