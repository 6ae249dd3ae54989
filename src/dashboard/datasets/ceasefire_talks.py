"""ceasefire_talks: the 2025 negotiation track (calls, talks, summits, plans)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Events, Filter, Lane, vocabulary
from dashboard.palette import BLUE, GREEN, GREY, ORANGE, SKY, VERMILLION

EVENT_TYPE = vocabulary(
    "event_type",
    ("call", "電話会談", "Call", SKY),
    ("talks", "協議", "Talks", BLUE),
    ("summit", "首脳会談", "Summit", VERMILLION),
    ("plan", "和平案", "Plan", GREEN),
    ("statement", "声明・発言", "Statement", GREY),
    ("ceasefire", "停戦", "Ceasefire", ORANGE),
)
PARTY = vocabulary(
    "parties",
    ("US", "米国", "US"),
    ("RU", "ロシア", "Russia"),
    ("UA", "ウクライナ", "Ukraine"),
    ("EU", "EU", "EU"),
    ("UK", "英国", "UK"),
    ("FR", "フランス", "France"),
    ("DE", "ドイツ", "Germany"),
    ("IT", "イタリア", "Italy"),
    ("PL", "ポーランド", "Poland"),
    ("FI", "フィンランド", "Finland"),
    ("NATO", "NATO", "NATO"),
    ("TR", "トルコ", "Türkiye"),
    ("SA", "サウジアラビア", "Saudi Arabia"),
    ("AE", "アラブ首長国連邦", "UAE"),
    ("QA", "カタール", "Qatar"),
    ("CH", "スイス", "Switzerland"),
    ("HU", "ハンガリー", "Hungary"),
    multi=True,
)
EVENT_TYPES = EVENT_TYPE.values
PARTIES = PARTY.values
FIRST_DATE = pd.Timestamp("2025-01-01")


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=FIRST_DATE, le=LATEST)
    end_date: Series[pa.DateTime] = pa.Field(nullable=True, ge=FIRST_DATE, le=LATEST)
    event_type: Series[str] = pa.Field(isin=EVENT_TYPES)
    parties: Series[str]
    place_ja: Series[str] = pa.Field(nullable=True)
    place_en: Series[str] = pa.Field(nullable=True)
    title_ja: Series[str]
    title_en: Series[str]
    outcome_ja: Series[str]
    outcome_en: Series[str]
    key_event: Series[bool]


DATASET = Dataset(
    id="ceasefire_talks",
    schema=Schema,
    date="date",
    page="ceasefire",
    order=60,
    vocabularies=(EVENT_TYPE, PARTY),
    search=("title_ja", "title_en", "outcome_ja", "outcome_en", "place_ja", "place_en", "id"),
    filters=(
        Filter("party", "parties", ("当事者", "Parties")),
        Filter("event", "event_type", ("種類", "Event type")),
    ),
    events=Events(group="event_type", detail="outcome"),
    lane=Lane(
        "ceasefire",
        ("停戦交渉", "Negotiations"),
        BLUE,
        order=10,
        overlay=True,
        overlay_label=("停戦交渉", "Negotiations"),
    ),
    table=(
        ("date", "table.date"),
        ("event_type", "filter.event_type"),
        ("parties", "filter.parties"),
        ("place_LANG", "table.place"),
        ("title_LANG", "table.title"),
        ("outcome_LANG", "table.outcome"),
    ),
    charts=(
        Chart(
            "ceasefire_timeline",
            ("2025年の停戦交渉の経過", "The 2025 negotiation track"),
            "timeline:lanes",
            options={"axis_from": "2025-01-01"},
            counted=True,
        ),
    ),
)
