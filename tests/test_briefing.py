"""The briefing exports read back: the deck's slides, pictures, key points, notes and sources; the
handout's page size and text; filters honoured; the chart images; no Chromium, still a deck.

One Chromium is started for the whole module (a module-scoped renderer), so the suite renders
each chart once per export rather than starting a browser per test.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pypdf import PdfReader

from dashboard import __main__ as cli
from dashboard import claims as chapter_claims
from dashboard.briefing import (
    ChartRenderer,
    ChartRenderingUnavailable,
    ChartRequest,
    build_deck,
    build_handout,
    chart_image,
    chart_images,
    compose,
    describe_filters,
    shared_renderer,
)
from dashboard.briefing.deck import source_pages
from dashboard.briefing.images import INSTALL_HINT, decorate
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, format_date, t
from dashboard.slides import SECTIONS, load_frames
from dashboard.state import ViewState, default_state, parse
from dashboard.views import BRIEFING

INSIDE = "cf_2025_11_21_putin_plan_basis"  # 21 Nov 2025
OUTSIDE = "cf_2025_08_15_alaska_summit"  # 15 Aug 2025: the Alaska summit
AUTUMN = {"from": "2025-09-01", "to": "2025-12-31"}


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    loaded, problems = load_frames()
    assert not problems
    return loaded


@pytest.fixture(scope="module")
def renderer() -> Iterator[ChartRenderer]:
    """The process-wide renderer the app's downloads use: one Chromium for this module."""
    running = shared_renderer()
    yield running
    running.close()


def state(lang: Lang, **params: str) -> ViewState:
    parsed, notices = parse({"lang": lang, **params}, BRIEFING)
    assert not notices
    return parsed


@pytest.fixture(scope="module")
def decks(frames, renderer) -> dict[Lang, bytes]:
    return {lang: build_deck(state(lang), lang, frames, renderer=renderer) for lang in ("ja", "en")}


def slide_text(slide, *, notes: bool = False) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
    if notes and slide.has_notes_slide:
        parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def deck_text(prs, *, notes: bool = True) -> str:
    return "\n".join(slide_text(slide, notes=notes) for slide in prs.slides)


