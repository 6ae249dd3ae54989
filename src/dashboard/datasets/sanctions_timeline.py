"""sanctions_timeline: measures against Russia from February 2022 (rows from 2026: the follow-up layer)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

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
from dashboard.palette import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION, YELLOW

JURISDICTION = vocabulary(
    "jurisdiction",
    ("EU", "EU", "EU", BLUE),
    ("US", "米国", "United States", VERMILLION),
    ("UK", "英国", "United Kingdom", PURPLE),
    ("JP", "日本", "Japan", ORANGE),
    ("G7", "G7・価格上限連合", "G7 / price-cap coalition", GREEN),
    ("CA", "カナダ", "Canada", SKY),
    ("AU", "豪州", "Australia", YELLOW),
    ("CH", "スイス", "Switzerland", GREY),
    ("OTHER", "その他", "Other", BLACK),
)
MEASURE_TYPE = vocabulary(
    "measure_type",
    ("package", "制裁パッケージ", "Sanctions package", BLUE),
    ("price_cap", "価格上限", "Price cap", GREEN),
    ("designation", "資産凍結・制裁指定", "Designation / asset freeze", VERMILLION),
    ("export_control", "輸出規制", "Export control", ORANGE),
    ("import_ban", "輸入禁止", "Import ban", PURPLE),
    ("financial", "金融措置", "Financial measure", SKY),
    ("services_ban", "サービス禁止", "Services ban", YELLOW),
    ("other", "その他", "Other", GREY),
)
SECTOR = vocabulary(
    "sectors",
    ("energy", "エネルギー", "Energy"),
    ("oil", "石油", "Oil"),
    ("gas", "ガス", "Gas"),
    ("lng", "LNG", "LNG"),
    ("coal", "石炭", "Coal"),
    ("finance", "金融", "Finance"),
    ("central_bank", "中央銀行", "Central bank"),
    ("trade", "貿易", "Trade"),
    ("technology", "技術", "Technology"),
    ("dual_use", "軍民両用品", "Dual-use goods"),
    ("defence", "防衛", "Defence"),
    ("aviation", "航空", "Aviation"),
    ("shipping", "海運", "Shipping"),
    ("shadow_fleet", "影の船団", "Shadow fleet"),
    ("metals", "金属", "Metals"),
    ("diamonds", "ダイヤモンド", "Diamonds"),
    ("media", "メディア", "Media"),
    ("individuals", "個人", "Individuals"),
    ("luxury", "奢侈品", "Luxury goods"),
    ("agriculture", "農業", "Agriculture"),
    ("anti_circumvention", "迂回防止", "Anti-circumvention"),
    ("third_country", "第三国", "Third countries"),
    ("assets", "資産", "Assets"),
    multi=True,
)
JURISDICTIONS = JURISDICTION.values
MEASURE_TYPES = MEASURE_TYPE.values
SECTORS = SECTOR.values
FIRST_DATE = pd.Timestamp("2022-02-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    jurisdiction: Series[str] = pa.Field(isin=JURISDICTIONS)
    measure_type: Series[str] = pa.Field(isin=MEASURE_TYPES)
    sectors: Series[str]
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
    key_event: Series[bool]
    listings_added: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, le=100000)


def _eu_packages(rows: pd.DataFrame, lang: Lang) -> Metric:
    count = int(((rows["jurisdiction"] == "EU") & (rows["measure_type"] == "package")).sum())
    label = (
        "EUの対ロ制裁パッケージ（基準日まで）" if lang == "ja" else "EU sanctions packages to date"
    )
    return Metric(label=label, value=str(count))


TABLE = (
    ("date", "table.date"),
    ("jurisdiction", "filter.jurisdiction"),
    ("measure_type", "filter.measure_type"),
    ("title_LANG", "table.title"),
    ("summary_LANG", "table.summary"),
)

DATASET = Dataset(
    id="sanctions_timeline",
    schema=Schema,
    date="date",
    page="sanctions",
    order=40,
    vocabularies=(JURISDICTION, MEASURE_TYPE, SECTOR),
    search=("title_ja", "title_en", "summary_ja", "summary_en", "id"),
    filters=(
        Filter("jur", "jurisdiction", ("法域", "Jurisdiction")),
        Filter("type", "measure_type", ("措置の種類", "Measure type")),
    ),
    events=Events(group="jurisdiction"),
    lane=Lane(
        "sanctions",
        ("制裁", "Sanctions"),
        VERMILLION,
        order=20,
        overlay=True,
        overlay_label=("制裁（主要措置）", "Sanctions (main measures)"),
        overlay_where={"measure_type": ("package", "price_cap")},
        japan=True,
    ),
    japan_view={"jurisdiction": ("JP", "G7", "EU", "US")},
    table=TABLE,
    charts=(
        Chart(
            "sanctions_lanes",
            ("対ロシア制裁措置（法域別）", "Measures against Russia by jurisdiction"),
            "timeline:lanes",
            counted=True,
        ),
        Chart(
            "sanctions_counts",
            (
                "本タイムラインに収録した措置の件数（四半期別・法域別）",
                "Entries in this timeline per quarter, by jurisdiction",
            ),
            "timeline:counts",
            options={"field": "jurisdiction", "freq": "Q"},
            caption=(
                "本ダッシュボードが選んで収録した措置の件数であり、各国・地域の制裁措置の総数ではない。",
                "Counts the measures this dashboard selected for its timeline, not every "
                "sanction each jurisdiction adopted.",
            ),
        ),
        Chart(
            "sanctions_listings",
            (
                "EU制裁パッケージごとの新規指定（個人・団体の数）",
                "EU sanctions packages: persons and entities newly listed",
            ),
            "sanctions:listings",
            where={"jurisdiction": ("EU",), "measure_type": ("package",)},
            caption=(
                "EU理事会等が公表した各パッケージの新規指定数。数が確認できないパッケージは「未確認」と示す。",
                "Persons and entities newly listed by each package, as the Council and other "
                "sources state; packages whose count could not be sourced are marked.",
            ),
        ),
        Chart(
            "japan_measures",
            ("日本の対ロシア措置", "Japan's measures against Russia"),
            "timeline:lanes",
            options={"group": "measure_type"},
            where={"jurisdiction": ("JP",)},
        ),
    ),
    key_figures=(KeyFigure("eu_packages", _eu_packages),),
)
