"""russian_gdp: Russia's real GDP growth, annual 2014–2025 and quarterly year on year from 2021Q1.

Assume: one row per period, holding the latest official value published by the cut-off; the
``estimate_type`` says which vintage it is and ``note`` records earlier estimates it replaced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import EARLIEST, ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, KeyFigure, Metric, vocabulary
from dashboard.i18n import Lang
from dashboard.palette import BLUE, SKY

FREQUENCY = vocabulary(
    "frequency", ("annual", "年次", "Annual", BLUE), ("quarterly", "四半期", "Quarterly", SKY)
)
ESTIMATE_TYPE = vocabulary(
    "estimate_type",
    ("first_estimate", "速報値", "First estimate"),
    ("revision", "改定値", "Revised"),
    ("estimate", "推計値", "Estimate"),
    ("forecast", "予測値", "Forecast"),
)
FREQUENCIES = FREQUENCY.values
ESTIMATE_TYPES = ESTIMATE_TYPE.values


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    frequency: Series[str] = pa.Field(isin=FREQUENCIES)
    period: Series[str] = pa.Field(unique=True, str_matches=r"^\d{4}(Q[1-4])?$")
    period_start: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)
    real_gdp_growth_pct: Series[float] = pa.Field(ge=-30, le=30)
    estimate_type: Series[str] = pa.Field(isin=ESTIMATE_TYPES)
    published: Series[pa.DateTime] = pa.Field(ge=EARLIEST, le=LATEST)


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    code = ESTIMATE_TYPE.get(row["estimate_type"])
    kind = code.label(lang) if code else str(row["estimate_type"])
    growth = f"{row['real_gdp_growth_pct']:+.1f}%"
    if lang == "ja":
        return f"実質GDP成長率 {row['period']}：{growth}（{kind}）"
    return f"Real GDP growth {row['period']}: {growth} ({kind})"


def latest_quarter(rows: pd.DataFrame) -> pd.Series | None:
    """The most recent measured quarter (forecasts are not 'latest growth')."""
    measured = (rows["frequency"] == "quarterly").to_numpy() & (
        rows["estimate_type"] != "forecast"
    ).to_numpy()
    positions = np.flatnonzero(measured)
    if not len(positions):
        return None
    return rows.iloc[positions[np.argmax(rows["period_start"].to_numpy()[positions])]]


def _latest_growth(rows: pd.DataFrame, lang: Lang) -> Metric | None:
    row = latest_quarter(rows)
    if row is None:
        return None
    label = (
        f"直近の実質GDP成長率（{row['period']}）"
        if lang == "ja"
        else f"Latest real GDP growth ({row['period']})"
    )
    return Metric(
        label=label,
        value=f"{row['real_gdp_growth_pct']:+.1f}%",
        help=f"{row['source_publisher']}: {row['source_title']}",
    )


DATASET = Dataset(
    id="russian_gdp",
    schema=Schema,
    date="period_start",
    page="war_economy",
    order=10,
    vocabularies=(FREQUENCY, ESTIMATE_TYPE),
    cite=_cite,
    cite_date="published",
    table=(
        ("period", "table.period"),
        ("real_gdp_growth_pct", "chart.gdp_axis"),
        ("estimate_type", "table.estimate"),
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
