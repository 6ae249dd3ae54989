"""The chapter's text: metadata, sections as paragraphs, key points, the editors' overview, errata.

Section files (``narrative/<section>.<lang>.md``) are plain Markdown paragraphs with two kinds of
marker, which the loader takes out of the text:

* ``[[ref:row_id,row_id]]`` after a checkable claim: the data rows behind it, rendered as a
  numbered footnote with date, value and source;
* ``[[chart:name]]`` anywhere in a paragraph: an evidence panel shown beside it (one or more).
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from dashboard.i18n import Lang
from dashboard.paths import NARRATIVE_DIR

SECTIONS = ("ceasefire", "war_economy", "dprk_russia", "recommendations")
REF = re.compile(r"\[\[ref:([a-z0-9_,\s]+)\]\]")
CHART = re.compile(r"\s*\[\[chart:([a-z0-9_]+)\]\]")
SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


@dataclass(frozen=True)
class Chapter:
    label: dict[str, str]
    title: dict[str, str]
    author: dict[str, str]
    affiliation: dict[str, str]
    publisher: dict[str, str]
    cutoff: date
    section_titles: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text with footnote numbers in place of markers, and what backs it."""

    text: str
    refs: tuple[tuple[int, tuple[str, ...]], ...]  # (footnote number, row ids)
    charts: tuple[str, ...]

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(row_id for _, ids in self.refs for row_id in ids)


@cache
def chapter() -> Chapter:
    with (NARRATIVE_DIR / "chapter.toml").open("rb") as handle:
        data = tomllib.load(handle)

    def pair(key: str) -> dict[str, str]:
        return {"ja": data[f"{key}_ja"], "en": data[f"{key}_en"]}

    return Chapter(
        label=pair("chapter_label"),
        title=pair("title"),
        author=pair("author"),
        affiliation=pair("affiliation"),
        publisher=pair("publisher"),
        cutoff=data["cutoff"],
        section_titles={
            name: {"ja": entry["title_ja"], "en": entry["title_en"]}
            for name, entry in data["sections"].items()
        },
    )


def raw_text(section: str, lang: Lang) -> str:
    return (NARRATIVE_DIR / f"{section}.{lang}.md").read_text(encoding="utf-8")


@cache
def paragraphs(section: str, lang: Lang) -> tuple[Paragraph, ...]:
    """The section's paragraphs, footnotes numbered from 1 across the whole section."""
    blocks = [block.strip() for block in raw_text(section, lang).split("\n\n") if block.strip()]
    result = []
    number = 0
    for block in blocks:
        charts = tuple(CHART.findall(block))
        text = CHART.sub("", block)
        refs: list[tuple[int, tuple[str, ...]]] = []

        for match in REF.finditer(text):
            number += 1
            ids = tuple(part.strip() for part in match.group(1).split(",") if part.strip())
            refs.append((number, ids))
        pieces = REF.split(text)[::2]  # the text around the markers (split keeps groups too)
        labels = [str(n).translate(SUPERSCRIPT) for n, _ in refs] + [""]
        text = "".join(piece + mark for piece, mark in zip(pieces, labels, strict=True))
        result.append(Paragraph(text=text, refs=tuple(refs), charts=charts))
    return tuple(result)


def unmarked(section: str, lang: Lang) -> list[str]:
    """The section's paragraphs exactly as written, markers removed (for proofreading checks)."""
    text = CHART.sub("", REF.sub("", raw_text(section, lang)))
    return [block.strip() for block in text.split("\n\n") if block.strip()]


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
    with (NARRATIVE_DIR / "errata.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
