"""russian_gdp: Russia's real GDP growth, annual 2014–2025 and quarterly year on year from 2021Q1.

Assume: one row per vintage: each estimate of a period by one producer (``estimator``) is its
own row, dated by that producer's release (``published``). Rosstat's first, second and revised
estimates are outturns; the ministry's, the Bank of Russia's, the IMF's and the World Bank's
forecasts are not, and World Bank WDI values are the World Bank's own reading of the series.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import (
    EARLIEST,
    ID_PATTERN,
    LATEST,
    PUBLISHED_LATEST,
    SourcedRow,
    cited,
)
from dashboard.datasets.spec import Chart, Dataset, KeyFigure, Metric, vocabulary
from dashboard.i18n import Lang, period_label
from dashboard.palette import BLUE, SKY

FREQUENCY = vocabulary(
    "frequency", ("annual", "年次", "Annual", BLUE), ("quarterly", "四半期", "Quarterly", SKY)
)
ESTIMATE_TYPE = vocabulary(
    "estimate_type",
    ("first_estimate", "速報値", "First estimate"),
    ("second_estimate", "第2次推計値", "Second estimate"),
    ("revision", "改定値", "Revised"),
    ("estimate", "推計値", "Estimate"),
    ("forecast", "予測値", "Forecast"),
    ("plan", "計画値", "Plan"),
)
ESTIMATOR = vocabulary(
    "estimator",
    ("rosstat", "ロシア連邦統計局（ロススタット）", "Rosstat"),
    ("minek", "ロシア経済発展省", "Ministry of Economic Development"),
    ("cbr", "ロシア中央銀行", "Bank of Russia"),
    ("imf", "IMF", "IMF"),
    ("world_bank", "世界銀行", "World Bank"),
)
FREQUENCIES = FREQUENCY.values
ESTIMATE_TYPES = ESTIMATE_TYPE.values
#: Estimate types that are measured outturns (the others are estimates and forecasts).
OUTTURNS = ("first_estimate", "second_estimate", "revision")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    frequency: Series[str] = pa.Field(isin=FREQUENCIES)
    period: Series[str] = pa.Field(str_matches=r"^\d{4}(Q[1-4])?$")
    period_start: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
    real_gdp_growth_pct: Series[float] = pa.Field(ge=-30, le=30)
    estimate_type: Series[str] = pa.Field(isin=ESTIMATE_TYPES)
    estimator: Series[str] = pa.Field(isin=ESTIMATOR.values)
    published: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=PUBLISHED_LATEST)

    @pa.dataframe_check(
        error="this row repeats a (period, estimator, estimate_type, published) vintage that "
        "another row has; keep one row per vintage."
    )
    @classmethod
    def one_row_per_vintage(cls, frame):  # type: ignore[no-untyped-def]
        keys = ["period", "estimator", "estimate_type", "published"]
        return ~frame.duplicated(subset=keys, keep=False)


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    code, source = ESTIMATE_TYPE.get(row["estimate_type"]), ESTIMATOR.get(row["estimator"])
    kind = code.label(lang) if code else str(row["estimate_type"])
    who = source.label(lang) if source else str(row["estimator"])
    growth = f"{row['real_gdp_growth_pct']:+.1f}%"
    if lang == "ja":
        return f"実質GDP成長率 {period_label(str(row['period']), lang)}：{growth}（{who}、{kind}）"
    return f"Real GDP growth {period_label(str(row['period']), lang)}: {growth} ({who}, {kind})"


def latest_vintages(rows: pd.DataFrame) -> pd.DataFrame:
    """For each period and estimator, the vintage published last (what was known then)."""
    if rows.empty:
        return rows
    return rows.sort_values(["published", "id"]).drop_duplicates(
        ["period", "estimator"], keep="last"
    )


def latest_quarter(rows: pd.DataFrame) -> pd.Series | None:
    """The most recent quarter Rosstat has measured, in its latest vintage."""
    measured = (rows["frequency"] == "quarterly").to_numpy() & (
        rows["estimate_type"].isin(OUTTURNS)
    ).to_numpy()
    positions = np.flatnonzero(measured)
    if not len(positions):
        return None
    newest = rows.iloc[positions]
    newest = newest[newest["period_start"] == newest["period_start"].max()]
    return newest.sort_values("published").iloc[-1]


def _latest_growth(rows: pd.DataFrame, lang: Lang) -> Metric | None:
    row = latest_quarter(rows)
    if row is None:
        return None
    period = period_label(str(row["period"]), lang)
    label = f"実質GDP成長率 {period}" if lang == "ja" else f"Real GDP growth, {period}"
    return Metric(
        label=label,
        value=f"{row['real_gdp_growth_pct']:+.1f}%",
        help=(
            "前年同期比、ロシア連邦統計局の直近の推計。"
            if lang == "ja"
            else "Year on year, Rosstat's latest vintage. "
        )
        + cited(row),
    )


DATASET = Dataset(
    id="russian_gdp",
    schema=Schema,
    date="period_start",
    published="published",
    page="war_economy",
    order=10,
    vocabularies=(FREQUENCY, ESTIMATE_TYPE, ESTIMATOR),
    cite=_cite,
    cite_date="published",
    table=(
        ("period", "table.period"),
        ("real_gdp_growth_pct", "chart.gdp_axis"),
        ("estimate_type", "table.estimate"),
        ("estimator", ("推計主体", "Estimator")),
        ("published", "table.published"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "gdp_growth",
            ("ロシアの実質GDP成長率", "Russia's real GDP growth"),
            "economy:gdp_growth",
            overlays=True,
        ),
    ),
    key_figures=(KeyFigure("latest_gdp", _latest_growth),),
)


def rosstat_outturns(rows: pd.DataFrame) -> pd.DataFrame:
    """Rosstat's outturns (first and second estimates, revisions), each period's latest vintage:
    the series the GDP chart draws as bars and a line."""
    return latest_vintages(
        rows[(rows["estimator"] == "rosstat") & rows["estimate_type"].isin(OUTTURNS)]
    )
