"""The briefing as a 16:9 PowerPoint deck (python-pptx).

Slides: a title slide (chapter, author, as-of date, the filters applied in words); one slide per
section of :data:`dashboard.slides.SECTIONS` with its chart as a picture, its key points as
editable text, and its sources in a footer and, in full (publisher — title — URL), in the speaker
notes; then the numbered list of every source, over as many slides as it needs.

Every run names ``Noto Sans CJK JP`` as both its Latin and its East Asian (``a:ea``) typeface,
and the theme's fonts are set to it too, so Japanese renders in LibreOffice (and in PowerPoint
where the font is installed; elsewhere PowerPoint substitutes its Japanese UI font). Font sizes
are chosen from the text's measured length so that nothing overflows its box.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Emu, Inches, Pt

from dashboard import fonts
from dashboard.briefing import images
from dashboard.briefing.content import Briefing, SectionContent, Source
from dashboard.briefing.images import ChartRenderer
from dashboard.i18n import Lang, t
from dashboard.slides import Frames
from dashboard.state import ViewState

SLIDE_WIDTH = Emu(12192000)  # 13.333 in: PowerPoint's own 16:9 size
SLIDE_HEIGHT = Inches(7.5)
TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template
#: Boxes in inches: (left, top, width, height).
TITLE_BOX = (0.5, 0.3, 12.33, 0.95)
CHART_BOX = (0.5, 1.35, 7.6, 4.95)
POINTS_BOX = (8.3, 1.35, 4.53, 4.95)
FOOTER_BOX = (0.5, 6.45, 12.33, 0.8)
SOURCES_BOX = (0.5, 1.35, 12.33, 5.85)
#: CSS pixels per inch the chart pictures are drawn at: 16 px chart text comes out near 10.5 pt.
CHART_PX_PER_INCH = 110
INSET = 0.1  # python-pptx text boxes' left and right inset, inches
FOOTER_SIZE = 11
LINE_SPACING = 1.25  # line height as a multiple of the font size

INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x00, 0x72, 0xB2)
MUTED = RGBColor(0x55, 0x55, 0x55)
PANEL = RGBColor(0xF2, 0xF4, 0xF7)
LANG_TAGS = {"ja": "ja-JP", "en": "en-GB"}


@dataclass(frozen=True)
class Para:
    """A paragraph to lay out: its text, size in points and whether it is bold or a bullet."""

    text: str
    size: float
    bold: bool = False
    bullet: bool = False
    colour: RGBColor = INK
    after: float = 4  # space after, points
    link: str | None = None  # the URL of the paragraph's trailing run, if it has one


# --- Measuring ----------------------------------------------------------------------------------


def _drawn_width(text: str, size: float, bold: bool) -> float:
    """Width in points as LibreOffice sets it: the font's advances plus the quarter em it
    inserts where Japanese and Latin text meet ("第2期" is drawn as "第 2 期")."""
    meets = sum(
        1
        for left, right in pairwise(text)
        if fonts.is_wide(left) != fonts.is_wide(right)
        and not left.isspace()
        and not right.isspace()
    )
    return fonts.text_width(text, size, bold=bold) + 0.25 * size * meets


@cache
def _lines(text: str, width_in: float, size: float, bold: bool, indent_in: float = 0) -> int:
    usable = (width_in - 2 * INSET - indent_in) * 72 * 0.97  # a little slack for renderers
    return max(1, len(fonts.wrap(text, usable, lambda line: _drawn_width(line, size, bold))))


def _height(paras: Sequence[Para], width_in: float) -> float:
    """Estimated height in points of ``paras`` in a box ``width_in`` wide."""
    total = 0.0
    for para in paras:
        indent = 0.3 if para.bullet else 0
        lines = _lines(para.text, width_in, para.size, para.bold, indent)
        total += lines * para.size * LINE_SPACING + para.after
    return total + 0.1 * 72  # top and bottom insets


def _fit(
    build: Callable[[float], list[Para]], width_in: float, height_in: float, sizes: Sequence[float]
) -> list[Para]:
    """The paragraphs ``build(size)`` gives at the largest of ``sizes`` that fits the box."""
    paras: list[Para] = []
    for size in sizes:
        paras = build(size)
        if _height(paras, width_in) <= height_in * 72:
            return paras
    return paras


# --- Writing text -------------------------------------------------------------------------------


def _style(run: _Run, para: Para, lang: Lang, *, colour: RGBColor | None = None) -> None:
    font = run.font
    font.size = Pt(para.size)
    font.bold = para.bold
    font.name = fonts.FAMILY  # a:latin
    font.color.rgb = colour or para.colour
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", LANG_TAGS[lang])
    for tag in ("a:ea", "a:cs"):
        existing = rpr.find(qn(tag))
        if existing is not None:
            rpr.remove(existing)
    latin = rpr.find(qn("a:latin"))
    assert latin is not None
    # a:ea and a:cs follow a:latin in CT_TextCharacterProperties' sequence.
    east_asian = etree.SubElement(rpr, qn("a:ea"), typeface=fonts.FAMILY)
    complex_script = etree.SubElement(rpr, qn("a:cs"), typeface=fonts.FAMILY)
    latin.addnext(east_asian)
    east_asian.addnext(complex_script)


def _bullet(paragraph: _Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(0.3)))
    ppr.set("indent", str(-Inches(0.3)))
    etree.SubElement(ppr, qn("a:buFont"), typeface="Arial")
    etree.SubElement(ppr, qn("a:buChar"), char="•")


def _write(frame: TextFrame, paras: Sequence[Para], lang: Lang) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for position, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if position == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        # Exact spacing: proportional spacing follows the font's own (tall, 1.45 em) CJK line
        # height in LibreOffice, and the measured box heights would no longer hold.
        paragraph.line_spacing = Pt(para.size * LINE_SPACING)
        paragraph.space_after = Pt(para.after)
        text = para.text
        if para.link and text.endswith(para.link):
            text = text[: -len(para.link)]
        if text:
            _style(paragraph.add_run(), para, lang)
            paragraph.runs[-1].text = text
        if para.link:
            run = paragraph.add_run()
            run.text = para.link
            _style(run, para, lang, colour=ACCENT)
            run.hyperlink.address = para.link
        if para.bullet:
            _bullet(paragraph)


def _textbox(
    slide: Slide,
    box: tuple[float, float, float, float],
    paras: Sequence[Para],
    lang: Lang,
    *,
    panel: bool = False,
) -> TextFrame:
    """A text box at ``box`` (inches) holding ``paras``; ``panel`` gives it a light fill."""
    left, top, width, height = box
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    if panel:
        shape.fill.solid()
        shape.fill.fore_color.rgb = PANEL
    _write(shape.text_frame, paras, lang)
    return shape.text_frame


def _title(slide: Slide, text: str, lang: Lang, sizes: Sequence[float] = (30, 26, 22, 20)) -> None:
    """The slide's title placeholder (so outlines and screen readers see it), left-aligned."""
    shape = slide.shapes.title
    assert shape is not None
    left, top, width, height = TITLE_BOX
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)
    paras = _fit(lambda size: [Para(text, size, bold=True, after=0)], width, height, sizes)
    frame = shape.text_frame
    frame.clear()
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _write(frame, paras, lang)


