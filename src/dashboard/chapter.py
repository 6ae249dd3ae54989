"""The chapter's text: metadata, sections as paragraphs, key points, the editors' overview, errata.

Section files (``narrative/<section>.ja.md``) hold the proofread Japanese paragraphs (``- `` for
the recommendations' bullets) and ``[[chart:name]]`` markers, each at the end of a claim: the
evidence panels shown beside the claims before it. The sentences themselves, their English, kind
and evidence are rows of ``data/chapter_claims.csv`` (``dashboard.claims``); paragraphs are built
by consuming the claims along the file's text, so the two cannot drift apart silently.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from dashboard import claims
from dashboard.claims import Claim
from dashboard.i18n import Lang, t
from dashboard.paths import NARRATIVE_DIR

SECTIONS = claims.SECTIONS
CHART = re.compile(r"\s*\[\[chart:([a-z0-9_]+)\]\]")
SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")
_NO_MARKS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


@dataclass(frozen=True)
class Chapter:
    label: dict[str, str]
    title: dict[str, str]
    #: The name as published; in English the romanised form where a source gives one, else the
    #: Japanese name (``author_romanised`` False: say so wherever it is shown, see ``author_name``).
    author: dict[str, str]
    author_romanised: bool
    affiliation: dict[str, str]
    publisher: dict[str, str]
    cutoff: date
    section_titles: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Segment:
    """Consecutive claims of a paragraph and the evidence panels shown beside them."""

    claims: tuple[Claim, ...]
    charts: tuple[str, ...]
    numbers: tuple[int | None, ...]  # footnote number of each claim (None: no evidence)

    def text(self, lang: Lang, *, marks: bool = True) -> str:
        """The claims' text, each followed by its footnote number when it has evidence."""
        separator = "" if lang == "ja" else " "
        parts = []
        for claim, number in zip(self.claims, self.numbers, strict=True):
            mark = str(number).translate(SUPERSCRIPT) if marks and number else ""
            parts.append(claim.text(lang) + mark)
        return separator.join(parts)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a section: its segments (claims + panels), in the chosen language."""

    segments: tuple[Segment, ...]
    bullet: bool
    lang: Lang

    @property
    def text(self) -> str:
        separator = "" if self.lang == "ja" else " "
        return separator.join(segment.text(self.lang) for segment in self.segments)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(claim for segment in self.segments for claim in segment.claims)

    @property
    def refs(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """(footnote number, row ids) of each claim that has evidence."""
        return tuple(
            (number, claim.evidence)
            for segment in self.segments
            for claim, number in zip(segment.claims, segment.numbers, strict=True)
            if number
        )

    @property
    def charts(self) -> tuple[str, ...]:
        return tuple(name for segment in self.segments for name in segment.charts)

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(row_id for _, ids in self.refs for row_id in ids)


class NarrativeMismatch(ValueError):
    """The section file and the claims table disagree (tests and ``validate`` report it)."""


@cache
def chapter() -> Chapter:
    with (NARRATIVE_DIR / "chapter.toml").open("rb") as handle:
        data = tomllib.load(handle)

    def pair(key: str) -> dict[str, str]:
        return {"ja": data[f"{key}_ja"], "en": data[f"{key}_en"]}

    return Chapter(
        label=pair("chapter_label"),
        title=pair("title"),
        author={"ja": data["author_ja"], "en": data.get("author_en", data["author_ja"])},
        author_romanised="author_en" in data,
        affiliation=pair("affiliation"),
        publisher=pair("publisher"),
        cutoff=data["cutoff"],
        section_titles={
            name: {"ja": entry["title_ja"], "en": entry["title_en"]}
            for name, entry in data["sections"].items()
        },
    )


def author_name(lang: Lang) -> str:
    """The author as every byline shows it (overview, deck, handout): in English the romanised
    name where one is published, else the name in kanji with a note that no romanised form is
    published, never the kanji alone in an English sentence."""
    info = chapter()
    if lang == "en" and not info.author_romanised:
        return t("page.author_unromanised", lang, author=info.author["ja"])
    return info.author[lang]


def raw_text(section: str, lang: Lang = "ja") -> str:
    return (NARRATIVE_DIR / f"{section}.{lang}.md").read_text(encoding="utf-8")


def blocks(section: str) -> list[tuple[bool, list[tuple[str, tuple[str, ...]]]]]:
    """The section file's paragraphs: (bullet, [(text, panels after it), …])."""
    found = []
    for block in raw_text(section).split("\n\n"):
        block = block.strip()
        if not block:
            continue
        bullet = block.startswith("- ")
        body = block.removeprefix("- ")
        pieces: list[tuple[str, tuple[str, ...]]] = []
        position = 0
        text = ""
        for match in CHART.finditer(body):
            text += body[position : match.start()]
            position = match.end()
            if text:
                pieces.append((text, (match.group(1),)))
                text = ""
            elif pieces:
                pieces[-1] = (pieces[-1][0], (*pieces[-1][1], match.group(1)))
        text += body[position:]
        if text.strip():
            pieces.append((text.strip(), ()))
        found.append((bullet, pieces))
    return found


