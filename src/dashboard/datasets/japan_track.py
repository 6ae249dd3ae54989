"""japan_track: Japan's measures and relations, 2022–2025, and Russia's towards Japan.

Support to Ukraine (commitments with amounts in the currency the source states), demining,
reconstruction, the defence-equipment transfer rules, Japan–Russia relations (talks suspended,
fisheries, entry bans, expulsions) and the Sakhalin projects. Japan's sanctions are not copied
here: they are rows of ``sanctions_timeline`` (jurisdiction JP), which ``related_ids`` name where
a row responds to them.

Assume: amounts are in millions of ``currency`` as the source states them; a
``cumulative_total`` ("Japan's support totals more than USD 12 bn") is never added to package
amounts, and amounts in different currencies are never added.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Events, Filter, Lane, vocabulary
from dashboard.palette import BLACK, BLUE, GREEN, GREY, ORANGE, PURPLE, SKY, VERMILLION

PRECISION = vocabulary("date_precision", ("day", "日", "Day"), ("month", "月", "Month"))
CATEGORY = vocabulary(
    "category",
    ("ukraine_support", "ウクライナ支援", "Support to Ukraine", BLUE),
    ("reconstruction", "復旧・復興", "Recovery and reconstruction", GREEN),
    ("demining", "地雷・不発弾除去", "Demining", ORANGE),
    ("defence_equipment", "防衛装備移転", "Defence-equipment transfers", PURPLE),
    ("russia_relations", "日ロ関係", "Japan–Russia relations", VERMILLION),
    ("energy", "サハリン等のエネルギー", "Energy (Sakhalin projects)", BLACK),
)
ACTION = vocabulary(
    "action",
    ("commitment", "支援の表明", "Commitment"),
    ("disbursement", "支出", "Disbursement"),
    ("agreement", "協定・合意", "Agreement"),
    ("conference", "会議", "Conference"),
    ("visit", "訪問", "Visit"),
    ("rule_change", "制度の改正", "Rule change"),
    ("policy_debate", "政策論議", "Policy debate"),
    ("training", "研修・訓練", "Training"),
    ("equipment_delivery", "機材の供与", "Equipment delivery"),
    ("statement", "発表・声明", "Statement"),
    ("countermeasure", "対抗措置", "Countermeasure"),
    ("suspension", "停止・破棄", "Suspension"),
)
ACTOR = vocabulary(
    "actor",
    ("JP", "日本", "Japan", ORANGE),
    ("RU", "ロシア", "Russia", VERMILLION),
    ("JP_UA", "日本とウクライナ", "Japan and Ukraine", SKY),
    ("G7", "G7", "G7", GREEN),
)
CURRENCY = vocabulary(
    "currency", ("JPY", "円", "JPY"), ("USD", "米ドル", "USD"), ("EUR", "ユーロ", "EUR")
)
AMOUNT_KIND = vocabulary(
    "amount_kind",
    ("grant", "無償資金", "Grant", BLUE, "square"),
    ("loan", "円借款等の融資", "Loan", VERMILLION, "diamond"),
    (
        "grant_and_loan",
        "無償・融資・保証の組合せ",
        "Grants, loans and guarantees",
        GREEN,
        "triangle-up",
    ),
    ("guarantee", "保証", "Guarantee", PURPLE, "triangle-down"),
    ("in_kind", "現物", "In kind", SKY, "pentagon"),
    (
        "cumulative_total",
        "政府が示した支援総額（累計）",
        "Government's cumulative total",
        BLACK,
        "circle",
    ),
    ("total_commitment", "表明額の合計", "Total commitment", GREY, "hexagon"),
)
FIRST = pd.Timestamp("2022-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST, le=LATEST)
    date_precision: Series[str] = pa.Field(isin=PRECISION.values)
    category: Series[str] = pa.Field(isin=CATEGORY.values)
    action: Series[str] = pa.Field(isin=ACTION.values)
    actor: Series[str] = pa.Field(isin=ACTOR.values)
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
    amount_millions: Series[float] = pa.Field(nullable=True, ge=0.01, le=10_000_000)
    currency: Series[str] = pa.Field(nullable=True, isin=CURRENCY.values)
    amount_kind: Series[str] = pa.Field(nullable=True, isin=AMOUNT_KIND.values)
    related_ids: Series[str] = pa.Field(nullable=True)
    key_event: Series[bool]

    @pa.dataframe_check(error="an amount needs its currency and kind, and only an amount has them.")
    @classmethod
    def amounts_complete(cls, frame):  # type: ignore[no-untyped-def]
        filled = frame[["amount_millions", "currency", "amount_kind"]].notna()
        return filled.all(axis=1) | ~filled.any(axis=1)


DATASET = Dataset(
    id="japan_track",
    schema=Schema,
    date="date",
    page="recommendations",
    order=45,
    vocabularies=(PRECISION, CATEGORY, ACTION, ACTOR, CURRENCY, AMOUNT_KIND),
    search=("title_ja", "title_en", "summary_ja", "summary_en", "id"),
    filters=(Filter("jcat", "category", ("日本の取り組みの分野", "Japan's track: area")),),
    events=Events(group="category"),
    lane=Lane("japan", ("日本", "Japan"), ORANGE, order=35, japan=True),
    table=(
        ("date", "table.date"),
        ("category", ("分野", "Area")),
        ("action", ("種類", "Action")),
        ("actor", ("主体", "Actor")),
        ("title_LANG", "table.title"),
        ("summary_LANG", "table.summary"),
        ("amount_millions", ("金額（百万）", "Amount (millions)")),
        ("currency", ("通貨", "Currency")),
        ("amount_kind", ("金額の種類", "Amount kind")),
        ("related_ids", ("関連する制裁（「対ロシア制裁」の行）", "Related sanctions")),
    ),
    charts=(
        Chart(
            "japan_track",
            (
                "日本の取り組みと日ロ関係（分野別）",
                "Japan's measures and Japan–Russia relations, by area",
            ),
            "timeline:lanes",
            counted=True,
        ),
        Chart(
            "japan_support_amounts",
            (
                "日本のウクライナ支援：金額の示された表明・協定",
                "Japan's support to Ukraine: commitments with amounts",
            ),
            "japan:amounts",
            where={"category": ("ukraine_support", "reconstruction")},
            caption=(
                "通貨ごとに別の軸で示す。政府が示した累計額（●）は個別の表明額（■）と合算しない。",
                "One axis per currency. The government's cumulative totals (●) are never added "
                "to individual commitments (■).",
            ),
        ),
        Chart(
            "japan_support_track",
            ("現状：ウクライナ支援と復興", "Today: support to Ukraine and reconstruction"),
            "timeline:lanes",
            where={"category": ("ukraine_support", "reconstruction")},
            options={"group": "action"},
        ),
        Chart(
            "japan_demining_track",
            ("現状：地雷・不発弾除去", "Today: demining"),
            "timeline:lanes",
            where={"category": ("demining",)},
            options={"group": "action"},
        ),
        Chart(
            "japan_defence_track",
            ("現状：防衛装備移転のルール", "Today: the defence-equipment transfer rules"),
            "timeline:lanes",
            where={"category": ("defence_equipment",)},
            options={"group": "action"},
        ),
        Chart(
            "japan_russia_track",
            ("現状：日ロ関係とサハリン", "Today: Japan–Russia relations and Sakhalin"),
            "timeline:lanes",
            where={"category": ("russia_relations", "energy")},
            options={"group": "actor"},
        ),
    ),
)