def row(frames, dataset: str, row_id: str) -> pd.Series:
    rows = frames[dataset]
    return rows[rows["id"] == row_id].iloc[0]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_deck_has_a_title_slide_a_slide_per_section_and_sources_slides(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9, 13.33 × 7.5 in
    sources_title = t("briefing.sources_title", lang)
    titles = [slide.shapes.title.text for slide in prs.slides]
    source_slides = [title for title in titles if title.startswith(sources_title)]
    expected_pages = len(source_pages(compose(state(lang), lang, frames)))
    assert len(source_slides) == expected_pages >= 2  # the full list does not fit one slide
    assert len(prs.slides) == 1 + len(SECTIONS) + len(source_slides)
    assert titles[1 : 1 + len(SECTIONS)] == [section.title(lang) for section in SECTIONS]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_section_slide_has_its_chart_picture_and_key_points_as_text(decks, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    for section, slide in zip(SECTIONS, list(prs.slides)[1:], strict=False):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, section.key
        image = Image.open(io.BytesIO(pictures[0].image.blob))
        assert image.width >= 1600  # drawn at twice its CSS size: crisp on a projector
        # alt text said from the slide's data: the chart's title, then numbers or dates
        descr = pictures[0]._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr")
        title = FIGURES[section.chart].title(lang)
        assert descr.startswith(title) and len(descr) > len(title) + 20, descr
        assert re.search(r"\d", descr[len(title) :]), descr
        text = slide_text(slide)
        assert 3 <= len(section.points(lang)) <= 5
        for point in section.points(lang):
            assert point in text, (section.key, point)


def test_text_is_in_the_chosen_language_only(decks):
    ja = deck_text(Presentation(io.BytesIO(decks["ja"])))
    en = deck_text(Presentation(io.BytesIO(decks["en"])))
    for section in SECTIONS:
        assert section.title("ja") in ja and section.title("ja") not in en
        assert section.title("en") in en and section.title("en") not in ja
        assert section.points("en")[0] not in ja
        assert section.points("ja")[0] not in en
    assert "データ基準日：2025年12月31日" in ja
    assert "Data as of 31 Dec 2025" in en


def test_runs_name_the_cjk_font_as_east_asian_typeface(decks):
    prs = Presentation(io.BytesIO(decks["ja"]))
    runs = [
        run
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert runs
    for run in runs:
        rpr = run._r.find(qn("a:rPr"))
        assert rpr is not None
        assert rpr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK JP"
        assert rpr.get("lang") == "ja-JP"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sources_are_in_the_notes_of_their_slide_and_on_the_sources_slides(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    briefing = compose(state(lang), lang, frames)
    slides = list(prs.slides)
    for section, slide in zip(briefing.sections, slides[1:], strict=False):
        notes = slide.notes_slide.notes_text_frame.text
        assert section.sources
        for source in section.sources:
            assert f"{source.publisher} — {source.title} — {source.url}" in notes
    closing = "\n".join(slide_text(slide) for slide in slides[1 + len(SECTIONS) :])
    for source in briefing.sources:
        assert source.url in closing
    assert len(briefing.sources) == len({source.url for source in briefing.sources})


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_sections_notes_and_handout_carry_its_claims_with_their_kind(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    handout = pdf_text(build_handout(state(lang), lang, frames, with_charts=False))
    for section, slide in zip(SECTIONS, list(prs.slides)[1:], strict=False):
        notes = slide.notes_slide.notes_text_frame.text
        mine = chapter_claims.of_section(section.key)
        assert mine, section.key
        for claim in mine:
            kind = claim.kind_label(lang)
            mark = f"〔{kind}〕" if lang == "ja" else f"({kind})"
            assert f"{mark} {claim.text(lang)}" in notes, (section.key, claim.id)
            assert squash(f"{mark}{claim.text(lang)}") in handout, (section.key, claim.id)


def test_filters_are_stated_on_the_title_slide(frames):
    params = {**AUTUMN, "jur": "EU,US", "party": "US,RU", "q": "Putin"}
    deck = build_deck(state("en", **params), "en", frames, with_charts=False)
    cover = slide_text(Presentation(io.BytesIO(deck)).slides[0])
    start, end = format_date(date(2025, 9, 1), "en"), format_date(date(2025, 12, 31), "en")
    assert f"Dates: {start} to {end}" in cover
    assert "Jurisdiction: EU, United States" in cover
    assert "Parties: US, Russia" in cover
    assert "Search: “Putin”" in cover

    unfiltered = build_deck(state("ja"), "ja", frames, with_charts=False)
    cover = slide_text(Presentation(io.BytesIO(unfiltered)).slides[0])
    assert "期間：2022年1月1日～2025年12月31日" in cover
    assert t("briefing.no_category_filters", "ja") in cover


def test_describe_filters_says_when_a_filter_selects_nothing():
    selected = {**default_state(BRIEFING).selected, "domain": ()}
    lines = describe_filters(default_state(BRIEFING, "en").with_(selected=selected), "en")
    assert "Domain: (none selected: no items shown)" in lines


def test_rows_outside_the_date_range_appear_nowhere(frames):
    outside = row(frames, "ceasefire_talks", OUTSIDE)
    inside = row(frames, "ceasefire_talks", INSIDE)
    autumn = state("en", **AUTUMN)

    text = deck_text(Presentation(io.BytesIO(build_deck(autumn, "en", frames, with_charts=False))))
    assert outside["source_url"] not in text and outside["source_title"] not in text
    assert inside["source_url"] in text and inside["source_title"] in text
    # The full year still lists the summit: the filter, not the data, leaves it out.
    full = deck_text(
        Presentation(io.BytesIO(build_deck(state("en"), "en", frames, with_charts=False)))
    )
    assert outside["source_url"] in full

    ceasefire = compose(autumn, "en", frames).sections[0]
    assert ceasefire.key == "ceasefire" and ceasefire.figure is not None
    dates = pd.to_datetime([x for trace in ceasefire.figure.data for x in trace.x])
    assert dates.min() >= pd.Timestamp("2025-09-01")
    assert pd.Timestamp(outside["date"]) not in set(dates)
    assert pd.Timestamp(inside["date"]) in set(dates)

    handout = pdf_text(build_handout(autumn, "en", frames, with_charts=False))
    assert squash(outside["source_url"]) not in handout
    assert squash(inside["source_url"]) in handout


def squash(text: str) -> str:
    """Text without whitespace and hyphens: PDF extraction breaks lines where the layout wrapped
    them, and pdftotext joins a line ending in a hyphen to the next without it."""
    return re.sub(r"[\s-]+", "", text)


def pdf_text(data: bytes) -> str:
    """The PDF's text as a viewer copies it, read with poppler's ``pdftotext`` (poppler-utils,
    installed by .ci/run). pypdf is used for structure only: it decodes the embedded CMap
    encoding of fpdf2's CID-keyed CJK font byte by byte and garbles characters past the first
    256 of the subset, which poppler, pdf.js and Acrobat read correctly."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return squash(done.stdout.decode("utf-8"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_handout_is_a4_with_charts_key_points_and_sources(frames, renderer, lang):
    data = build_handout(state(lang), lang, frames, renderer=renderer)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1  # A4 in points
    pictures = sum(len(page.images) for page in reader.pages)
    assert pictures == len(SECTIONS)
    text = pdf_text(data)
    briefing = compose(state(lang), lang, frames)
    for section in briefing.sections:
        assert squash(section.title) in text
        for point in section.points:
            assert squash(point) in text, point
    for source in briefing.sources:
        assert squash(source.url) in text
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert {source.url for source in briefing.sources} <= links  # clickable
    other: Lang = "en" if lang == "ja" else "ja"
    assert squash(SECTIONS[0].title(other)) not in text


def test_chart_image_png_and_svg_carry_title_sources_and_as_of_date(frames, renderer):
    section = SECTIONS[1]
    rows = section.select(frames, state("en"))
    fig = section.figure(rows, state("en"), "en")
    svg = chart_image(
        fig,
        title="Real GDP growth",
        sources=["Rosstat", "TASS"],
        lang="en",
        fmt="svg",
        renderer=renderer,
    ).decode()
    assert svg.lstrip().startswith("<svg")
    for text in ("Real GDP growth", "Rosstat, TASS", "Data as of 31 Dec 2025"):
        assert text in svg
    png, svg_ja = (
        chart_images(
            [ChartRequest(fig, "実質GDP成長率", ["Rosstat"])] * 2,
            lang="ja",
            fmt="png",
            size=(800, 500),
            renderer=renderer,
        )[0],
        chart_image(
            section.figure(rows, state("ja"), "ja"),
            title="実質GDP成長率",
            sources=["Rosstat"],
            lang="ja",
            fmt="svg",
            renderer=renderer,
        ).decode(),
    )
    assert Image.open(io.BytesIO(png)).size == (1600, 1000)
    assert "実質GDP成長率" in svg_ja and "データ基準日：2025年12月31日" in svg_ja


def test_the_shared_renderer_is_started_once(renderer):
    assert shared_renderer() is renderer


def test_decorated_figure_has_title_source_line_and_readable_month_ticks(frames):
    autumn = state("ja", **AUTUMN)
    section = compose(autumn, "ja", frames).sections[0]
    assert section.figure is not None
    before = section.figure.to_json()
    decorated = decorate(
        section.figure,
        title="停戦交渉",
        sources=section.publishers,
        lang="ja",
        width=836,
        height=545,
    )
    assert section.figure.to_json() == before  # the section's own figure is left alone
    assert decorated.layout.title.text == "停戦交渉"
    notes = [a.text for a in decorated.layout.annotations]
    assert any(n.startswith("出典：") and "データ基準日：2025年12月31日" in n for n in notes)
    # Explicit ticks: the first and last dates of the range labelled, no month twice.
    axis = decorated.layout.xaxis
    assert axis.tickmode == "array"
    assert axis.ticktext[0] == "2025年9月1日" and axis.ticktext[-1] == "2025年12月31日"
    assert len(set(axis.ticktext)) == len(axis.ticktext)

    gdp = compose(state("en"), "en", frames).sections[1].figure  # several series with a legend
    assert gdp is not None and len(gdp.data) > 1
    with_legend = decorate(gdp, title="GDP", sources=[], lang="en", width=836, height=545)
    legend = with_legend.layout.legend
    assert (legend.yref, legend.yanchor) == ("container", "top")  # in the band below the title
    title_bottom = 1 - 8 / 545 - 28 / 545
    assert legend.y <= title_bottom
    assert with_legend.layout.margin.t >= (1 - legend.y) * 545 + 25  # the plot starts below it


def test_without_chromium_rendering_fails_clearly_and_text_exports_still_work(
    frames, monkeypatch, tmp_path
):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    with pytest.raises(ChartRenderingUnavailable) as failure:
        ChartRenderer().start()
    assert INSTALL_HINT in str(failure.value)
    assert "no-chromium" in str(failure.value)
    with pytest.raises(ChartRenderingUnavailable):
        build_deck(state("en"), "en", frames)

    prs = Presentation(io.BytesIO(build_deck(state("en"), "en", frames, with_charts=False)))
    assert len(prs.slides) > 1 + len(SECTIONS)
    for section, slide in zip(SECTIONS, list(prs.slides)[1:], strict=False):
        assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        text = slide_text(slide)
        assert INSTALL_HINT in text
        assert all(point in text for point in section.points("en"))
    handout = pdf_text(build_handout(state("ja"), "ja", frames, with_charts=False))
    assert squash(SECTIONS[0].points("ja")[0]) in handout


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_deck_and_handout_covers_carry_the_overviews_byline(frames, lang):
    """One byline everywhere: the English one names the author in kanji and says why."""
    briefing = compose(state(lang), lang, frames)
    expected = {
        "ja": "第6章　田島理博（日本国際問題研究所研究員）",
        "en": "Chapter 6 · 田島理博 (name as published in Japanese; "
        "we found no published romanisation), "
        "Research Fellow, The Japan Institute of International Affairs",
    }[lang]
    assert briefing.byline == expected
    deck = Presentation(io.BytesIO(build_deck(state(lang), lang, frames, with_charts=False)))
    assert expected in slide_text(deck.slides[0])
    handout = pdf_text(build_handout(state(lang), lang, frames, with_charts=False))
    assert squash(expected) in handout


def test_an_empty_selection_says_so_instead_of_drawing_an_empty_chart(frames):
    nothing = state("en", q="no-such-words-anywhere")
    briefing = compose(nothing, "en", frames)
    empty = [s for s in briefing.sections if s.row_count == 0]
    assert {s.key for s in empty} >= {"ceasefire", "dprk_russia", "recommendations"}
    deck = build_deck(nothing, "en", frames, with_charts=False)
    text = deck_text(Presentation(io.BytesIO(deck)))
    assert t("briefing.no_rows", "en") in text


def run_export(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "export", *args],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )


def test_cli_without_chromium_writes_the_deck_and_warns(tmp_path):
    out = tmp_path / "briefing.pptx"
    env = {**os.environ, "BROWSER_PATH": str(tmp_path / "no-chromium")}
    done = run_export(
        "--lang",
        "en",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--jur",
        "EU,US",
        "--out",
        str(out),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert INSTALL_HINT in done.stderr and "without chart pictures" in done.stderr
    prs = Presentation(str(out))
    assert "Jurisdiction: EU, United States" in slide_text(prs.slides[0])
    assert "Traceback" not in done.stderr


def test_cli_bad_arguments_give_the_plain_notices_and_write_nothing(tmp_path, capsys):
    out = tmp_path / "briefing.pdf"
    args = ["export", "--lang", "en", "--from", "2025-13-01", "--jur", "EU,Mars", "--out", str(out)]
    assert cli.main(args) == 2
    stderr = capsys.readouterr().err
    assert "“from=2025-13-01” is not a date in the form YYYY-MM-DD" in stderr
    assert "Unknown values for “jur” (Mars)" in stderr
    assert "Nothing was written" in stderr and not out.exists()
    assert cli.main(["export", "--out", str(tmp_path / "briefing.docx")]) == 2
    assert "--format pptx|pdf" in capsys.readouterr().err


def test_cli_reports_dates_outside_the_data_and_goes_on(tmp_path, capsys):
    out = tmp_path / "briefing.pptx"
    args = ["export", "--lang", "en", "--from", "2010-01-01", "--out", str(out), "--q", "x"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
        assert cli.main(args) == 0
    captured = capsys.readouterr()
    assert "note: “from=2010-01-01” is outside the data's range; using 2014-01-01." in captured.err
    assert "Dates: " + format_date(date(2014, 1, 1), "en") in slide_text(
        Presentation(str(out)).slides[0]
    )
    assert f"Wrote {out}" in captured.out


def test_default_export_range_is_the_briefing_spec():
    assert default_state(BRIEFING).start == date(2022, 1, 1)
    assert default_state(BRIEFING).end == date(2025, 12, 31)
    params = {spec.param for spec in BRIEFING.filters}
    assert {"jur", "type", "domain", "party", "event", "jcat", "tc_est", "kp_est"} == params
