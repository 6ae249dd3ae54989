"""dprk_troops: North Korean personnel in Russia, each a dated estimate by a named estimator.

Troops deployed, engineers and builders, workers, and casualties (killed, wounded, total losses),
captured soldiers. ``value_low`` and ``value_high`` give the estimate; they are equal for a single
figure, and ``value_high`` is empty for "at least N". Estimates by different estimators, or of
different kinds, are never added up: total losses repeat the killed and wounded of the same
briefing, and troop figures mix cumulative totals, troops in place and additional deployments
(each row's note says which).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, PUBLISHED_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Filter, vocabulary
from dashboard.i18n import Lang
from dashboard.palette import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION, YELLOW

KIND = vocabulary(
    "kind",
    ("troops_deployed", "派遣兵力", "Troops deployed"),
    ("engineers_builders", "工兵・建設要員", "Engineers and builders"),
    ("workers", "労働者", "Workers"),
    ("killed", "戦死者", "Killed"),
    ("wounded", "負傷者", "Wounded"),
    ("casualties_total", "死傷者（合計）", "Killed and wounded"),
    ("captured", "捕虜", "Captured"),
)
ESTIMATOR = vocabulary(
    "estimator",
    ("kr_nis", "韓国・国家情報院", "South Korea's NIS", BLUE),
    ("kr_jcs", "韓国・合同参謀本部", "South Korea's JCS", SKY),
    ("kr_gov", "韓国政府（その他）", "South Korean government (other)", GREY),
    ("ua_president", "ウクライナ大統領", "Ukraine's president", YELLOW),
    ("ua_gur", "ウクライナ国防省情報総局", "Ukraine's HUR", ORANGE),
    ("ua_gov", "ウクライナ政府（その他）", "Ukrainian government (other)", GREY),
    ("us_gov", "米国政府", "US government", VERMILLION),
    ("uk_mod", "英国防省", "UK Ministry of Defence", GREEN),
    ("ru_gov", "ロシア政府", "Russian government", BLACK),
    ("kp_gov", "北朝鮮当局", "North Korean authorities", PURPLE),
    ("other", "その他（注記参照）", "Other (see note)", GREY),
)
FIRST = pd.Timestamp("2024-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    as_of: Series[pa.DateTime] = pa.Field(ge=FIRST, le=LATEST)
    kind: Series[str] = pa.Field(isin=KIND.values)
    value_low: Series[float] = pa.Field(nullable=True, ge=0, le=1_000_000)
    value_high: Series[float] = pa.Field(nullable=True, ge=0, le=1_000_000)
    estimator: Series[str] = pa.Field(isin=ESTIMATOR.values)
    statement_ja: Series[str]
    statement_en: Series[str]
    published: Series[pa.DateTime] = pa.Field(ge=FIRST, le=PUBLISHED_LATEST)

    @pa.dataframe_check(error="value_high is below value_low.")
    @classmethod
    def range_in_order(cls, frame):  # type: ignore[no-untyped-def]
        return (
            frame["value_high"].isna()
            | frame["value_low"].isna()
            | (frame["value_high"] >= frame["value_low"])
        )


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    who = ESTIMATOR.get(row["estimator"])
    name = who.label(lang) if who else str(row["estimator"])
    return f"{name}：{row['statement_ja']}" if lang == "ja" else f"{name}: {row['statement_en']}"


DATASET = Dataset(
    id="dprk_troops",
    schema=Schema,
    date="as_of",
    page="dprk_russia",
    order=55,
    vocabularies=(KIND, ESTIMATOR),
    search=("statement_ja", "statement_en", "id"),
    filters=(
        Filter("kp_est", "estimator", ("推計主体（北朝鮮の人員）", "Estimator (DPRK personnel)")),
    ),
    published="published",
    cite=_cite,
    cite_date="as_of",
    table=(
        ("as_of", "table.date"),
        ("kind", ("区分", "Kind")),
        ("estimator", ("推計主体", "Estimator")),
        ("value_low", ("下限（人）", "Low (persons)")),
        ("value_high", ("上限（人）", "High (persons)")),
        ("statement_LANG", ("発表内容", "Statement")),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "dprk_personnel",
            (
                "ロシアにいる北朝鮮の人員：推計主体別の推計（兵力・死傷者）",
                "North Korean personnel in Russia: estimates by estimator (troops, casualties)",
            ),
            "personnel:estimates",
            caption=(
                "各点は推計主体が公表した一つの推計。幅のある推計は縦線で示し、推計どうしは合算しない。",
                "Each point is one published estimate; a range is drawn as a vertical bar. "
                "Estimates are never added together.",
            ),
        ),
    ),
)
