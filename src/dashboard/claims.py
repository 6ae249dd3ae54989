"""The chapter's claims as data: ``data/chapter_claims.csv``, one row per sentence (or contiguous
part of a sentence) of the proofread chapter, with its kind and the dataset rows behind it.

The narrative's footnotes are generated from this table, so text and evidence cannot drift:
``check`` verifies that every evidence id is a row of some dataset, that the claims of each
section put together give back the proofread text exactly, and that a fact or an assessment
without evidence says why in its note (a warning, shown in the app, not an error).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.core import AS_OF, CHECKED, LoadResult, Problem, read_csv, split_codes
from dashboard.datasets.spec import in_lang, vocabulary
from dashboard.i18n import Lang, t
from dashboard.palette import BLUE, GREEN, GREY, ORANGE, PURPLE, VERMILLION
from dashboard.paths import DATA_DIR

FILE = "chapter_claims.csv"
SECTIONS = ("ceasefire", "war_economy", "dprk_russia", "recommendations")
KIND = vocabulary(
    "claim_kind",
    ("fact", "事実", "fact", BLUE),
    ("assessment", "評価", "assessment", ORANGE),
    ("forecast", "予測", "forecast", PURPLE),
    ("recommendation", "提言", "recommendation", GREEN),
)
KINDS = KIND.values
#: Kinds that must cite evidence (or say in their note why none can be sourced).
NEEDS_EVIDENCE = ("fact", "assessment")
#: How a forecast fared after the cut-off, judged from the follow-up layer.
STATUS = vocabulary(
    "forecast_status",
    ("supported", "見通しどおり", "supported", GREEN),
    ("contradicted", "見通しと異なる", "contradicted", VERMILLION),
    ("mixed", "一部一致", "mixed", ORANGE),
    ("pending", "未確定", "pending", GREY),
)
STATUSES = STATUS.values
#: A symbol per status beside its word (greyscale print, colour-blind readers): the ○△× of
#: Japanese evaluation tables, glyphs every CJK font has.
STATUS_SYMBOL = {"supported": "○", "contradicted": "×", "mixed": "△", "pending": "…"}
STATUS_COLUMNS = ("status", "status_as_of", "status_evidence", "status_note_ja", "status_note_en")


class Schema(pa.DataFrameModel):
    id: Series[str] = pa.Field(unique=True, str_matches=r"^claim_[a-z]{2}_\d{2}$")
    section: Series[str] = pa.Field(isin=SECTIONS)
    order: Series[int] = pa.Field(ge=1, le=99)
    text_ja: Series[str]
    text_en: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    evidence: Series[str] = pa.Field(nullable=True)
    note: Series[str]
    note_ja: Series[str]
    status: Series[str] = pa.Field(nullable=True, isin=STATUSES)
    status_as_of: Series[pa.DateTime] = pa.Field(
        nullable=True, ge=pd.Timestamp(AS_OF), le=pd.Timestamp(CHECKED)
    )
    status_evidence: Series[str] = pa.Field(nullable=True)
    status_note_ja: Series[str] = pa.Field(nullable=True)
    status_note_en: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True

    @pa.dataframe_check(
        error="a forecast needs status, status_as_of and both status notes; "
        "any other kind of claim leaves all five status columns empty."
    )
    @classmethod
    def forecasts_have_a_status(cls, frame):  # type: ignore[no-untyped-def]
        needed = frame[["status", "status_as_of", "status_note_ja", "status_note_en"]].notna()
        forecast = frame["kind"] == "forecast"
        filled = frame[list(STATUS_COLUMNS)].notna().any(axis=1)
        return (forecast & needed.all(axis=1)) | (~forecast & ~filled)

    @pa.dataframe_check(error="this (section, order) is used by another claim; orders are unique.")
    @classmethod
    def one_claim_per_place(cls, frame):  # type: ignore[no-untyped-def]
        return ~frame.duplicated(subset=["section", "order"], keep=False)


@dataclass(frozen=True)
class Claim:
    id: str
    section: str
    order: int
    text_ja: str
    text_en: str
    kind: str
    evidence: tuple[str, ...]
    note: str
    note_ja: str
    line: int
    #: A forecast's fate after the cut-off (``status`` empty for other kinds).
    status: str = ""
    status_as_of: date | None = None
    status_evidence: tuple[str, ...] = ()
    status_note_ja: str = ""
    status_note_en: str = ""

    def text(self, lang: Lang) -> str:
        return self.text_ja if lang == "ja" else self.text_en

    def note_in(self, lang: Lang) -> str:
        """What the evidence shows and does not show, in the reader's language."""
        return self.note_ja if lang == "ja" else self.note

    @property
    def backed(self) -> bool:
        return bool(self.evidence)

    def status_note(self, lang: Lang) -> str:
        return self.status_note_ja if lang == "ja" else self.status_note_en

    def status_label(self, lang: Lang) -> str:
        code = STATUS.get(self.status)
        return code.label(lang) if code else self.status

    def status_text(self, lang: Lang) -> str:
        """The status as a symbol and a word: "○ 見通しどおり", "△ mixed"."""
        return f"{STATUS_SYMBOL.get(self.status, '')} {self.status_label(lang)}".strip()

    def kind_label(self, lang: Lang) -> str:
        code = KIND.get(self.kind)
        return code.label(lang) if code else self.kind


