"""ukraine_support: Western support to Ukraine over time.

Two kinds of row. ``allocation``: a figure from a Kiel Institute Ukraine Support Tracker release
(EUR bn of aid *allocated*, i.e. specified and earmarked, not merely pledged), for a donor group,
an aid type and a period (cumulative since 24 Jan 2022, a span of months, or an annual average).
``decision``: a dated decision behind "the fear that US support stops" (pauses, resumptions,
financing mechanisms), by its actor.

Assume: allocation figures of different releases are comparable only for the same donor group,
aid type and kind of period; ``europe`` is European countries plus EU institutions, ``eu`` is the
EU and its member states only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, PUBLISHED_LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Events, vocabulary
from dashboard.i18n import Lang, number, period_label
from dashboard.palette import BLUE, GREEN, GREY, ORANGE, SKY, VERMILLION

KIND = vocabulary(
    "kind",
    ("allocation", "支援額（キール研究所の集計）", "Allocation (Kiel Institute)"),
    ("decision", "決定・出来事", "Decision"),
)
DONOR = vocabulary(
    "donor",
    ("europe", "欧州（各国とEU機関）", "Europe (countries and EU institutions)", BLUE),
    ("eu", "EUと加盟国", "EU and member states", SKY),
    ("us", "米国", "United States", VERMILLION),
    ("other", "その他の支援国", "Other donors", GREY),
    ("total", "全支援国", "All donors", GREEN),
)
AID_TYPE = vocabulary(
    "aid_type",
    ("military", "軍事支援", "Military aid"),
    ("financial_humanitarian", "財政・人道支援", "Financial and humanitarian aid"),
    ("financial", "財政支援", "Financial aid"),
    ("humanitarian", "人道支援", "Humanitarian aid"),
    ("total", "支援総額", "Total aid"),
)
ACTOR = vocabulary(
    "actor",
    ("US", "米国", "United States", VERMILLION),
    ("EU", "EU", "EU", BLUE),
    ("NATO", "NATO", "NATO", ORANGE),
    ("UK", "英国", "United Kingdom"),
    ("DE", "ドイツ", "Germany"),
    ("FR", "フランス", "France"),
    ("G7", "G7", "G7", GREEN),
    ("other", "その他", "Other", GREY),
)
UNIT = vocabulary("unit", ("eur_bn", "10億ユーロ", "EUR bn"))
#: Periods: cumulative or spans ``YYYY-MM-DD/YYYY-MM-DD``, a year, ``YYYY-H1``, an average.
PERIOD = r"^(\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}|\d{4}|\d{4}-H[12]|\d{4}-\d{4} avg)$"
FIRST = pd.Timestamp("2022-01-01")
ALLOCATION_COLUMNS = ("period", "period_start", "period_end", "donor", "aid_type", "value", "unit")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    kind: Series[str] = pa.Field(isin=KIND.values)
    date: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=PUBLISHED_LATEST)
    period: Series[str] = pa.Field(nullable=True, str_matches=PERIOD)
    period_start: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=LATEST)
    period_end: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=LATEST)
    donor: Series[str] = pa.Field(nullable=True, isin=DONOR.values)
    aid_type: Series[str] = pa.Field(nullable=True, isin=AID_TYPE.values)
    value: Series[float] = pa.Field(nullable=True, ge=0, le=1000)
    unit: Series[str] = pa.Field(nullable=True, isin=list(UNIT.values))  # one code: a list
    actor: Series[str] = pa.Field(nullable=True, isin=ACTOR.values)
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]
    published: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST, le=PUBLISHED_LATEST)
    key_event: Series[bool]

    @pa.dataframe_check(
        error="an allocation row needs period, period_start, period_end, donor, aid_type, value "
        "and unit; a decision row needs its date and actor and no allocation columns."
    )
    @classmethod
    def columns_fit_the_kind(cls, frame):  # type: ignore[no-untyped-def]
        filled = frame[list(ALLOCATION_COLUMNS)].notna()
        allocation = frame["kind"] == "allocation"
        return (allocation & filled.all(axis=1) & frame["actor"].isna()) | (
            ~allocation & ~filled.any(axis=1) & frame["actor"].notna() & frame["date"].notna()
        )


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    if row["kind"] != "allocation":
        return str(row[f"title_{lang}"])
    donor, aid = DONOR.get(row["donor"]), AID_TYPE.get(row["aid_type"])
    amount = number(float(row["value"]), "eur_bn", lang)
    span = period_label(row["period"], lang)
    who = donor.label(lang) if donor else ""
    what = aid.label(lang) if aid else ""
    if lang == "ja":
        return f"キール研究所：{who}の{what}（{span}）{amount}"
    return f"Kiel Institute: {who}, {what.lower()} ({span}): {amount}"


DATASET = Dataset(
    id="ukraine_support",
    schema=Schema,
    date="date",
    date_fallback="period_end",
    page="ceasefire",
    order=66,
    vocabularies=(KIND, DONOR, AID_TYPE, ACTOR, UNIT),
    search=("title_ja", "title_en", "summary_ja", "summary_en", "id"),
    events=Events(group="actor"),
    published="published",
    cite=_cite,
    cite_date="published",
    table=(
        ("kind", ("種類", "Kind")),
        ("date", "table.date"),
        ("title_LANG", "table.title"),
        ("donor", ("支援国", "Donor group")),
        ("aid_type", ("支援の種類", "Aid type")),
        ("period", "table.period"),
        ("value", ("額（10億ユーロ）", "EUR bn")),
        ("actor", ("主体", "Actor")),
        ("summary_LANG", "table.summary"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "support_allocations",
            (
                "ウクライナ支援：欧州と米国の累計支援額と主な決定",
                "Support to Ukraine: cumulative allocations by Europe and the US, and key decisions",
            ),
            "support:allocations",
            wide=True,  # its decisions panel and their list need the page's width
            caption=(
                "キール研究所「ウクライナ支援トラッカー」の各公表時点の累計（配分額）。決定は公表日。",
                "Cumulative allocations as of each Kiel Institute Ukraine Support Tracker "
                "release; decisions on the day they were taken.",
            ),
        ),
    ),
)
