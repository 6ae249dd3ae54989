"""ceasefire_positions: per key issue, what the 28-point plan, the 20-point revision, Russia and
Ukraine each put forward. One row per (issue, actor); a missing row means no source states it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, vocabulary
from dashboard.i18n import Lang

ISSUE = vocabulary(
    "issue",
    ("territory", "領土", "Territory"),
    ("nato_membership", "NATO加盟", "NATO membership"),
    ("security_guarantees", "安全の保証", "Security guarantees"),
    ("armed_forces_limits", "軍の規模の制限", "Limits on armed forces"),
    ("sanctions", "制裁", "Sanctions"),
    ("frozen_assets", "凍結資産", "Frozen assets"),
    ("zaporizhzhia_npp", "ザポリージャ原発", "Zaporizhzhia nuclear plant"),
    ("elections", "選挙", "Elections"),
    ("humanitarian", "人道（捕虜・子ども）", "Humanitarian (prisoners, children)"),
    ("reconstruction", "復興", "Reconstruction"),
    ("language_religion", "言語・宗教", "Language and religion"),
    ("ceasefire_monitoring", "停戦監視", "Ceasefire monitoring"),
)
ACTOR = vocabulary(
    "actor",
    ("plan_28", "米国28項目案（2025年11月）", "US 28-point plan (Nov 2025)"),
    ("plan_20", "20項目の修正案（2025年12月）", "20-point revision (Dec 2025)"),
    ("russia", "ロシア", "Russia"),
    ("ukraine", "ウクライナ", "Ukraine"),
)
ISSUES = ISSUE.values
#: The issues in groups, each a slide of the positions table (deck, handout, presentation mode):
#: (key, Japanese, English, issues).
ISSUE_GROUPS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "territory_security",
        "領土と安全保障",
        "Territory and security",
        ("territory", "nato_membership", "security_guarantees", "armed_forces_limits"),
    ),
    (
        "ceasefire_humanitarian",
        "停戦監視・原発・人道",
        "Ceasefire monitoring, the nuclear plant, humanitarian issues",
        ("ceasefire_monitoring", "zaporizhzhia_npp", "humanitarian"),
    ),
    (
        "economy",
        "制裁・凍結資産・復興",
        "Sanctions, frozen assets, reconstruction",
        ("sanctions", "frozen_assets", "reconstruction"),
    ),
    (
        "politics",
        "選挙・言語・宗教",
        "Elections, language and religion",
        ("elections", "language_religion"),
    ),
)
ACTORS = ACTOR.values


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    issue: Series[str] = pa.Field(isin=ISSUES)
    actor: Series[str] = pa.Field(isin=ACTORS)
    position_ja: Series[str]
    position_en: Series[str]
    as_of: Series[pa.DateTime] = pa.Field(le=LATEST)

    @pa.dataframe_check(
        error="this row repeats an (issue, actor) pair that another row has; keep one row per pair."
    )
    @classmethod
    def one_row_per_issue_and_actor(cls, frame):  # type: ignore[no-untyped-def]
        return ~frame.duplicated(subset=["issue", "actor"], keep=False)


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    issue, actor = ISSUE.get(row["issue"]), ACTOR.get(row["actor"])
    head = f"{issue.label(lang) if issue else row['issue']} / {actor.label(lang) if actor else ''}"
    return f"{head}: {row[f'position_{lang}']}"


DATASET = Dataset(
    id="ceasefire_positions",
    schema=Schema,
    date="as_of",
    page="ceasefire",
    order=70,
    vocabularies=(ISSUE, ACTOR),
    cite=_cite,
    filter_by_date=False,
    table=(
        ("issue", "table.issue"),
        ("actor", "filter.parties"),
        ("position_LANG", "table.summary"),
        ("as_of", "table.date"),
    ),
    charts=(
        Chart(
            "positions_table",
            ("主要論点ごとの立場", "Positions on the key issues"),
            "positions:matrix",
            wide=True,
            table=True,
        ),
    ),
)
