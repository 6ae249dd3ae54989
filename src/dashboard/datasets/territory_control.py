"""territory_control: Russia's net territorial gains in Ukraine per month, and the share of
Ukraine under Russian control at dated points, by estimator (never merged into one series).

Assume: ``period`` is ``YYYY-MM`` for a month's net gain (km²) and ``YYYY-MM-DD`` for an as-of
point; ``published`` is the day the estimate was first reported (empty where no report fixes it).
Estimators count differently (AFP's reading of ISW maps includes areas ISW assesses as
controlled or claimed; DeepState counts occupied areas, not its grey zone).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, PUBLISHED_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Filter, vocabulary
from dashboard.i18n import Lang, period_label
from dashboard.palette import BLUE, GREEN, ORANGE, VERMILLION

ESTIMATOR = vocabulary(
    "estimator",
    ("afp_isw", "AFP（ISWのデータを分析）", "AFP (analysis of ISW data)", VERMILLION),
    ("isw", "ISW（戦争研究所）", "ISW (Institute for the Study of War)", ORANGE),
    ("deepstate", "DeepState（ウクライナの監視団体）", "DeepState (Ukrainian monitoring project)", BLUE),
    ("uk_mod", "英国防省", "UK Ministry of Defence", GREEN),
)  # fmt: skip
MEASURE = vocabulary(
    "measure",
    ("net_gain_km2", "月間の純増面積（km²）", "Net gain in the month (km²)"),
    ("controlled_share_pct", "ロシアの支配下にある割合（%）", "Share under Russian control (%)"),
    ("controlled_km2", "ロシアの支配下にある面積（km²）", "Area under Russian control (km²)"),
)
UNIT = vocabulary("unit", ("km2", "km²", "km²"), ("pct", "%", "%"))
FIRST = pd.Timestamp("2024-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    estimator: Series[str] = pa.Field(isin=ESTIMATOR.values)
    measure: Series[str] = pa.Field(isin=MEASURE.values)
    period: Series[str] = pa.Field(str_matches=r"^\d{4}-\d{2}(-\d{2})?$")
    period_start: Series[pa.DateTime] = pa.Field(ge=FIRST, le=PUBLISHED_LATEST)
    period_end: Series[pa.DateTime] = pa.Field(ge=FIRST, le=PUBLISHED_LATEST)
    value: Series[float] = pa.Field(ge=0, le=603_700)  # Ukraine's area is about 603,700 km²
    unit: Series[str] = pa.Field(isin=UNIT.values)
    published: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=PUBLISHED_LATEST)

    @pa.dataframe_check(error="one row per estimator, measure and period.")
    @classmethod
    def one_row_per_estimator_and_period(cls, frame):  # type: ignore[no-untyped-def]
        return ~frame.duplicated(subset=["estimator", "measure", "period"], keep=False)

    @pa.dataframe_check(error="a share is in pct and an area or gain in km2.")
    @classmethod
    def unit_fits_measure(cls, frame):  # type: ignore[no-untyped-def]
        share = frame["measure"] == "controlled_share_pct"
        return (share & (frame["unit"] == "pct")) | (~share & (frame["unit"] == "km2"))


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    who = ESTIMATOR.get(row["estimator"])
    what = MEASURE.get(row["measure"])
    value = f"{row['value']:,.0f} km²" if row["unit"] == "km2" else f"{row['value']:g}%"
    sep = "：" if lang == "ja" else ": "
    return (
        f"{what.label(lang) if what else row['measure']} {period_label(row['period'], lang)}"
        f"{sep}{value}（{who.label(lang) if who else ''}）"
        if lang == "ja"
        else f"{what.label(lang) if what else row['measure']}, {period_label(row['period'], lang)}"
        f"{sep}{value} ({who.label(lang) if who else ''})"
    )


DATASET = Dataset(
    id="territory_control",
    schema=Schema,
    date="period_end",
    page="ceasefire",
    order=65,
    vocabularies=(ESTIMATOR, MEASURE, UNIT),
    filters=(Filter("tc_est", "estimator", ("推計主体（占領地域）", "Estimator (territory)")),),
    published="published",
    cite=_cite,
    cite_date="published",
    table=(
        ("estimator", ("推計主体", "Estimator")),
        ("measure", ("指標", "Measure")),
        ("period", "table.period"),
        ("value", "table.value"),
        ("unit", "table.unit"),
        ("published", "table.published"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "territory_gains",
            (
                "ロシアの月間占領面積の純増と支配下の割合（推計主体別）",
                "Russia's net gains per month and the share of Ukraine it controls, by estimator",
            ),
            "territory:gains",
            caption=(
                "推計主体ごとに数え方が異なるため、系列は合算せず並べて示す。",
                "Estimators count differently; their series are shown side by side, never added.",
            ),
        ),
    ),
)
