"""The briefing's curated words, per slide key: what stands on the slide, the talking points and
the anticipated questions with short answers, and the summary's judgements and what Japan should
do. Read from ``narrative/briefing.{ja,en}.md``, prepared by the editors from the chapter (the
English is the editors' too). Every bracketed row id in them names a data row as of the cut-off.

    # ceasefire_timeline
    ## 要点            (English: ## On the slide)
    - …
    ## 話す要点        (## Talking points)
    - …
    ## 想定問答        (## Anticipated questions)
    - 問：…          (- Q: …)
      答：…          (  A: …)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard.i18n import Lang
from dashboard.paths import NARRATIVE_DIR

HEADINGS: dict[Lang, dict[str, str]] = {
    "ja": {
        "要点": "slide",
        "話す要点": "talking",
        "想定問答": "questions",
        "要旨": "judgements",
        "日本への示唆": "japan",
    },
    "en": {
        "On the slide": "slide",
        "Talking points": "talking",
        "Anticipated questions": "questions",
        "Summary": "judgements",
        "What Japan should do": "japan",
    },
}
QUESTION = {"ja": ("問：", "答："), "en": ("Q: ", "A: ")}
#: A row id cited at a line's end, ``[cf_2025_11_23_geneva]``; several are separated by ``;``.
CITED = re.compile(r"\s*\[([a-z0-9_;\s]+)\]\s*$")


class NotesError(ValueError):
    """The notes file does not follow its format (the message names file and line)."""


@dataclass(frozen=True)
class Line:
    """A line of curated text and the data rows it rests on."""

    text: str
    rows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    question: Line
    answer: Line


@dataclass(frozen=True)
class SlideNotes:
    slide: tuple[Line, ...] = ()
    talking: tuple[Line, ...] = ()
    questions: tuple[Question, ...] = ()
    judgements: tuple[Line, ...] = ()
    japan: tuple[Line, ...] = ()

    def cited(self) -> tuple[str, ...]:
        """Every row id the slide's lines cite, in order, each once."""
        lines = [*self.slide, *self.talking, *self.judgements, *self.japan]
        lines += [part for q in self.questions for part in (q.question, q.answer)]
        return tuple(dict.fromkeys(row for line in lines for row in line.rows))


def _line(text: str) -> Line:
    found = CITED.search(text)
    if not found:
        return Line(text.strip())
    rows = tuple(part.strip() for part in found.group(1).split(";") if part.strip())
    return Line(text[: found.start()].strip(), rows)


def parse(text: str, lang: Lang, path: str = "") -> dict[str, SlideNotes]:
    """The notes per slide key; :class:`NotesError` names the line that breaks the format."""
    headings = HEADINGS[lang]
    ask, answer = QUESTION[lang]
    found: dict[str, dict[str, list]] = {}  # type: ignore[type-arg]
    key = part = None
    pending: Line | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        where = f"{path}, line {number}"
        if not line.strip():
            continue
        if line.startswith("# "):
            key, part = line[2:].strip(), None
            if key in found:
                raise NotesError(f"{where}: slide {key!r} appears twice")
            found[key] = {name: [] for name in set(headings.values())}
        elif line.startswith("## "):
            if key is None:
                raise NotesError(f"{where}: a heading before the first slide key")
            name = line[3:].strip()
            if name not in headings:
                raise NotesError(f"{where}: unknown heading {name!r}; use {', '.join(headings)}")
            part = headings[name]
        elif line.startswith("- "):
            if key is None or part is None:
                raise NotesError(f"{where}: an item outside a slide's heading")
            item = line[2:].strip()
            if part == "questions":
                if not item.startswith(ask.strip()):
                    raise NotesError(f"{where}: a question starts with {ask.strip()!r}")
                pending = _line(item[len(ask.strip()) :].strip())
            else:
                found[key][part].append(_line(item))
        elif line.startswith("  ") and line.strip().startswith(answer.strip()):
            if pending is None or key is None:
                raise NotesError(f"{where}: an answer without its question")
            reply = _line(line.strip()[len(answer.strip()) :].strip())
            found[key]["questions"].append(Question(pending, reply))
            pending = None
        else:
            raise NotesError(f"{where}: not a heading, an item or an answer: {line[:40]!r}")
    out = {}
    for name, parts in found.items():
        out[name] = SlideNotes(**{part: tuple(items) for part, items in parts.items()})
    return out


@cache
def notes(lang: Lang) -> dict[str, SlideNotes]:
    path = NARRATIVE_DIR / f"briefing.{lang}.md"
    return parse(path.read_text(encoding="utf-8"), lang, f"src/dashboard/narrative/{path.name}")


def of(key: str, lang: Lang) -> SlideNotes:
    """The notes of slide ``key`` (empty for a slide without curated notes)."""
    return notes(lang).get(key, SlideNotes())
