"""Row ids -> citable evidence: what a footnote in the narrative shows (date, value, source)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.i18n import Lang, format_date, label


@dataclass(frozen=True)
class Evidence:
    row_id: str
    dataset: str
    when: date | None
    statement: str
    publisher: str
    title: str
    url: str

    def footnote(self, lang: Lang) -> str:
        """One line of Markdown: date — statement — [publisher: title](url)."""
        when = format_date(self.when, lang)
        return f"{when} — {self.statement} — [{self.publisher}: {self.title}]({self.url})"


def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()  # type: ignore[arg-type]


def _statement(dataset: str, row: pd.Series, lang: Lang) -> tuple[date | None, str]:
    if dataset in {"sanctions_timeline", "dprk_russia_milestones", "ceasefire_talks"}:
        return _day(row["date"]), str(row[f"title_{lang}"])
    if dataset == "russian_gdp":
        kind = label("estimate_type", row["estimate_type"], lang)
        if lang == "ja":
            text = f"実質GDP成長率 {row['period']}：{row['real_gdp_growth_pct']:+.1f}%（{kind}）"
        else:
            text = f"Real GDP growth {row['period']}: {row['real_gdp_growth_pct']:+.1f}% ({kind})"
        return _day(row["published"]), text
    if dataset == "russian_key_rate":
        verb = label("decision", row["decision"], lang)
        if lang == "ja":
            return _day(row["decision_date"]), f"政策金利 {row['key_rate_pct']:g}%（{verb}）"
        return _day(row["decision_date"]), f"Key rate {row['key_rate_pct']:g}% ({verb})"
    if dataset == "russian_economy":
        name = label("indicator", row["indicator"], lang)
        unit = label("unit", row["unit"], lang)
        sep = "：" if lang == "ja" else ": "
        return _day(row["published"]), f"{name} {row['period']}{sep}{row['value']:,.2f} {unit}"
    if dataset == "ceasefire_positions":
        head = f"{label('issue', row['issue'], lang)} / {label('actor', row['actor'], lang)}"
        return _day(row["as_of"]), f"{head}: {row[f'position_{lang}']}"
    raise KeyError(dataset)


def index(frames: Mapping[str, pd.DataFrame], lang: Lang) -> dict[str, Evidence]:
    """Every row of every given dataset, by id."""
    found: dict[str, Evidence] = {}
    for dataset, rows in frames.items():
        for _, row in rows.iterrows():
            when, statement = _statement(dataset, row, lang)
            found[str(row["id"])] = Evidence(
                row_id=str(row["id"]),
                dataset=dataset,
                when=when,
                statement=statement,
                publisher=str(row["source_publisher"]),
                title=str(row["source_title"]),
                url=str(row["source_url"]),
            )
    return found
