"""russia_trade_partners: how Russia keeps selling and buying despite sanctions.

China–Russia trade (China's customs, USD bn), India–Russia trade (India's fiscal years), China's,
India's and Türkiye's imports of Russian crude by estimator (customs, Kpler, Vortexa), the
shadow-fleet vessels listed by the EU (cumulative, per package) and the UK, and the oil price cap
levels. ``exports_to`` and ``imports_from`` are Russia's exports to and imports from the partner.

Assume: a part year names its months (``2025-01/2025-10``) and is compared only with the same
months of another year; UK vessel counts (individually sanctioned ships) do not compare with the
EU list one for one; caps apply to crude unless ``product`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, PUBLISHED_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang, number, period_label
from dashboard.palette import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION

SERIES = vocabulary(
    "series",
    ("trade_turnover", "貿易総額", "Trade turnover"),
    ("exports_to", "ロシアの輸出", "Russia's exports"),
    ("imports_from", "ロシアの輸入", "Russia's imports"),
    ("crude_imports", "ロシア産原油の輸入量", "Imports of Russian crude"),
    ("crude_import_share", "原油輸入に占めるロシア産の割合", "Russia's share of crude imports"),
    ("shadow_fleet_vessels", "制裁対象の「影の船団」船舶数（累計）", "Shadow-fleet vessels listed (cumulative)"),
    ("price_cap", "ロシア産原油等の上限価格", "Price cap on Russian oil"),
)  # fmt: skip
PARTNER = vocabulary(
    "partner",
    ("CN", "中国", "China", VERMILLION),
    ("IN", "インド", "India", ORANGE),
    ("TR", "トルコ", "Türkiye", PURPLE),
    ("EU", "EU", "EU", BLUE),
    ("G7", "G7・価格上限連合", "G7 / price-cap coalition", GREEN),
    ("UK", "英国", "United Kingdom", SKY),
    ("US", "米国", "United States", BLACK),
    ("JP", "日本", "Japan", GREY),
    ("other", "その他", "Other"),
)
FREQUENCY = vocabulary(
    "frequency",
    ("annual", "年次", "Annual"),
    ("fiscal_year", "会計年度", "Fiscal year"),
    ("half_year", "半期", "Half year"),
    ("year_to_date", "年初来累計", "Year to date"),
    ("monthly", "月次", "Monthly"),
    ("point", "時点", "Point in time"),
    ("package", "制裁パッケージ", "Sanctions package"),
)
UNIT = vocabulary(
    "unit",
    ("usd_bn", "10億ドル", "USD bn"),
    ("mbd", "日量百万バレル", "Million barrels a day"),
    ("mt", "百万トン", "Million tonnes"),
    ("pct", "%", "%"),
    ("vessels", "隻", "Vessels"),
    ("usd_per_bbl", "ドル／バレル", "USD per barrel"),
)
ESTIMATOR = vocabulary(
    "estimator",
    ("china_customs", "中国海関総署", "China's General Administration of Customs"),
    ("india_commerce", "インド商工省", "India's Ministry of Commerce"),
    ("kpler", "Kpler（船舶追跡データ）", "Kpler (ship tracking)"),
    ("vortexa", "Vortexa（船舶追跡データ）", "Vortexa (ship tracking)"),
    ("crea", "CREA", "CREA"),
    ("eu_council", "EU理事会", "Council of the EU"),
    ("uk_gov", "英国政府", "UK government"),
    ("us_treasury", "米財務省", "US Treasury"),
    ("g7", "G7", "G7"),
    ("other", "その他（注記参照）", "Other (see note)"),
)
PRODUCT = vocabulary(
    "product",
    ("crude", "原油", "Crude oil"),
    ("premium_products", "高価格帯の石油製品（ディーゼル等）", "Premium-to-crude products (diesel etc.)"),
    ("discount_products", "低価格帯の石油製品（重油等）", "Discount-to-crude products (fuel oil etc.)"),
)  # fmt: skip
UNITS = {
    "trade_turnover": "usd_bn",
    "exports_to": "usd_bn",
    "imports_from": "usd_bn",
    "crude_import_share": "pct",
    "shadow_fleet_vessels": "vessels",
    "price_cap": "usd_per_bbl",
}
PERIOD = (
    r"^(\d{4}|FY\d{4}-\d{2}|\d{4}-H[12]|\d{4}-\d{2}(/\d{4}-\d{2})?|"
    r"\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?|pkg\d+)$"
)
FIRST = pd.Timestamp("2021-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    series: Series[str] = pa.Field(isin=SERIES.values)
    partner: Series[str] = pa.Field(isin=PARTNER.values)
    frequency: Series[str] = pa.Field(isin=FREQUENCY.values)
    period: Series[str] = pa.Field(str_matches=PERIOD)
    period_start: Series[pa.DateTime] = pa.Field(ge=FIRST, le=LATEST)
    period_end: Series[pa.DateTime] = pa.Field(ge=FIRST, le=LATEST)
    value: Series[float] = pa.Field(ge=0, le=10000)
    unit: Series[str] = pa.Field(isin=UNIT.values)
    product: Series[str] = pa.Field(nullable=True, isin=PRODUCT.values)
    estimator: Series[str] = pa.Field(isin=ESTIMATOR.values)
    published: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=PUBLISHED_LATEST)

    @pa.dataframe_check(error="the unit does not fit the series (e.g. price_cap in usd_per_bbl).")
    @classmethod
    def unit_fits_series(cls, frame):  # type: ignore[no-untyped-def]
        expected = frame["series"].map(UNITS)
        volume = frame["series"] == "crude_imports"
        return expected.isna() & volume & frame["unit"].isin(["mbd", "mt"]) | (
            frame["unit"] == expected
        )

    @pa.dataframe_check(error="a price cap names its product (crude, premium or discount).")
    @classmethod
    def caps_name_their_product(cls, frame):  # type: ignore[no-untyped-def]
        return (frame["series"] != "price_cap") | frame["product"].notna()


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    series, partner = SERIES.get(row["series"]), PARTNER.get(row["partner"])
    amount = number(float(row["value"]), str(row["unit"]), lang)
    span = period_label(row["period"], lang)
    who = partner.label(lang) if partner else str(row["partner"])
    what = series.label(lang) if series else str(row["series"])
    if lang == "ja":
        return f"{who}：{what}（{span}）{amount}"
    return f"{who}: {what} ({span}): {amount}"


DATASET = Dataset(
    id="russia_trade_partners",
    schema=Schema,
    date="period_end",
    page="war_economy",
    order=35,
    vocabularies=(SERIES, PARTNER, FREQUENCY, UNIT, ESTIMATOR, PRODUCT),
    published="published",
    cite=_cite,
    cite_date="published",
    table=(
        ("series", ("系列", "Series")),
        ("partner", ("相手国・主体", "Partner")),
        ("period", "table.period"),
        ("value", "table.value"),
        ("unit", "table.unit"),
        ("estimator", ("推計主体", "Estimator")),
        ("published", "table.published"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "trade_partners",
            (
                "制裁下のロシアの取引相手：中露貿易、インドのロシア産原油輸入、「影の船団」の制裁指定",
                "Russia's partners under sanctions: China–Russia trade, India's Russian crude, "
                "shadow-fleet listings",
            ),
            "partners:overview",
            with_datasets=("sanctions_timeline",),
            caption=(
                "中露貿易の年初来累計は同じ月末どうしで比較。英国の船舶数（個別の制裁指定）はEUのリストと一対一では比べられない。",
                "Year-to-date trade is compared at the same month end; UK vessel counts "
                "(individually sanctioned ships) do not compare one for one with the EU list.",
            ),
        ),
    ),
)
