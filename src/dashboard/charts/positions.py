"""The positions table: key issues down, the four proposals across, every cell sourced."""

from __future__ import annotations

import pandas as pd

from dashboard.datasets.ceasefire_positions import ACTORS, ISSUES
from dashboard.i18n import Lang, label, t


def matrix(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per issue that any source addresses; a missing cell says no source states it."""
    missing = t("table.not_stated", lang)
    issues = [code for code in ISSUES if code in set(rows["issue"].astype(str))]
    table = []
    for issue in issues:
        line = {t("table.issue", lang): label("issue", issue, lang)}
        for actor in ACTORS:
            cell = rows[(rows["issue"].astype(str) == issue) & (rows["actor"].astype(str) == actor)]
            if cell.empty:
                line[label("actor", actor, lang)] = missing
            else:
                first = cell.iloc[0]
                line[label("actor", actor, lang)] = (
                    f"{first[f'position_{lang}']} ({first['source_publisher']})"
                )
        table.append(line)
    columns = [t("table.issue", lang)] + [label("actor", actor, lang) for actor in ACTORS]
    return pd.DataFrame(table, columns=columns)
