"""ceasefire_positions: per key issue, what the 28-point plan, the 20-point revision, Russia and
Ukraine each put forward. One row per (issue, actor); a missing row means no source states it."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow

DATASET_ID = "ceasefire_positions"
ISSUES = (
    "territory",
    "nato_membership",
    "security_guarantees",
    "armed_forces_limits",
    "sanctions",
    "frozen_assets",
    "zaporizhzhia_npp",
    "elections",
    "humanitarian",
    "reconstruction",
    "language_religion",
    "ceasefire_monitoring",
)
ACTORS = ("plan_28", "plan_20", "russia", "ukraine")
CATEGORIES = {"issue": ISSUES, "actor": ACTORS}
MULTI = ()


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
