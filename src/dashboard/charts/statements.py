"""Officials' statements as a table: date, speaker, venue and the words as quoted."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Lang, format_date, label


def table(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    ja = lang == "ja"
    ordered = rows.sort_values("date")
    return pd.DataFrame(
        {
            "日付" if ja else "Date": [format_date(d, lang) for d in ordered["date"]],
            "発言者" if ja else "Speaker": [label("speaker", s, lang) for s in ordered["speaker"]],
            "場" if ja else "Where": ordered[f"venue_{lang}"].tolist(),
            "発言（出典による引用）" if ja else "Words (as the source quotes them)": ordered[
                f"quote_{lang}"
            ].tolist(),
            "出典" if ja else "Source": ordered["source_publisher"].tolist(),
        }
    )