def _notes(slide: Slide, paras: Sequence[Para], lang: Lang) -> None:
    frame = slide.notes_slide.notes_text_frame
    assert frame is not None
    frame.clear()
    _write(frame, paras, lang)


def _set_theme_fonts(prs: PresentationType) -> None:
    """Name the CJK family in the theme too, so text typed into the deck later renders alike."""
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(theme_part.blob)
    for scheme in ("a:majorFont", "a:minorFont"):
        for slot in ("a:latin", "a:ea"):
            element = theme.find(f".//{qn(scheme)}/{qn(slot)}")
            if element is not None:
                element.set("typeface", fonts.FAMILY)
    theme_part._blob = etree.tostring(
        theme, xml_declaration=True, encoding="UTF-8", standalone=True
    )


# --- Slides -------------------------------------------------------------------------------------


def _new_slide(prs: PresentationType) -> Slide:
    return prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])


def _title_slide(prs: PresentationType, briefing: Briefing) -> None:
    lang = briefing.lang
    slide = _new_slide(prs)
    _textbox(slide, (0.5, 0.35, 12.33, 0.5), [Para(briefing.kicker, 18, True, colour=ACCENT)], lang)
    shape = slide.shapes.title
    assert shape is not None
    shape.left, shape.top, shape.width, shape.height = (
        Inches(0.5),
        Inches(0.95),
        Inches(12.33),
        Inches(2.2),
    )
    paras = _fit(
        lambda size: [Para(briefing.title, size, bold=True, after=0)], 12.33, 2.2, (34, 30, 28, 26)
    )
    shape.text_frame.clear()
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _write(shape.text_frame, paras, lang)

    def byline(size: float) -> list[Para]:  # the English byline may take two lines
        return [
            Para(briefing.byline, size),
            Para(briefing.publisher, size - 2, colour=MUTED),
            Para(briefing.as_of, size, bold=True),
        ]

    _textbox(slide, (0.5, 3.25, 12.33, 1.4), _fit(byline, 12.33, 1.4, (18, 16, 14)), lang)

    def filters(size: float) -> list[Para]:
        heading = Para(t("briefing.filters_heading", lang), size + 2, bold=True, colour=ACCENT)
        return [heading, *(Para(line, size, bullet=True, after=2) for line in briefing.filters)]

    paras = _fit(filters, 12.33, 2.45, (18, 16, 14, 12, 11))
    _textbox(slide, (0.5, 4.75, 12.33, 2.45), paras, lang, panel=True)
    _notes(slide, [Para(line, 12) for line in (briefing.as_of, *briefing.filters)], lang)


