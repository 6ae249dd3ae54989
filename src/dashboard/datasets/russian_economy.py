"""russian_economy: further official series the chapter's economy section leans on.

Goods exports and imports (USD bn, Bank of Russia balance of payments), federal-budget oil and gas
revenue and budget balance (Ministry of Finance), defence allocations (budget laws, RUB trn),
CPI inflation and unemployment (Rosstat, %), the Urals crude price (USD per barrel).
Long format: one row per indicator and period. A part year (``year_to_date``) names its months
and is only ever compared with the same months of another year.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.russian_gdp import ESTIMATE_TYPE  # one vocabulary: same codes, labels
from dashboard.datasets.sources import EARLIEST, ID_PATTERN, LATEST, PERIOD_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang, number, period_label
from dashboard.palette import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION

INDICATOR = vocabulary(
    "indicator",
    ("goods_exports", "財輸出", "Goods exports", BLUE),
    ("goods_imports", "財輸入", "Goods imports", ORANGE),
    ("oil_gas_revenue", "連邦予算の石油・ガス歳入", "Federal oil and gas revenue", VERMILLION),
    ("federal_budget_balance", "連邦予算収支", "Federal budget balance", GREY),
    ("cpi_inflation", "消費者物価上昇率（前年同月比）", "CPI inflation (12-month rate)", PURPLE),
    ("unemployment_rate", "失業率", "Unemployment rate", SKY),
    ("urals_price", "ウラル原油価格", "Urals crude price", BLACK),
    ("defence_spending", "国防費（連邦予算「国防」）", "Defence spending (budget 'National defence')", GREEN),
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
    ("rub_bn", "10億ルーブル", "RUB bn"),
    ("pct", "%", "%"),
    ("usd_per_bbl", "ドル／バレル", "USD per barrel"),
)
INDICATORS = INDICATOR.values
FREQUENCIES = FREQUENCY.values
UNITS = UNIT.values
ESTIMATE_TYPES = ESTIMATE_TYPE.values
#: Periods: a year ``2024``, a month ``2025-03``, months of a year to date ``2025-01/2025-07``.
PERIOD = r"^\d{4}(-\d{2}(/\d{4}-\d{2})?)?$"


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    indicator: Series[str] = pa.Field(isin=INDICATORS)
    frequency: Series[str] = pa.Field(isin=FREQUENCIES)
    period: Series[str] = pa.Field(str_matches=PERIOD)
    period_start: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=PERIOD_LATEST)
    period_end: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=PERIOD_LATEST)
    value: Series[float] = pa.Field(ge=-100000, le=100000)
    unit: Series[str] = pa.Field(isin=UNITS)
    estimate_type: Series[str] = pa.Field(isin=ESTIMATE_TYPES)
    published: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)

    @pa.dataframe_check(
        error="only a plan or forecast may describe a period that ends after the cut-off "
        "(31 Dec 2025)."
    )
    @classmethod
    def outturns_end_by_the_cut_off(cls, frame):  # type: ignore[no-untyped-def]
        return (frame["period_end"] <= LATEST) | frame["estimate_type"].isin(["plan", "forecast"])

    @pa.dataframe_check(error="a year-to-date period is written YYYY-MM/YYYY-MM (both months).")
    @classmethod
    def part_years_name_their_months(cls, frame):  # type: ignore[no-untyped-def]
        ytd = frame["frequency"] == "year_to_date"
        return ~ytd | frame["period"].str.contains("/", regex=False)


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    indicator, kind = INDICATOR.get(row["indicator"]), ESTIMATE_TYPE.get(row["estimate_type"])
    name = indicator.label(lang) if indicator else str(row["indicator"])
    value = number(float(row["value"]), str(row["unit"]), lang)
    what = kind.label(lang) if kind else ""
    if lang == "ja":
        return f"{name} {period_label(row['period'], lang)}：{value}（{what}）"
    return f"{name}, {period_label(row['period'], lang)}: {value} ({what.lower()})"


DATASET = Dataset(
    id="russian_economy",
    schema=Schema,
    date="period_start",
    published="published",
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
            "economy_defence",
            (
                "国防費（予算法の配分と実績）と連邦予算収支",
                "Defence spending (budget-law allocations and outturns) and the budget balance",
            ),
            "economy:panels",
            where={"indicator": ("defence_spending", "federal_budget_balance")},
            caption=(
                "計画値（予算法の配分）と実績・推計は模様で区別。2026年の計画値（2025年成立の予算法）は"
                "期間が基準日より後のため、期間を2026年まで広げた表示（本章脱稿後の動きを表示）でのみ描く。",
                "Plans (budget-law allocations) and outturns or estimates are told apart by "
                "pattern. The 2026 plan (budget law passed in 2025) covers a period after the "
                "cut-off; it is drawn only when the range reaches into 2026 (with what came after "
                "the chapter shown).",
            ),
        ),
        Chart(
            "economy_trade",
            (
                "財の輸出入（ロシア中央銀行の国際収支統計）",
                "Goods exports and imports (Bank of Russia balance of payments)",
            ),
            "economy:panels",
            where={"indicator": ("goods_exports", "goods_imports")},
            caption=(
                "年の途中までの値は同じ月どうしでのみ比較し、通年の値とは別の枠に示す。",
                "A part year is compared only with the same months of another year, in its own "
                "panel, never beside full years.",
            ),
        ),
        Chart(
            "economy_oil",
            ("石油・ガス歳入とウラル原油価格", "Oil and gas revenue and the Urals price"),
            "economy:panels",
            where={"indicator": ("oil_gas_revenue", "urals_price")},
            options={"kinds": {"urals_price": ("monthly",)}},
            with_datasets=("russia_trade_partners",),
            caption=(
                "年の途中までの値は前年の同じ月と比較。ウラル原油価格は月次で、原油の上限価格（破線）と並べる"
                "（年平均などは表に収録）。",
                "Part years are compared with the same months of the year before; the Urals "
                "price is shown by month beside the crude price caps (dashed); its averages are "
                "in the table.",
            ),
        ),
        Chart(
            "economy_prices",
            (
                "消費者物価（前年同月比）と失業率",
                "Consumer prices (12-month rate) and unemployment",
            ),
            "economy:panels",
            where={"indicator": ("cpi_inflation", "unemployment_rate")},
            caption=(
                "通年の物価上昇率は12月の前年同月比。2025年は月次の前年同月比（11月まで）。",
                "Full-year inflation is the December 12-month rate; 2025 is shown month by month "
                "(to November).",
            ),
        ),
    ),
)
