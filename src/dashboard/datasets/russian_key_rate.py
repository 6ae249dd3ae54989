"""russian_key_rate: every Bank of Russia key-rate decision, December 2021 to December 2025."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow, cited
from dashboard.datasets.spec import (
    Chart,
    Dataset,
    Events,
    KeyFigure,
    Lane,
    Metric,
    vocabulary,
)
from dashboard.i18n import Lang, format_date
from dashboard.palette import GREEN

DECISION = vocabulary(
    "decision",
    ("raise", "引き上げ", "Raise"),
    ("cut", "引き下げ", "Cut"),
    ("hold", "据え置き", "Hold"),
)
MEETING = vocabulary(
    "meeting",
    ("scheduled", "定例会合", "Scheduled meeting"),
    ("unscheduled", "臨時会合", "Unscheduled meeting"),
)
DECISIONS = DECISION.values
MEETINGS = MEETING.values
FIRST_DECISION = "2021-12-01"


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    decision_date: Series[pa.DateTime] = pa.Field(
        unique=True, ge=pd.Timestamp(FIRST_DECISION), le=LATEST
    )
    effective_date: Series[pa.DateTime] = pa.Field(nullable=True)
    key_rate_pct: Series[float] = pa.Field(ge=0, le=100)
    change_pp: Series[float] = pa.Field(ge=-20, le=20)
    decision: Series[str] = pa.Field(isin=DECISIONS)
    meeting: Series[str] = pa.Field(isin=MEETINGS)


def _label(vocab_code: Any, lang: Lang) -> str:
    return vocab_code.label(lang) if vocab_code is not None else ""


def event_titles(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """ "cut to 16.5% (-0.5 pt)" for each decision."""
    verbs = [_label(DECISION.get(code), lang) for code in rows["decision"].astype(object)]
    rates = rows["key_rate_pct"].tolist()
    changes = rows["change_pp"].tolist()
    if lang == "ja":
        return [
            f"政策金利を{rate:g}%に{verb}（{change:+g}pt）"
            for verb, rate, change in zip(verbs, rates, changes, strict=True)
        ]
    return [
        f"{verb}: key rate {rate:g}% ({change:+g} pp)"
        for verb, rate, change in zip(verbs, rates, changes, strict=True)
    ]


def event_details(rows: pd.DataFrame, lang: Lang) -> list[str]:
    """The meeting (scheduled or unscheduled) of each decision."""
    return [_label(MEETING.get(code), lang) for code in rows["meeting"].astype(object)]


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    verb = _label(DECISION.get(row["decision"]), lang)
    if lang == "ja":
        return f"政策金利 {row['key_rate_pct']:g}%（{verb}）"
    return f"Key rate {row['key_rate_pct']:g}% ({verb})"


def _latest_rate(rows: pd.DataFrame, lang: Lang) -> Metric | None:
    if rows.empty:
        return None
    last = rows.loc[rows["decision_date"].idxmax()]
    day = format_date(last["decision_date"], lang)  # type: ignore[arg-type]
    return Metric(
        label=f"政策金利（{day}時点）" if lang == "ja" else f"Key rate (as of {day})",
        value=f"{last['key_rate_pct']:g}%",
        delta=f"{last['change_pp']:+g} pp",
        help=cited(last),
    )


DATASET = Dataset(
    id="russian_key_rate",
    schema=Schema,
    date="decision_date",
    page="war_economy",
    order=20,
    vocabularies=(DECISION, MEETING),
    events=Events(group="decision", title=event_titles, detail=event_details),
    lane=Lane("economy", ("経済（政策金利）", "Economy (key rate)"), GREEN, order=30),
    cite=_cite,
    table=(
        ("decision_date", "table.date"),
        ("key_rate_pct", "chart.key_rate_axis"),
        ("change_pp", "table.change"),
        ("decision", "table.decision"),
        ("meeting", "table.meeting"),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "key_rate",
            ("ロシア中央銀行の政策金利", "Bank of Russia key rate"),
            "economy:key_rate_path",
            overlays=True,
        ),
    ),
    key_figures=(KeyFigure("key_rate", _latest_rate),),
)