def _section_slide(
    prs: PresentationType, section: SectionContent, picture: bytes | None, lang: Lang, charts: bool
) -> None:
    slide = _new_slide(prs)
    _title(slide, section.title, lang)
    left, top, width, height = CHART_BOX
    if picture is not None:
        shape = slide.shapes.add_picture(
            io.BytesIO(picture), Inches(left), Inches(top), Inches(width), Inches(height)
        )
        shape.name = section.chart_title
        # python-pptx has no API for a picture's alt text; PowerPoint keeps it in cNvPr/@descr.
        shape._element.xpath("./p:nvPicPr/p:cNvPr")[0].set(
            "descr", section.alt or section.chart_title
        )
    else:
        if section.missing:
            reason = t("briefing.data_missing", lang, datasets=", ".join(section.missing))
        elif not section.row_count:
            reason = t("briefing.no_rows", lang)
        else:
            reason = t("briefing.no_chart", lang)
        frame = _textbox(
            slide,
            CHART_BOX,
            [Para(section.chart_title, 20, bold=True), Para(reason, 16, colour=MUTED)],
            lang,
            panel=True,
        )
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def points(size: float) -> list[Para]:
        heading = Para(t("briefing.key_points", lang), size + 2, bold=True, colour=ACCENT, after=8)
        return [heading, *(Para(point, size, bullet=True, after=10) for point in section.points)]

    _textbox(slide, POINTS_BOX, _fit(points, POINTS_BOX[2], POINTS_BOX[3], (20, 18, 16, 14)), lang)

    def footer(publishers: str) -> str:
        return t("briefing.footer_sources", lang, count=len(section.sources), publishers=publishers)

    publishers = images.listing(
        section.publishers or [t("briefing.no_sources", lang)],
        lang,
        lambda text: _lines(footer(text), FOOTER_BOX[2], FOOTER_SIZE, False) <= 2,
    )
    text = footer(publishers) if section.sources else t("briefing.footer_no_sources", lang)
    _textbox(slide, FOOTER_BOX, [Para(text, FOOTER_SIZE, colour=MUTED, after=0)], lang)

    notes = [Para(section.title, 14, bold=True)]
    notes += [Para(f"• {point}", 12) for point in section.points]
    notes.append(Para(t("briefing.claims", lang), 12, bold=True))
    notes += [Para(f"{kind} {text}", 11) for kind, text in section.claims]
    notes.append(Para(t("briefing.sources", lang), 12, bold=True))
    notes += [Para(f"[{s.number}] {s.line}", 11, link=s.url) for s in section.sources]
    if not section.sources:
        notes.append(Para(t("briefing.no_sources", lang), 11))
    _notes(slide, notes, lang)


