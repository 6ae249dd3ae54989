"""The briefing exports read back: the deck's slide keys and order, pictures, native positions
table, notes (talking points, anticipated questions, sources), footer and template; the
handout's pages, contents and sources; the HTML briefing's self-containment; windows and
filters honoured; the chart images; no Chromium, still a deck.

One Chromium is started for the whole module (a module-scoped renderer), so the suite renders
each chart once per export rather than starting a browser per test.
"""

from __future__ import annotations

import copy
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
from pptx.util import Inches
from pypdf import PdfReader

from dashboard import __main__ as cli
from dashboard import notes as briefing_notes
from dashboard.briefing import (
    ChartRenderer,
    ChartRenderingUnavailable,
    ChartRequest,
    build_deck,
    build_handout,
    build_html,
    chart_image,
    chart_images,
    compose,
    describe_filters,
    shared_renderer,
)
from dashboard.briefing.deck import WIDE_CHARTS, source_pages
from dashboard.briefing.images import INSTALL_HINT, decorate
from dashboard.datasets.ceasefire_positions import ACTORS, ISSUE_GROUPS, ISSUES
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, format_date, label, t
from dashboard.slides import CATALOGUE, DEFAULT_DECK, FOLLOW_UP_DECK, load_frames
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


def keys_of(prs) -> list[str]:  # type: ignore[no-untyped-def]
    """The catalogue key each slide was built from (the deck names its slides by key)."""
    return [slide.name for slide in prs.slides]


def notes_of(slide) -> str:  # type: ignore[no-untyped-def]
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


# --- The catalogue and the slide list ----------------------------------------------------------


def test_every_chart_and_table_is_a_slide_with_a_stable_key():
    assert set(FIGURES) <= set(CATALOGUE)
    assert set(DEFAULT_DECK) <= set(CATALOGUE)
    assert set(FOLLOW_UP_DECK) - set(DEFAULT_DECK) == {"forecasts"}
    assert DEFAULT_DECK[0] == "title" and DEFAULT_DECK[-1] == "sources"
    # the issue's default list: summary, numbers, each section's chart, positions, sanctions,
    # trade and budget, Russia–DPRK, Japan's track and recommendations, sources
    for key in (
        "summary",
        "numbers",
        "ceasefire_timeline",
        "positions_table",
        "sanctions_counts",
        "gdp_growth",
        "economy_defence",
        "trade_partners",
        "dprk_lanes",
        "japan_track",
        "recommendations",
    ):
        assert key in DEFAULT_DECK, key


def test_issue_groups_hold_every_issue_once():
    grouped = [issue for *_, issues in ISSUE_GROUPS for issue in issues]
    assert sorted(grouped) == sorted(ISSUES) and len(grouped) == len(set(grouped))


def test_each_slide_has_its_own_window_unless_the_briefer_chooses_their_filters():
    """The GDP slide of a briefing started on the ceasefire page is not drawn over 2025."""
    on_ceasefire_page = state("en", **{"from": "2025-01-01", "to": "2025-12-31"})
    gdp, talks, sanctions = (
        CATALOGUE["gdp_growth"],
        CATALOGUE["ceasefire_timeline"],
        CATALOGUE["sanctions_counts"],
    )
    assert gdp.window(on_ceasefire_page) == (date(2014, 1, 1), date(2025, 12, 31))
    assert talks.window(on_ceasefire_page) == (date(2025, 1, 1), date(2025, 12, 31))
    assert sanctions.window(on_ceasefire_page)[0] == date(2022, 2, 1)
    mine = on_ceasefire_page.with_(mine=True)
    assert gdp.window(mine) == (date(2025, 1, 1), date(2025, 12, 31))
    own = state("en", **{"w.gdp_growth": "2021-01-01..2024-12-31"})
    assert gdp.window(own) == (date(2021, 1, 1), date(2024, 12, 31))


def test_a_slide_drawn_over_its_own_window_ignores_the_pages_filters(frames):
    filtered = state("en", jur="JP", q="Putin")
    rows = CATALOGUE["sanctions_counts"].select(frames, filtered)["sanctions_timeline"]
    assert set(rows["jurisdiction"]) > {"JP"}  # every jurisdiction: the slide's own view
    mine = CATALOGUE["sanctions_counts"].select(frames, filtered.with_(mine=True))
    assert set(mine["sanctions_timeline"]["jurisdiction"]) <= {"JP"}


