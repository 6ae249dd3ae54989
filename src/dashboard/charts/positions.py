"""The positions table: key issues down, the four proposals across, every cell sourced."""

from __future__ import annotations

import pandas as pd

from dashboard.datasets.ceasefire_positions import ACTORS, ISSUES
from dashboard.i18n import Lang, label, t


def matrix(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per issue that any source addresses; a missing cell says no source states it."""
    missing = t("table.not_stated", lang)
    cells = {
        (
            str(row.issue),
            str(row.actor),
        ): f"{getattr(row, f'position_{lang}')} ({row.source_publisher})"
        for row in rows.itertuples(index=False)
    }
    issues = [code for code in ISSUES if any(issue == code for issue, _ in cells)]
    columns = [t("table.issue", lang)] + [label("actor", actor, lang) for actor in ACTORS]
    table = [
        [label("issue", issue, lang)] + [cells.get((issue, actor), missing) for actor in ACTORS]
        for issue in issues
    ]
    return pd.DataFrame(table, columns=columns)