def _forecasts_slide(prs: PresentationType, briefing: Briefing) -> None:
    """Every forecast and its status on one slide; why, and the sources, in the notes."""
    lang = briefing.lang
    slide = _new_slide(prs)
    _title(slide, t("briefing.forecasts_title", lang), lang)

    def paras(size: float) -> list[Para]:
        out = []
        for item in briefing.forecasts:
            out.append(Para(item.head(lang), size, bold=True, colour=ACCENT, after=0))
            out.append(Para(item.text, size, after=6))
        return out

    box = SOURCES_BOX
    _textbox(slide, box, _fit(paras, box[2], box[3], (18, 16, 14, 12, 11)), lang)
    notes = [Para(t("forecast.caption", lang), 11)]
    for item in briefing.forecasts:
        notes.append(Para(f"{item.head(lang)} — {item.text}", 12, bold=True))
        notes.append(Para(item.why, 11))
        notes += [Para(f"[{s.number}] {s.line}", 10, link=s.url) for s in item.sources]
    _notes(slide, notes, lang)


def _source_para(source: Source) -> Para:
    return Para(f"[{source.number}] {source.line}", 10, after=2, link=source.url)


def source_pages(briefing: Briefing) -> list[list[Para]]:
    """The numbered source list cut into slides: each section's new sources under its title
    (a source already listed for an earlier section keeps that number and is not repeated)."""
    width, budget = SOURCES_BOX[2], SOURCES_BOX[3] * 72
    lang = briefing.lang
    pages: list[list[Para]] = []
    page: list[Para] = []
    listed = 0  # numbers follow first use in section order, so a section's new ones are above
    for group_title, group in briefing.source_groups():
        new = [source for source in group if source.number > listed]
        if not new:
            continue
        listed = max(source.number for source in new)
        for index, source in enumerate(new):
            entry = _source_para(source)
            lead = [_heading(group_title)] if index == 0 else []
            if page and _height([*page, *lead, entry], width) > budget:
                pages.append(page)
                page = []
                if index:
                    lead = [_heading(t("briefing.continued", lang, title=group_title))]
            page.extend([*lead, entry])
    if page:
        pages.append(page)
    return pages or [[Para(t("briefing.no_sources", lang), 12)]]


def _heading(text: str) -> Para:
    return Para(text, 12, bold=True, colour=ACCENT, after=3)


def _sources_slides(prs: PresentationType, briefing: Briefing) -> None:
    lang = briefing.lang
    pages = source_pages(briefing)
    for part, paras in enumerate(pages, start=1):
        slide = _new_slide(prs)
        title = (
            t("briefing.sources_title", lang)
            if len(pages) == 1
            else t("briefing.sources_title_part", lang, part=part, parts=len(pages))
        )
        _title(slide, title, lang)
        _textbox(slide, SOURCES_BOX, paras, lang)


# --- Public API ---------------------------------------------------------------------------------


def build_deck(
    state: ViewState,
    lang: Lang,
    frames: Frames | None = None,
    *,
    with_charts: bool = True,
    renderer: ChartRenderer | None = None,
) -> bytes:
    """The briefing for ``state`` in ``lang`` as PPTX bytes.

    ``frames``: the datasets by id (read from data/ when omitted). Chart pictures are rendered
    with ``renderer`` if given, else with a browser started for this deck; without Chromium this
    raises :class:`~dashboard.briefing.images.ChartRenderingUnavailable`, and
    ``with_charts=False`` then builds the same deck with a note in place of each picture.
    """
    briefing, pictures = images.composed(
        state, lang, frames, size=chart_size(), with_charts=with_charts, renderer=renderer
    )
    return deck_from(briefing, pictures, charts=with_charts)


def chart_size() -> tuple[int, int]:
    """The CSS-pixel size section charts are drawn at to fill the deck's chart box."""
    return round(CHART_BOX[2] * CHART_PX_PER_INCH), round(CHART_BOX[3] * CHART_PX_PER_INCH)


def deck_from(briefing: Briefing, pictures: dict[str, bytes], *, charts: bool = True) -> bytes:
    """The deck of a composed briefing, with the given chart pictures by section key."""
    prs = Presentation()
    prs.slide_width = Emu(SLIDE_WIDTH)
    prs.slide_height = Emu(SLIDE_HEIGHT)
    _set_theme_fonts(prs)
    prs.core_properties.title = briefing.title
    prs.core_properties.author = briefing.author
    prs.core_properties.language = LANG_TAGS[briefing.lang]
    _title_slide(prs, briefing)
    for section in briefing.sections:
        _section_slide(prs, section, pictures.get(section.key), briefing.lang, charts)
    if briefing.forecasts:
        _forecasts_slide(prs, briefing)
    _sources_slides(prs, briefing)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