# --- The deck ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_deck_follows_the_slide_list_in_order(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9, 13.33 × 7.5 in
    keys = keys_of(prs)
    assert list(dict.fromkeys(keys)) == list(DEFAULT_DECK)  # each key once, in order
    # sources once, in an appendix of a few slides; the bibliography is not the deck
    assert 1 <= keys.count("sources") <= 4
    assert keys.count("sources") < len(keys) / 4
    briefing = compose(state(lang), lang, frames)
    assert keys.count("sources") == len(source_pages(briefing))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_chart_slides_carry_their_picture_alt_text_and_words(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    briefing = compose(state(lang), lang, frames)
    by_key = {content.key: content for content in briefing.slides}
    charts = [slide for slide in prs.slides if by_key[slide.name].kind == "chart"]
    expected = [key for key in DEFAULT_DECK if CATALOGUE[key].kind == "chart"]
    assert [slide.name for slide in charts] == expected and len(expected) == 9  # two maps
    for slide in charts:
        content = by_key[slide.name]
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, slide.name
        image = Image.open(io.BytesIO(pictures[0].image.blob))
        assert image.width >= 1600  # drawn at twice its CSS size: crisp on a projector
        descr = pictures[0]._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr")
        title = FIGURES[slide.name].title(lang)
        assert descr.startswith(title) and re.search(r"\d", descr[len(title) :]), descr
        text = slide_text(slide)
        assert content.window in text  # the window the chart is drawn over
        shown = text if slide.name not in WIDE_CHARTS else notes_of(slide)
        assert content.bullets and all(point in shown for point in content.bullets), slide.name


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_positions_table_is_a_native_table_across_slides(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    tables = [
        shape.table
        for slide in prs.slides
        if slide.name == "positions_table"
        for shape in slide.shapes
        if shape.has_table
    ]
    assert len(tables) >= len(ISSUE_GROUPS)  # at least one slide per issue group
    actors = [label("actor", actor, lang) for actor in ACTORS]
    issues_seen = []
    for table in tables:
        header = [table.cell(0, column).text for column in range(len(table.columns))]
        assert header == [t("table.issue", lang), *actors]
        for row in range(1, len(table.rows)):
            issues_seen.append(table.cell(row, 0).text)
            for column in range(len(table.columns)):
                for paragraph in table.cell(row, column).text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size.pt >= 12
    positions = frames["ceasefire_positions"]
    expected = [
        label("issue", issue, lang)
        for *_, group in ISSUE_GROUPS
        for issue in group
        if issue in set(positions["issue"])
    ]
    assert issues_seen == expected  # every issue once, in the groups' order
    cell = table_cell_text(tables, lang, positions.iloc[0])
    assert cell  # a cell carries its position and its source's publisher


def table_cell_text(tables, lang, position) -> str:  # type: ignore[no-untyped-def]
    text = str(position[f"position_{lang}"])
    for table in tables:
        for row in range(1, len(table.rows)):
            for column in range(1, len(table.columns)):
                cell = table.cell(row, column).text
                if cell.startswith(text):
                    assert str(position["source_publisher"]) in cell
                    return cell
    return ""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_content_slide_has_structured_notes_without_urls(decks, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    talking, questions = t("briefing.talking_editors", lang), t("briefing.questions", lang)
    ask = t("briefing.ask", lang) + ("：" if lang == "ja" else ": ")
    answer = t("briefing.answer", lang) + ("：" if lang == "ja" else ": ")
    for slide in prs.slides:
        notes = notes_of(slide)
        assert "http" not in notes  # a short source list, never a wall of URLs
        if slide.name in ("title", "sources"):
            continue
        assert talking in notes and questions in notes, slide.name
        assert notes.index(talking) < notes.index(questions)
        assert ask in notes and answer in notes, slide.name
        assert len(notes) < 4000, (slide.name, len(notes))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_slides_notes_list_its_sources_by_number(decks, frames, lang):
    prs = Presentation(io.BytesIO(decks[lang]))
    briefing = compose(state(lang), lang, frames)
    first_slide = {}
    for slide in prs.slides:
        first_slide.setdefault(slide.name, slide)
    for content in briefing.slides:
        if not content.sources or content.kind == "sources":
            continue
        notes = notes_of(first_slide[content.key])
        assert t("briefing.slide_sources", lang) in notes
        source = content.sources[0]
        assert f"[{source.number}] {source.publisher} — {source.title}" in notes
    appendix = "\n".join(slide_text(s) for s in prs.slides if s.name == "sources")
    for source in briefing.sources:
        assert f"[{source.number}] {source.publisher}" in appendix
    assert len(briefing.sources) == len({source.url for source in briefing.sources})


def test_the_briefers_talking_points_come_first_in_the_notes(frames):
    params = {"slides": "title,gdp_growth,sources", "tp.gdp_growth": "Point one\nPoint two"}
    prs = Presentation(
        io.BytesIO(build_deck(state("en", **params), "en", frames, with_charts=False))
    )
    assert keys_of(prs)[:2] == ["title", "gdp_growth"]
    notes = notes_of(prs.slides[1])
    own = t("briefing.talking_own", "en")
    assert own in notes and notes.index(own) < notes.index(t("briefing.talking_editors", "en"))
    assert "Point one" in notes and "Point two" in notes


def test_footer_date_and_slide_number_stand_on_every_slide(frames):
    params = {
        "slides": "title,summary,gdp_growth,sources",
        "footer": "取扱注意",
        "date": "2026-12-03",
    }
    prs = Presentation(
        io.BytesIO(build_deck(state("ja", **params), "ja", frames, with_charts=False))
    )
    total = len(prs.slides)
    for number, slide in enumerate(prs.slides, start=1):
        text = slide_text(slide)
        assert "取扱注意" in text and "2026年12月3日" in text, slide.name
        assert f"{number} / {total}" in text
    cover = slide_text(prs.slides[0])
    assert "ブリーフィング日：2026年12月3日" in cover and "データ基準日：2025年12月31日" in cover


def make_template(path) -> bytes:  # type: ignore[no-untyped-def]
    """An organisation's template: 4:3, a master with its own marker, a slide left in it."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    sample = prs.slides.add_slide(prs.slide_layouts[0])  # a template's own sample slide
    box = sample.shapes.add_textbox(Inches(0.2), Inches(7.0), Inches(4), Inches(0.4))
    box.text_frame.text = "ORGANISATION MASTER"
    prs.slide_master.shapes._spTree.append(copy.deepcopy(box._element))  # on the master too
    prs.save(path)
    return path.read_bytes()


def test_a_deck_built_on_the_organisations_template_uses_its_master_and_layouts(frames, tmp_path):
    template = make_template(tmp_path / "org.pptx")
    problems: list[str] = []
    params = {"slides": "title,summary,gdp_growth,positions_table,sources"}
    data = build_deck(
        state("en", **params), "en", frames, with_charts=False, template=template, problems=problems
    )
    assert problems == []
    prs = Presentation(io.BytesIO(data))
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))
    assert keys_of(prs)[0] == "title"  # the template's sample slide is gone
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[0] == "Title Slide" and set(layouts[1:]) == {"Title and Content"}
    marker = [s.text_frame.text for s in prs.slide_master.shapes if s.has_text_frame]
    assert "ORGANISATION MASTER" in marker
    for slide in prs.slides:  # every box inside the narrower slide
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width + Inches(0.05), (
                slide.name,
                shape.name,
            )
        placeholders = [s for s in slide.placeholders if s.placeholder_format.idx != 0]
        assert not placeholders  # no empty "click to add text" left


def test_a_bad_template_falls_back_to_the_built_in_theme_with_a_message(frames, tmp_path):
    problems: list[str] = []
    data = build_deck(
        state("en", slides="title,sources"),
        "en",
        frames,
        with_charts=False,
        template=b"not a pptx",
        problems=problems,
    )
    assert problems and "not a readable PowerPoint file" in problems[0]
    assert Presentation(io.BytesIO(data)).slide_width == 12192000


def test_text_is_in_the_chosen_language_only(decks):
    ja = deck_text(Presentation(io.BytesIO(decks["ja"])))
    en = deck_text(Presentation(io.BytesIO(decks["en"])))
    for key in ("ceasefire_timeline", "gdp_growth", "dprk_lanes"):
        spec = CATALOGUE[key]
        assert spec.title("ja") in ja and spec.title("ja") not in en
        assert spec.title("en") in en and spec.title("en") not in ja
        assert briefing_notes.of(key, "en").slide[0].text not in ja
        assert briefing_notes.of(key, "ja").slide[0].text not in en
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


def test_filters_are_stated_on_the_title_slide(frames):
    params = {**AUTUMN, "jur": "EU,US", "party": "US,RU", "q": "Putin", "mine": "1"}
    deck = build_deck(state("en", **params), "en", frames, with_charts=False)
    cover = slide_text(Presentation(io.BytesIO(deck)).slides[0])
    start, end = format_date(date(2025, 9, 1), "en"), format_date(date(2025, 12, 31), "en")
    assert f"Dates: {start} to {end}" in cover
    assert "Jurisdiction: EU, United States" in cover
    assert "Parties: US, Russia" in cover
    assert "Search: “Putin”" in cover

    unfiltered = build_deck(state("ja"), "ja", frames, with_charts=False)
    cover = slide_text(Presentation(io.BytesIO(unfiltered)).slides[0])
    assert t("briefing.own_windows", "ja") in cover


def test_describe_filters_says_when_a_filter_selects_nothing():
    selected = {**default_state(BRIEFING).selected, "domain": ()}
    view = default_state(BRIEFING, "en").with_(selected=selected, mine=True)
    assert "Domain: (none selected: no items shown)" in describe_filters(view, "en")


def test_rows_outside_the_date_range_appear_nowhere(frames):
    outside = row(frames, "ceasefire_talks", OUTSIDE)
    inside = row(frames, "ceasefire_talks", INSIDE)
    autumn = state("en", **AUTUMN, mine="1", slides="title,ceasefire_timeline,sources")

    text = deck_text(Presentation(io.BytesIO(build_deck(autumn, "en", frames, with_charts=False))))
    assert outside["source_title"] not in text
    assert inside["source_title"] in text
    listed = {source.url for source in compose(autumn, "en", frames).sources}
    assert outside["source_url"] not in listed and inside["source_url"] in listed
    # The slide's own window (2025) still lists the summit: the filter, not the data, leaves it out.
    own = compose(autumn.with_(mine=False), "en", frames)
    assert outside["source_url"] in {source.url for source in own.sources}

    ceasefire = compose(autumn, "en", frames).slides[1]
    assert ceasefire.key == "ceasefire_timeline" and ceasefire.figure is not None
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


def pdf_pages(data: bytes) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8").split("\f")[:-1]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_handout_has_contents_charts_the_table_and_sources_once(frames, renderer, lang):
    data = build_handout(state(lang, footer="OFFICIAL"), lang, frames, renderer=renderer)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1  # A4 landscape, points
    briefing = compose(state(lang), lang, frames)
    charts = [s for s in briefing.slides if s.kind == "chart"]
    assert sum(len(page.images) for page in reader.pages) == len(charts)
    pages = pdf_pages(data)
    total = len(pages)
    for number, page in enumerate(pages, start=1):  # page x of y and the marking on every page
        assert squash(t("briefing.page_of", lang, page=number, pages=total)) in squash(page)
        assert "OFFICIAL" in page
    # the contents on page 1 give each part's page
    first = squash(pages[0])
    assert squash(t("briefing.contents", lang)) in first
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    for content in briefing.slides:
        if content.kind in ("title", "sources") or content.title not in outline:
            continue
        assert squash(content.title)[:12] in first
        page = outline[content.title]
        assert squash(content.title)[:10] in squash(pages[page - 1]) or content.kind == "chart"
    # content before the sources: summary, charts and the positions table as a real table
    sources_page = outline[t("briefing.sources_title", lang)]
    # The default list's nine charts, two maps among them, and the positions table take eight
    # or nine landscape pages at a legible size; a shorter list gives a shorter handout.
    assert 3 <= sources_page - 1 <= 10
    text = pdf_text(data)
    for content in charts:
        assert squash(content.bullets[0]) in text
    positions = frames["ceasefire_positions"]
    assert squash(str(positions.iloc[0][f"position_{lang}"]))[:30] in text
    for source in briefing.sources:  # every source once, with its URL, clickable
        assert text.count(squash(source.url)) == 1, source.url
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert {source.url for source in briefing.sources} <= links
    other: Lang = "en" if lang == "ja" else "ja"
    assert squash(CATALOGUE["gdp_growth"].title(other)) not in text


# --- The HTML briefing -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_html_briefing_is_one_file_that_loads_nothing_from_outside(frames, lang):
    document = build_html(state(lang), lang, frames).decode("utf-8")
    assert f'<html lang="{lang}">' in document
    assert "default-src 'none'" in document  # the file may not fetch anything
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", document)
    assert "@import" not in document and "url(http" not in document
    briefing = compose(state(lang), lang, frames)
    charts = [s for s in briefing.slides if s.kind == "chart"]
    assert document.count("Plotly.newPlot(") == len(charts)
    assert document.count("<table>") >= len(ISSUE_GROUPS)
    for source in briefing.sources:
        assert f'id="src-{source.number}"' in document
    assert t("briefing.questions", lang) in document


def test_chart_image_png_and_svg_carry_title_sources_and_as_of_date(frames, renderer):
    section = CATALOGUE["gdp_growth"]
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
    autumn = state("ja", **AUTUMN, mine="1", slides="ceasefire_timeline")
    section = compose(autumn, "ja", frames).slides[0]
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

    gdp = compose(state("en", slides="gdp_growth"), "en", frames).slides[0].figure  # a legend
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
    assert list(dict.fromkeys(keys_of(prs))) == list(DEFAULT_DECK)
    assert not [
        s for slide in prs.slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    for slide in prs.slides:
        if CATALOGUE[slide.name].kind == "chart":
            text = slide_text(slide) + notes_of(slide)
            assert INSTALL_HINT in text
            assert all(line.text in text for line in briefing_notes.of(slide.name, "en").slide)
    handout = pdf_text(build_handout(state("ja"), "ja", frames, with_charts=False))
    assert squash(briefing_notes.of("gdp_growth", "ja").slide[0].text) in handout


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
    nothing = state("en", q="no-such-words-anywhere", mine="1")
    briefing = compose(nothing, "en", frames)
    empty = [s for s in briefing.slides if s.kind == "chart" and s.row_count == 0]
    assert {s.key for s in empty} >= {"ceasefire_timeline", "dprk_lanes", "japan_track"}
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
        "--mine",
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
    assert "--format pptx|pdf|html" in capsys.readouterr().err


def test_cli_reports_dates_outside_the_data_and_goes_on(tmp_path, capsys):
    out = tmp_path / "briefing.pptx"
    args = ["export", "--lang", "en", "--from", "2010-01-01", "--out", str(out), "--q", "x"]
    args += ["--mine", "--slides", "title,gdp_growth"]
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
    assert {
        "jur",
        "type",
        "domain",
        "party",
        "event",
        "jcat",
        "tc_est",
        "kp_est",
        "oc_est",
    } == params


def test_cli_writes_the_slides_asked_for_in_their_order_with_footer_and_date(tmp_path, capsys):
    out = tmp_path / "briefing.pptx"
    args = ["export", "--lang", "en", "--slides", "title,dprk_lanes,gdp_growth,sources"]
    args += ["--footer", "OFFICIAL", "--date", "2026-12-03", "--out", str(out)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
        assert cli.main(args) == 0
    prs = Presentation(str(out))
    assert list(dict.fromkeys(keys_of(prs))) == ["title", "dprk_lanes", "gdp_growth", "sources"]
    assert "OFFICIAL" in slide_text(prs.slides[1]) and "3 Dec 2026" in slide_text(prs.slides[0])


def test_cli_writes_the_html_briefing_and_lists_the_slides(tmp_path, capsys):
    out = tmp_path / "briefing.html"
    assert cli.main(["export", "--slides", "title,gdp_growth,sources", "--out", str(out)]) == 0
    document = out.read_text(encoding="utf-8")
    assert document.count("Plotly.newPlot(") == 1 and '<html lang="ja">' in document
    assert cli.main(["export", "--list-slides"]) == 0
    listed = capsys.readouterr().out
    assert all(key in listed for key in CATALOGUE)


def test_cli_bad_slides_and_template_say_so(tmp_path, capsys):
    out = tmp_path / "briefing.pptx"
    assert cli.main(["export", "--lang", "en", "--slides", "nope", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Unknown values for “slides” (nope)" in err and not out.exists()
    bad = tmp_path / "template.pptx"
    bad.write_bytes(b"not a deck")
    args = ["export", "--slides", "title,sources", "--template", str(bad), "--out", str(out)]
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    assert f"the template {bad} cannot be used" in err and "built-in theme" in err
    assert out.exists()
