"""The chapter text: markers name real rows and panels, and the proofreading is fully listed."""

from __future__ import annotations

import re

import pytest

from dashboard import chapter, claims, evidence
from dashboard.datasets import DATASET_IDS, read
from dashboard.i18n import t
from dashboard.paths import NARRATIVE_DIR
from dashboard.ui.panels import PANELS

FRAMES = {dataset_id: read(dataset_id).frame for dataset_id in DATASET_IDS}
PAIRS = [(section, lang) for section in chapter.SECTIONS for lang in ("ja", "en")]


@pytest.mark.parametrize(("section", "lang"), PAIRS)
def test_every_marker_names_an_existing_row_and_panel(section: str, lang: str) -> None:
    index = evidence.index(FRAMES, lang)  # type: ignore[arg-type]
    paragraphs = chapter.paragraphs(section, lang)  # type: ignore[arg-type]
    assert paragraphs
    for paragraph in paragraphs:
        missing = [row_id for row_id in paragraph.row_ids if row_id not in index]
        assert not missing, f"{section} cites rows that do not exist: {missing}"
        assert set(paragraph.charts) <= set(PANELS), paragraph.charts
        assert "[[" not in paragraph.text and "]]" not in paragraph.text


@pytest.mark.parametrize("section", chapter.SECTIONS)
def test_footnotes_are_the_claims_evidence_in_order(section: str) -> None:
    """Text and evidence cannot drift: each footnote is one claim's evidence, numbered 1, 2, …"""
    refs = [ref for paragraph in chapter.paragraphs(section, "ja") for ref in paragraph.refs]
    backed = [claim for claim in claims.of_section(section) if claim.evidence]
    assert [number for number, _ in refs] == list(range(1, len(backed) + 1))
    assert [ids for _, ids in refs] == [claim.evidence for claim in backed]


@pytest.mark.parametrize("section", chapter.SECTIONS)
def test_english_paragraphs_are_the_claims_english(section: str) -> None:
    ja = chapter.paragraphs(section, "ja")
    en = chapter.paragraphs(section, "en")
    assert len(ja) == len(en)
    for left, right in zip(ja, en, strict=True):
        assert left.refs == right.refs and left.charts == right.charts
    text = " ".join(chapter.unmarked(section, "en"))
    assert text == " ".join(claim.text_en for claim in claims.of_section(section))


def test_a_marker_inside_a_claim_is_caught(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The section file and the claims must align: a panel marker in mid-claim is an error."""
    text = chapter.raw_text("dprk_russia")
    broken = text.replace("ロ朝関係は軍事的連携", "ロ朝関係は[[chart:dprk_lanes]]軍事的連携", 1)
    assert broken != text
    (tmp_path / "dprk_russia.ja.md").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(chapter, "NARRATIVE_DIR", tmp_path)
    chapter.paragraphs.cache_clear()
    try:
        with pytest.raises(chapter.NarrativeMismatch, match="dprk_russia"):
            chapter.paragraphs("dprk_russia", "ja")
    finally:
        chapter.paragraphs.cache_clear()


def _seed_corrected() -> str:
    text = (NARRATIVE_DIR / "chapter_as_received.txt").read_text(encoding="utf-8")
    for item in chapter.errata():
        if item["kind"] in {"wrong_character", "dropped_character", "variant_glyph", "spacing"}:
            assert item["original"] in text, item["id"]
            text = text.replace(item["original"], item["corrected"], 1)
    return re.sub(r"\s*\n\s*\n\s*(?=民需)", "", text)  # the page break listed as err_08


@pytest.mark.parametrize("section", chapter.SECTIONS)
def test_proofread_text_differs_from_the_received_text_only_by_listed_errata(section: str) -> None:
    corrected = _seed_corrected()
    for paragraph in chapter.unmarked(section, "ja"):
        assert paragraph.removeprefix("- ") in corrected, paragraph[:60]


def test_known_ocr_errors_are_gone_and_listed() -> None:
    text = "".join("".join(chapter.unmarked(section, "ja")) for section in chapter.SECTIONS)
    for wrong in ("口朝", "親口化", "平壤", "關係", "日朝関係", "レシェニコフ", "米中三大国"):
        assert wrong not in text, wrong
    kinds = {item["kind"] for item in chapter.errata()}
    assert {"wrong_character", "dropped_character", "variant_glyph", "page_break"} <= kinds
    assert "ロ朝関係" in chapter.chapter().title["ja"]


def test_key_points_cover_every_section_in_both_languages() -> None:
    for lang in ("ja", "en"):
        points = chapter.keypoints(lang)  # type: ignore[arg-type]
        assert set(points) == set(chapter.SECTIONS)
        assert all(3 <= len(items) <= 5 for items in points.values())


#: What a reader should never meet in the errata: file and key names of the configuration.
CONFIGURATION = re.compile(r"chapter\.toml|\[sections\.|\b[a-z]+_[a-z_]+\b|=|\bcutoff\b")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_errata_read_as_words_in_the_readers_language(lang: str) -> None:
    """Each correction says what it now reads and why, with no configuration syntax."""
    from dashboard.ui.sources import errata_table

    table = errata_table(lang)  # type: ignore[arg-type]
    assert len(table) == len(chapter.errata())
    assert list(table.columns) == [
        t(f"page.errata_{key}", lang)  # type: ignore[arg-type]
        for key in ("place", "kind", "original", "corrected", "explanation")
    ]
    assert "id" not in table.columns
    for column in table.columns:
        assert table[column].str.strip().astype(bool).all(), column  # no empty cell, no empty row
    for item in chapter.errata():
        for text in (chapter.now_reads(item, lang), item[f"explanation_{lang}"]):  # type: ignore[arg-type]
            assert not CONFIGURATION.search(text), (item["id"], text)
    assert "\n" not in "".join(table.to_numpy().ravel())  # line breaks are shown in words


def test_structural_errata_name_the_headings_as_the_dashboard_shows_them() -> None:
    """The errata's words for a moved heading stay in step with chapter.toml."""
    info = chapter.chapter()
    for item in chapter.errata():
        if item["kind"] != "structure" or item["paragraph"] != "0":
            continue
        if item["section"] in chapter.SECTIONS:
            wanted = [info.section_titles[item["section"]]["ja"]]
        elif item["section"] == "title":
            wanted = [info.label["ja"], info.title["ja"][:20]]
        else:
            wanted = [info.author["ja"], info.affiliation["ja"]]
        for lang in ("ja", "en"):
            assert all(part in item[f"now_reads_{lang}"] for part in wanted), (item["id"], lang)


UNROMANISED = "田島理博 (name as published in Japanese; we found no published romanisation)"


def test_the_english_author_is_the_kanji_with_a_note_while_no_romanisation_is_published(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Never the kanji alone in an English sentence; a romanised name once a source gives one."""
    from dataclasses import replace

    info = chapter.chapter()
    assert not info.author_romanised  # chapter.toml has no author_en: none could be sourced
    assert chapter.author_name("en") == UNROMANISED
    assert chapter.author_name("ja") == "田島理博"
    romanised = replace(info, author={**info.author, "en": "Romanised Name"}, author_romanised=True)
    monkeypatch.setattr(chapter, "chapter", lambda: romanised)
    assert chapter.author_name("en") == "Romanised Name"