def read(path: Path | None = None) -> tuple[tuple[Claim, ...], LoadResult]:
    """The claims in section and order, or none with the file's problems."""
    target = path or DATA_DIR / FILE
    result = read_csv(target, Schema, display_path=f"data/{target.name}")
    if not result.ok or result.frame is None:
        return (), result
    frame = result.frame
    lines = _lines(target)
    claims = tuple(
        Claim(
            id=str(row.id),
            section=str(row.section),
            order=int(row.order),
            text_ja=str(row.text_ja),
            text_en=str(row.text_en),
            kind=str(row.kind),
            evidence=tuple(split_codes(row.evidence)),
            note=str(row.note),
            note_ja=str(row.note_ja),
            line=lines.get(str(row.id), 0),
            status=_text(row.status),
            status_as_of=None if pd.isna(row.status_as_of) else row.status_as_of.date(),
            status_evidence=tuple(split_codes(row.status_evidence)),
            status_note_ja=_text(row.status_note_ja),
            status_note_en=_text(row.status_note_en),
        )
        for row in frame.itertuples(index=False)
    )
    ordered = sorted(claims, key=lambda claim: (SECTIONS.index(claim.section), claim.order))
    return tuple(ordered), result


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)  # type: ignore[arg-type]


def forecasts(source: Iterable[Claim] | None = None) -> tuple[Claim, ...]:
    """The chapter's forecasts, in section and order, each with its status."""
    found = claims() if source is None else source
    return tuple(claim for claim in found if claim.kind == "forecast")


def _lines(path: Path) -> dict[str, int]:
    """CSV line of each claim id (for problems that name the line)."""
    import csv

    found = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        start = 2
        for record in reader:
            if record:
                found[record[0]] = start
            start = reader.line_num + 1
    return found


@cache
def claims() -> tuple[Claim, ...]:
    """The project's claims (validated; empty when the file has problems)."""
    return read()[0]


def of_section(section: str, source: Iterable[Claim] | None = None) -> tuple[Claim, ...]:
    return tuple(claim for claim in (source or claims()) if claim.section == section)