@cache
def paragraphs(section: str, lang: Lang) -> tuple[Paragraph, ...]:
    """The section's paragraphs from its file and the claims table; footnotes numbered from 1
    across the section, one per claim that cites evidence. Raises ``NarrativeMismatch`` when a
    panel marker falls inside a claim or the claims do not give back the text."""
    remaining = list(claims.of_section(section))
    result = []
    number = 0
    for bullet, pieces in blocks(section):
        segments = []
        for text, charts in pieces:
            taken: list[Claim] = []
            consumed = ""
            while remaining and len(consumed) < len(text):
                taken.append(remaining.pop(0))
                consumed += taken[-1].text_ja
            if consumed != text:
                raise NarrativeMismatch(
                    f"{section}: the claims {[c.id for c in taken]} read {consumed[:40]!r}… "
                    f"where the text reads {text[:40]!r}… (a panel marker must sit at the end "
                    "of a claim, and the claims must give back the text)"
                )
            numbers: list[int | None] = []
            for claim in taken:
                if claim.evidence:
                    number += 1
                    numbers.append(number)
                else:
                    numbers.append(None)
            segments.append(Segment(tuple(taken), charts, tuple(numbers)))
        result.append(Paragraph(tuple(segments), bullet, lang))
    if remaining:
        raise NarrativeMismatch(f"{section}: claims left over: {[c.id for c in remaining]}")
    return tuple(result)


def unmarked(section: str, lang: Lang = "ja") -> list[str]:
    """The section's paragraphs as proofread (Japanese) or translated, without any markers."""
    if lang == "ja":
        return ["".join(text for text, _ in pieces) for _, pieces in blocks(section)]
    return [paragraph.text.translate(_NO_MARKS) for paragraph in paragraphs(section, lang)]


@cache
def keypoints(lang: Lang) -> dict[str, tuple[str, ...]]:
    """Three to five key points per section, for presentation mode and slides."""
    points: dict[str, list[str]] = {}
    current = None
    for line in (NARRATIVE_DIR / f"keypoints.{lang}.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            points[current] = []
        elif line.startswith("- ") and current:
            points[current].append(line[2:].strip())
    return {name: tuple(items) for name, items in points.items()}


@cache
def overview(lang: Lang) -> str:
    return (NARRATIVE_DIR / f"overview.{lang}.md").read_text(encoding="utf-8").strip()


@cache
def errata() -> tuple[dict[str, str], ...]:
    """The proofreading, one row per correction: where (section, paragraph; 0 is the heading),
    the text as received, the correction, its kind and why, in both languages.

    ``corrected`` is the exact replacement text; for a change of structure it records where the
    text went (for maintainers), and for a removal it is empty. ``now_reads_ja`` /
    ``now_reads_en`` then say in words what the place now reads (see ``now_reads``).
    """
    with (NARRATIVE_DIR / "errata.csv").open(encoding="utf-8", newline="") as handle:
        rows = tuple(csv.DictReader(handle))
    for row in rows:
        described = [bool(row[f"now_reads_{lang}"]) for lang in ("ja", "en")]
        if described[0] != described[1]:
            raise ValueError(f"errata.csv {row['id']}: now_reads needs both languages or neither")
        if not (row["corrected"] or all(described)):
            raise ValueError(f"errata.csv {row['id']}: an empty correction needs now_reads")
        if not (row["explanation_ja"] and row["explanation_en"]):
            raise ValueError(f"errata.csv {row['id']}: the explanation needs both languages")
    return rows


def now_reads(item: dict[str, str], lang: Lang) -> str:
    """What the corrected place reads now, as a reader sees it: the plain-words description
    where the errata give one (structure, removals), else the corrected text itself."""
    return item[f"now_reads_{lang}"] or item["corrected"]
