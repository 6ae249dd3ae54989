"""economy_statements: what Russia's economic officials said of the economy's state, on the record.

One row per statement: who, when, where, and the words as the source reports them (quoted in
English or Japanese translation by that source). The chapter quotes the economy minister's
"on the verge of recession" (June 2025); the central bank governor's reply at the same session
is kept beside it, so a reader sees that officials disagreed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang

SPEAKER = vocabulary(
    "speaker",
    (
        "reshetnikov",
        "レシェトニコフ経済発展大臣",
        "Economic Development Minister Maxim Reshetnikov",
    ),
    ("nabiullina", "ナビウリナ中央銀行総裁", "Bank of Russia Governor Elvira Nabiullina"),
    ("siluanov", "シルアノフ財務大臣", "Finance Minister Anton Siluanov"),
    ("putin", "プーチン大統領", "President Vladimir Putin"),
)


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=pd.Timestamp("2022-01-01"), le=LATEST)
    speaker: Series[str] = pa.Field(isin=SPEAKER.values)
    venue_ja: Series[str]
    venue_en: Series[str]
    quote_ja: Series[str]
    quote_en: Series[str]


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    who = SPEAKER.get(row["speaker"])
    name = who.label(lang) if who else str(row["speaker"])
    if lang == "ja":
        return f"{name}（{row['venue_ja']}）：「{row['quote_ja']}」"
    return f"{name} ({row['venue_en']}): “{row['quote_en']}”"


DATASET = Dataset(
    id="economy_statements",
    schema=Schema,
    date="date",
    page="war_economy",
    order=38,
    vocabularies=(SPEAKER,),
    search=("quote_ja", "quote_en", "venue_ja", "venue_en", "id"),
    cite=_cite,
    table=(
        ("date", "table.date"),
        ("speaker", ("発言者", "Speaker")),
        ("venue_LANG", "table.place"),
        ("quote_LANG", ("発言（出典による引用）", "Words (as the source quotes them)")),
        ("note", "table.note"),
    ),
    charts=(
        Chart(
            "economy_statements",
            ("ロシア経済当局者の発言", "Russia's economic officials on the record"),
            "statements:table",
            table=True,
        ),
    ),
)
