"""The briefing's curated words (narrative/briefing.{ja,en}.md): both languages hold the same
slides and items, every row they cite exists and is the chapter's (dated by its cut-off), and
a file that breaks the format is refused with its line named."""

from __future__ import annotations

import pytest

from dashboard import notes, selection
from dashboard.datasets import REGISTRY
from dashboard.slides import CATALOGUE, DEFAULT_DECK, load_frames

FRAMES, _ = load_frames()
PARTS = ("slide", "talking", "questions", "judgements", "japan")


def test_both_languages_hold_the_same_slides_and_items():
    ja, en = notes.notes("ja"), notes.notes("en")
    assert list(ja) == list(en)
    assert set(ja) <= set(CATALOGUE)
    for key in ja:
        for part in PARTS:
            assert len(getattr(ja[key], part)) == len(getattr(en[key], part)), (key, part)
            assert ja[key].cited() == en[key].cited(), key


def test_every_content_slide_of_the_default_list_has_words_talking_points_and_questions():
    for key in DEFAULT_DECK:
        if key in ("title", "sources"):
            continue
        for lang in ("ja", "en"):
            found = notes.of(key, lang)  # type: ignore[arg-type]
            assert found.talking and found.questions, (key, lang)
            assert found.slide or found.judgements, (key, lang)
    summary = notes.of("summary", "ja")
    assert 3 <= len(summary.judgements) <= 5 and 2 <= len(summary.japan) <= 3


def test_every_cited_row_exists_and_belongs_to_the_chapter():
    late: set[str] = set()
    known: set[str] = set()
    for dataset_id, frame in FRAMES.items():
        known.update(frame["id"].astype(str))
        after = selection.after_cutoff(REGISTRY[dataset_id], frame)
        late.update(frame["id"][after].astype(str))
    cited = {row for found in notes.notes("ja").values() for row in found.cited()}
    assert cited  # the words rest on rows
    assert cited - known == set()
    assert cited & late == set()  # the default view is the chapter's: nothing after its cut-off


def test_slide_lines_are_short_enough_for_a_slide():
    for key, found in notes.notes("ja").items():
        for line in found.slide:
            assert len(line.text) <= 48, (key, line.text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## 要点\n- x\n", "line 1: a heading before the first slide key"),
        ("# a\n## 要旨x\n", "line 2: unknown heading"),
        ("# a\n- x\n", "line 2: an item outside a slide's heading"),
        ("# a\n## 想定問答\n- なぜ？\n", "line 3: a question starts with '問：'"),
        ("# a\n## 想定問答\n  答：x\n", "line 3: an answer without its question"),
        ("# a\n# a\n", "line 2: slide 'a' appears twice"),
        ("# a\n## 要点\nplain text\n", "line 3: not a heading"),
    ],
)
def test_a_broken_notes_file_names_its_line(text: str, message: str) -> None:
    with pytest.raises(notes.NotesError) as raised:
        notes.parse(text, "ja", "briefing.ja.md")
    assert f"briefing.ja.md, {message}" in str(raised.value)


def test_cited_rows_are_read_off_the_line_end():
    found = notes.parse("# a\n## 要点\n- 一 [r_1; r_2]\n- 二\n", "ja")["a"]
    assert found.slide[0].text == "一" and found.slide[0].rows == ("r_1", "r_2")
    assert found.slide[1].rows == ()