def check(
    found: Iterable[Claim],
    row_ids: Mapping[str, str],
    proofread: Mapping[str, list[str]],
    shown: str = f"data/{FILE}",
    late: Collection[str] | None = None,
) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of the claims against the datasets' rows and the proofread text.

    ``row_ids`` maps every dataset row id to its dataset; ``proofread`` maps each section to
    its paragraphs as proofread (without Markdown or chart markers); ``late`` holds the ids of
    the follow-up layer's rows (given, it checks that what the chapter says rests on the
    chapter's rows only, and how a forecast fared on the follow-up layer's only).
    """
    errors: list[Problem] = []
    warnings: list[Problem] = []
    found = tuple(found)
    layered = late is not None
    late = frozenset(late or ())
    for claim in found:
        for row_id in claim.evidence:
            if row_id not in row_ids:
                errors.append(
                    Problem(shown, "is not a row of any dataset.", claim.line, "evidence", row_id)
                )
            elif layered and row_id in late:
                errors.append(
                    Problem(
                        shown,
                        "is a row of the follow-up layer (after the cut-off); the chapter's "
                        "claims rest on rows up to 31 Dec 2025. Cite it in status_evidence.",
                        claim.line,
                        "evidence",
                        row_id,
                    )
                )
        for row_id in claim.status_evidence:
            if row_id not in row_ids:
                errors.append(
                    Problem(
                        shown, "is not a row of any dataset.", claim.line, "status_evidence", row_id
                    )
                )
            elif layered and row_id not in late:
                errors.append(
                    Problem(
                        shown,
                        "is a row of the chapter's layer; a forecast's status rests on rows "
                        "after the cut-off (the follow-up layer).",
                        claim.line,
                        "status_evidence",
                        row_id,
                    )
                )
        if claim.kind in NEEDS_EVIDENCE and not claim.evidence:
            warnings.append(
                Problem(
                    shown,
                    f"is {'an' if claim.kind[0] in 'aeiou' else 'a'} {claim.kind} without "
                    f"evidence; its note says why: {claim.note}",
                    claim.line,
                    "evidence",
                    claim.id,
                )
            )
    for section in SECTIONS:
        joined = "".join(claim.text_ja for claim in of_section(section, found))
        expected = "".join(proofread.get(section, []))
        if joined != expected:
            at = next(
                (i for i, (a, b) in enumerate(zip(joined, expected, strict=False)) if a != b),
                min(len(joined), len(expected)),
            )
            culprit = _claim_at(of_section(section, found), at)
            errors.append(
                Problem(
                    shown,
                    f"the claims of section {section} do not give back the proofread text: at "
                    f"character {at} the claims read {joined[at : at + 20]!r} where the text "
                    f"reads {expected[at : at + 20]!r}.",
                    culprit.line if culprit else None,
                    "text_ja",
                    culprit.id if culprit else None,
                )
            )
    return errors, warnings


def _claim_at(found: tuple[Claim, ...], position: int) -> Claim | None:
    offset = 0
    for claim in found:
        offset += len(claim.text_ja)
        if position < offset:
            return claim
    return found[-1] if found else None


def split(paragraphs: list[str], found: tuple[Claim, ...]) -> list[tuple[Claim, ...]]:
    """The claims of each paragraph, in order: paragraph texts are consumed claim by claim."""
    groups: list[tuple[Claim, ...]] = []
    rest = list(found)
    for text in paragraphs:
        group: list[Claim] = []
        consumed = ""
        while rest and len(consumed) < len(text):
            claim = rest.pop(0)
            group.append(claim)
            consumed += claim.text_ja
        groups.append(tuple(group))
    return groups


def summary(found: Iterable[Claim], lang: Lang, *, chapter: bool = False) -> str:
    """ "14 claims: 12 backed (fact 5/5, assessment 6/7, …)" as a line of text, for a section
    or (``chapter``) for the whole chapter."""
    found = tuple(found)
    parts = []
    for code in KIND.codes:
        of_kind = [claim for claim in found if claim.kind == code.code]
        if of_kind:
            backed = sum(claim.backed for claim in of_kind)
            parts.append(f"{code.label(lang)} {backed}/{len(of_kind)}")
    key = "page.claims_summary_chapter" if chapter else "page.claims_summary"
    return t(
        key,
        lang,
        n=len(found),
        backed=sum(claim.backed for claim in found),
        kinds=("、" if lang == "ja" else ", ").join(parts),
    )


KIND_NOTE = (
    "各文の末尾の〔 〕は主張の種類：事実＝記録で確かめられる事実、評価＝事実に基づく著者の判断、"
    "予測＝見通し、提言＝政策提言。",
    "The bracket after each sentence gives its kind: fact = checkable against the record; "
    "assessment = the author's judgement resting on facts; forecast; recommendation.",
)


def kind_note(lang: Lang) -> str:
    return in_lang(KIND_NOTE, lang)
