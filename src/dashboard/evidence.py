"""Row ids -> citable evidence: what a footnote in the narrative shows (date, value, source)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.datasets import REGISTRY
from dashboard.i18n import Lang, format_date


@dataclass(frozen=True)
class Evidence:
    row_id: str
    dataset: str
    when: date | None
    statement: str
    publisher: str
    title: str
    url: str
    tier: str = ""

    def footnote(self, lang: Lang) -> str:
        """One line of Markdown: date — statement — [publisher: title](url)."""
        when = format_date(self.when, lang)
        return f"{when} — {self.statement} — [{self.publisher}: {self.title}]({self.url})"


def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()  # type: ignore[arg-type]


def index(frames: Mapping[str, pd.DataFrame], lang: Lang) -> dict[str, Evidence]:
    """Every row of every given dataset, by id, as its dataset's declaration cites it."""
    found: dict[str, Evidence] = {}
    for dataset_id, rows in frames.items():
        spec = REGISTRY[dataset_id]
        dated = spec.cite_date or spec.date
        for row in rows.to_dict("records"):
            found[str(row["id"])] = Evidence(
                row_id=str(row["id"]),
                dataset=dataset_id,
                when=_day(row[dated]),
                statement=spec.statement(row, lang),
                publisher=str(row["source_publisher"]),
                title=str(row["source_title"]),
                url=str(row["source_url"]),
                tier=str(row.get("source_tier") or ""),
            )
    return found
