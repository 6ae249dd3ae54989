"""The briefing as a 16:9 PowerPoint deck (python-pptx), slide by slide from the briefing's list.

- Title: chapter, author, as-of date, the briefing's date, the filters applied in words.
- Summary, key numbers, recommendations: editable text.
- Chart slides: the chart as a picture (title, unit, source and as-of date drawn on it; alt
  text from its rows) beside the words for the slide; the slide's window and publishers below.
- The positions table: a native, editable table, one slide per issue group (more if a group
  does not fit at 12 pt).
- Speaker notes on every content slide: the briefer's talking points, the editors' talking
  points and anticipated questions, then the slide's numbered sources (no URLs).
- Sources once, at the end: numbered short references over a few slides; the handout and the
  HTML briefing carry the URLs.

``template=`` builds on an organisation's own .pptx (its slide master and its title and
title-and-content layouts); a file that cannot be used falls back to the built-in theme with a
message. ``state.footer`` (a marking such as 取扱注意) and the briefing's date stand on every slide.

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
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Emu, Inches, Pt

from dashboard import fonts
from dashboard.briefing import images
from dashboard.briefing.content import Briefing, PositionsGroup, SlideContent, Source
from dashboard.briefing.images import ChartRenderer
from dashboard.i18n import Lang, t
from dashboard.slides import Frames
from dashboard.state import ViewState

SLIDE_WIDTH = Emu(12192000)  # 13.333 in: PowerPoint's own 16:9 size
SLIDE_HEIGHT = Inches(7.5)
TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template
#: Boxes in inches: (left, top, width, height).
TITLE_BOX = (0.5, 0.3, 12.33, 0.95)
CHART_BOX = (0.5, 1.3, 7.6, 4.95)
POINTS_BOX = (8.3, 1.3, 4.53, 4.95)
FOOTER_BOX = (0.5, 6.3, 12.33, 0.62)
SOURCES_BOX = (0.5, 1.3, 12.33, 5.6)
MARK_BOX = (0.5, 6.98, 9.5, 0.4)  # the marking and the briefing's date, on every slide
NUMBER_BOX = (10.33, 6.98, 2.5, 0.4)  # the slide's number
TABLE_BOX = (0.5, 1.25, 12.33, 5.3)
ISSUE_COLUMN = 1.2  # inches; the four actors share the rest
TABLE_SIZE = 12  # points: a table read from the back of a room
WIDE_CHART_BOX = (0.5, 1.3, 12.33, 4.95)
#: Charts of several panels: drawn across the slide (their words go to the notes).
WIDE_CHARTS = frozenset({"trade_partners", "support_allocations", "economy_oil"})
NOTES_SOURCES = 12
SOURCE_COLUMNS = 3  # the appendix's short references: columns per slide, and their size
SOURCE_SIZE = 8  # sources listed in a slide's notes; the rest are counted
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


# --- Layouts: the built-in theme or the organisation's template ----------------------------------


class TemplateProblem(ValueError):
    """The template could not be used (the message says why, in plain words)."""


@dataclass
class Geo:
    """Scale from the 13.33 × 7.5 in boxes above to the deck's own slide size."""

    sx: float = 1.0
    sy: float = 1.0

    def box(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        left, top, width, height = box
        return left * self.sx, top * self.sy, width * self.sx, height * self.sy


@dataclass
class Context:
    prs: PresentationType
    briefing: Briefing
    title_layout: SlideLayout
    content_layout: SlideLayout
    geo: Geo
    templated: bool = False

    @property
    def lang(self) -> Lang:
        return self.briefing.lang


def _placeholder_types(layout: SlideLayout) -> set[int]:
    return {int(shape.placeholder_format.type) for shape in layout.placeholders}  # type: ignore[misc]


def _layouts(prs: PresentationType) -> tuple[SlideLayout, SlideLayout]:
    """The template's title layout (a centred title) and its title-and-content layout (a title
    and a body); a template without a layout that has a title cannot be used."""
    titled = [
        layout
        for layout in prs.slide_layouts
        if _placeholder_types(layout) & {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
    ]
    if not titled:
        raise TemplateProblem("it has no slide layout with a title placeholder")
    cover = next(
        (lay for lay in titled if PP_PLACEHOLDER.CENTER_TITLE in _placeholder_types(lay)), titled[0]
    )
    body = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}
    content = next(
        (
            lay
            for lay in titled
            if PP_PLACEHOLDER.TITLE in _placeholder_types(lay) and _placeholder_types(lay) & body
        ),
        next((lay for lay in titled if PP_PLACEHOLDER.TITLE in _placeholder_types(lay)), titled[0]),
    )
    return cover, content


def _drop_slides(prs: PresentationType) -> None:
    """Remove the slides a template file carries: the deck keeps its master and layouts only."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def open_template(template: bytes | None) -> tuple[PresentationType, bool, str]:
    """(presentation, templated, problem): the template's when it can be used, else ours with
    the reason it could not be."""
    if template is not None:
        try:
            prs = Presentation(io.BytesIO(template))
            _layouts(prs)
            _drop_slides(prs)
            return prs, True, ""
        except TemplateProblem as exc:
            problem = str(exc)
        except Exception as exc:  # a broken zip, a .docx, a file that is not OOXML at all
            problem = f"it is not a readable PowerPoint file ({type(exc).__name__}: {exc})"
        prs = _builtin()
        return prs, False, problem
    return _builtin(), False, ""


def _builtin() -> PresentationType:
    prs = Presentation()
    prs.slide_width = Emu(SLIDE_WIDTH)
    prs.slide_height = Emu(SLIDE_HEIGHT)
    _set_theme_fonts(prs)
    return prs


# --- Slides -------------------------------------------------------------------------------------


def _new_slide(ctx: Context, key: str, *, cover: bool = False) -> Slide:
    """A slide on the title or the content layout, its placeholders other than the title
    removed (the deck places its own boxes), named by its catalogue key (``cSld/@name``), so a
    deck read back says which slide is which."""
    if ctx.templated:
        slide = ctx.prs.slides.add_slide(ctx.title_layout if cover else ctx.content_layout)
    else:
        slide = ctx.prs.slides.add_slide(ctx.prs.slide_layouts[TITLE_ONLY_LAYOUT])
    slide._element.cSld.set("name", key)
    for shape in list(slide.placeholders):
        kind = shape.placeholder_format.type
        if kind not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            shape._element.getparent().remove(shape._element)
    return slide


def _box(ctx: Context, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return ctx.geo.box(box)


def _text(
    ctx: Context,
    slide: Slide,
    box: tuple[float, float, float, float],
    build: Callable[[float], list[Para]],
    sizes: Sequence[float],
    *,
    panel: bool = False,
) -> TextFrame:
    """A text box at the scaled ``box`` with ``build(size)`` at the largest size that fits."""
    scaled = _box(ctx, box)
    paras = _fit(build, scaled[2], scaled[3], sizes)
    return _textbox(slide, scaled, paras, ctx.lang, panel=panel)


def _title(
    ctx: Context, slide: Slide, text: str, sizes: Sequence[float] = (30, 28, 26, 24, 22, 20)
) -> None:
    """The slide's title placeholder (so outlines and screen readers see it), left-aligned: on
    one line at the largest size that allows it, else on two."""
    shape = slide.shapes.title
    assert shape is not None
    left, top, width, height = _box(ctx, TITLE_BOX)
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)
    one_line = [size for size in sizes if _lines(text, width, size, True) == 1]
    chosen = one_line[0] if one_line else None
    if chosen is None:
        two = [size for size in (24, 22, 20, 18) if _lines(text, width, size, True) <= 2]
        chosen = two[0] if two else 18
    frame = shape.text_frame
    frame.clear()
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _write(frame, [Para(text, chosen, bold=True, after=0)], ctx.lang)


def _notes(slide: Slide, paras: Sequence[Para], lang: Lang) -> None:
    frame = slide.notes_slide.notes_text_frame
    assert frame is not None
    frame.clear()
    _write(frame, paras, lang)


def _slide_notes(ctx: Context, slide: Slide, content: SlideContent) -> None:
    """話す要点 / Talking points, 想定問答 / Anticipated questions, then the slide's sources."""
    lang = ctx.lang
    paras = [Para(content.title, 14, bold=True)]
    if content.key in WIDE_CHARTS and content.bullets:
        paras.append(Para(t("briefing.key_points", lang), 13, bold=True))
        paras += [Para(f"• {line}", 12) for line in content.bullets]
    if content.own_talking:
        paras.append(Para(t("briefing.talking_own", lang), 13, bold=True))
        paras += [Para(f"• {line}", 12) for line in content.own_talking]
    if content.talking:
        paras.append(Para(t("briefing.talking_editors", lang), 13, bold=True))
        paras += [Para(f"• {line}", 12) for line in content.talking]
    if content.questions:
        paras.append(Para(t("briefing.questions", lang), 13, bold=True))
        ask, answer = t("briefing.ask", lang), t("briefing.answer", lang)
        colon = "：" if lang == "ja" else ": "
        for question, reply in content.questions:
            paras.append(Para(f"{ask}{colon}{question}", 12, bold=True, after=0))
            paras.append(Para(f"{answer}{colon}{reply}", 12))
    if content.sources:
        paras.append(Para(t("briefing.slide_sources", lang), 12, bold=True))
        shown = content.sources[:NOTES_SOURCES]
        paras += [Para(f"[{s.number}] {s.publisher} — {s.title}", 11, after=1) for s in shown]
        if len(content.sources) > NOTES_SOURCES:
            more = t("briefing.and_more", lang, n=len(content.sources) - NOTES_SOURCES)
            paras.append(Para(more.strip(), 11))
    _notes(slide, paras, lang)


def _title_slide(ctx: Context) -> None:
    briefing, lang = ctx.briefing, ctx.lang
    slide = _new_slide(ctx, "title", cover=True)
    _text(
        ctx,
        slide,
        (0.5, 0.35, 12.33, 0.5),
        lambda s: [Para(briefing.kicker, s, True, colour=ACCENT)],
        (18, 16),
    )
    shape = slide.shapes.title
    assert shape is not None
    left, top, width, height = _box(ctx, (0.5, 0.95, 12.33, 2.1))
    shape.left, shape.top, shape.width, shape.height = (
        Inches(left),
        Inches(top),
        Inches(width),
        Inches(height),
    )
    paras = _fit(
        lambda size: [Para(briefing.title, size, bold=True, after=0)],
        width,
        height,
        (34, 30, 28, 26),
    )
    shape.text_frame.clear()
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _write(shape.text_frame, paras, lang)

    def byline(size: float) -> list[Para]:  # the English byline may take two lines
        lines = [
            Para(briefing.byline, size),
            Para(briefing.publisher, size - 2, colour=MUTED),
            Para(briefing.as_of, size, bold=True),
        ]
        if briefing.date:
            lines.append(Para(briefing.date, size, bold=True, colour=ACCENT))
        return lines

    _text(ctx, slide, (0.5, 3.1, 12.33, 1.6), byline, (18, 16, 14))

    def filters(size: float) -> list[Para]:
        heading = Para(t("briefing.filters_heading", lang), size + 2, bold=True, colour=ACCENT)
        return [heading, *(Para(line, size, bullet=True, after=2) for line in briefing.filters)]

    _text(ctx, slide, (0.5, 4.8, 12.33, 2.1), filters, (16, 14, 12, 11), panel=True)
    _notes(slide, [Para(line, 12) for line in (briefing.as_of, *briefing.filters)], lang)


def _summary_slide(ctx: Context, content: SlideContent) -> None:
    lang = ctx.lang
    slide = _new_slide(ctx, content.key)
    _title(ctx, slide, content.title)

    def column(heading: str, lines: Sequence[str]) -> Callable[[float], list[Para]]:
        def build(size: float) -> list[Para]:
            head = Para(heading, size + 2, bold=True, colour=ACCENT, after=8)
            return [head, *(Para(line, size, bullet=True, after=10) for line in lines)]

        return build

    _text(
        ctx,
        slide,
        (0.5, 1.3, 7.3, 5.0),
        column(t("briefing.judgements", lang), content.judgements),
        (22, 20, 18, 16, 14),
    )
    _text(
        ctx,
        slide,
        (8.0, 1.3, 4.83, 5.0),
        column(t("briefing.japan", lang), content.japan),
        (22, 20, 18, 16, 14),
        panel=True,
    )
    _text(
        ctx,
        slide,
        FOOTER_BOX,
        lambda s: [Para(t("briefing.summary_note", lang), s, colour=MUTED, after=0)],
        (FOOTER_SIZE,),
    )
    _slide_notes(ctx, slide, content)


def _numbers_slide(ctx: Context, content: SlideContent) -> None:
    lang = ctx.lang
    slide = _new_slide(ctx, content.key)
    _title(ctx, slide, content.title)
    metrics = content.metrics or ()
    count = max(1, len(metrics))
    gap = 0.25
    width = (12.33 - gap * (count - 1)) / count
    for index, metric in enumerate(metrics):
        left = 0.5 + index * (width + gap)

        def card(size: float, metric=metric) -> list[Para]:  # type: ignore[no-untyped-def]
            return [
                Para(metric.label, size, bold=True, colour=MUTED, after=6),
                Para(metric.value, size * 2, bold=True, colour=ACCENT, after=6),
                Para(metric.note, size - 2, after=0),
            ]

        _text(ctx, slide, (left, 1.5, width, 4.5), card, (22, 20, 18, 16, 14, 12), panel=True)
    if not metrics:
        _text(
            ctx,
            slide,
            CHART_BOX,
            lambda s: [Para(t("briefing.no_rows", lang), s, colour=MUTED)],
            (18,),
        )
    note = t(
        "briefing.numbers_note_latest"
        if "follow" in ctx.briefing.layer
        else "briefing.numbers_note",
        lang,
    )
    _text(ctx, slide, FOOTER_BOX, lambda s: [Para(note, s, colour=MUTED, after=0)], (FOOTER_SIZE,))
    _slide_notes(ctx, slide, content)


def _footer_line(ctx: Context, content: SlideContent) -> str:
    lang = ctx.lang

    def footer(publishers: str) -> str:
        return t("briefing.footer_sources", lang, count=len(content.sources), publishers=publishers)

    width = _box(ctx, FOOTER_BOX)[2]
    window = (
        f"{content.window}。"
        if lang == "ja" and content.window
        else (f"{content.window}. " if content.window else "")
    )
    publishers = images.listing(
        content.publishers or [t("briefing.no_sources", lang)],
        lang,
        lambda text: _lines(window + footer(text), width, FOOTER_SIZE, False) <= 2,
    )
    text = footer(publishers) if content.sources else t("briefing.footer_no_sources", lang)
    return window + text


def _chart_slide(ctx: Context, content: SlideContent, picture: bytes | None, charts: bool) -> None:
    """The chart beside the words for it; a wide chart (several panels) across the slide, its
    words in the notes."""
    lang = ctx.lang
    slide = _new_slide(ctx, content.key)
    _title(ctx, slide, content.title)
    wide = content.key in WIDE_CHARTS
    left, top, width, height = _box(ctx, WIDE_CHART_BOX if wide else CHART_BOX)
    if picture is not None:
        shape = slide.shapes.add_picture(
            io.BytesIO(picture), Inches(left), Inches(top), Inches(width), Inches(height)
        )
        shape.name = content.chart_title
        # python-pptx has no API for a picture's alt text; PowerPoint keeps it in cNvPr/@descr.
        shape._element.xpath("./p:nvPicPr/p:cNvPr")[0].set(
            "descr", content.alt or content.chart_title
        )
    else:
        if content.missing:
            reason = t("briefing.data_missing", lang, datasets=", ".join(content.missing))
        elif not content.row_count:
            reason = t("briefing.no_rows", lang)
        else:
            reason = t("briefing.no_chart", lang)
        frame = _text(
            ctx,
            slide,
            WIDE_CHART_BOX if wide else CHART_BOX,
            lambda s: [Para(content.chart_title, s + 4, bold=True), Para(reason, s, colour=MUTED)],
            (16, 14),
            panel=True,
        )
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE

    def points(size: float) -> list[Para]:
        heading = Para(t("briefing.key_points", lang), size + 2, bold=True, colour=ACCENT, after=8)
        return [heading, *(Para(point, size, bullet=True, after=10) for point in content.bullets)]

    if not wide:
        _text(ctx, slide, POINTS_BOX, points, (20, 18, 16, 14))
    text = _footer_line(ctx, content)
    _text(ctx, slide, FOOTER_BOX, lambda s: [Para(text, s, colour=MUTED, after=0)], (FOOTER_SIZE,))
    _slide_notes(ctx, slide, content)


def _cell(cell, text: str, lang: Lang, *, bold: bool = False, fill: RGBColor | None = None) -> None:  # type: ignore[no-untyped-def]
    frame = cell.text_frame
    frame.clear()
    frame.word_wrap = True
    cell.margin_left = cell.margin_right = Inches(0.05)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    _write(frame, [Para(text, TABLE_SIZE, bold=bold, after=0)], lang)
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill


def _row_height(cells: Sequence[str], widths: Sequence[float], bold_first: bool = True) -> float:
    """Inches a table row takes at TABLE_SIZE: its tallest cell, with the cell margins."""
    tallest = 0
    for index, (text, width) in enumerate(zip(cells, widths, strict=True)):
        lines = _lines(text, width - 0.1 + 2 * INSET, TABLE_SIZE, bold_first and index == 0)
        tallest = max(tallest, lines)
    return tallest * TABLE_SIZE * LINE_SPACING / 72 + 0.08


def table_pages(
    group: PositionsGroup, widths: Sequence[float], budget: float
) -> list[list[tuple[str, ...]]]:
    """The group's rows cut so that each slide's table (header included) fits ``budget`` inches."""
    header = _row_height(group.columns, widths)
    pages: list[list[tuple[str, ...]]] = []
    page: list[tuple[str, ...]] = []
    used = header
    for row in group.rows:
        height = _row_height(row, widths)
        if page and used + height > budget:
            pages.append(page)
            page, used = [], header
        page.append(row)
        used += height
    if page:
        pages.append(page)
    return pages


def _positions_slides(ctx: Context, content: SlideContent) -> None:
    """The positions table as native tables: issues down, the four actors across, 12 pt."""
    lang = ctx.lang
    left, top, width, height = _box(ctx, TABLE_BOX)
    if content.kind == "positions":
        note = t("briefing.positions_note", lang)
        rest = (width - ISSUE_COLUMN) / 4
        widths = [ISSUE_COLUMN, rest, rest, rest, rest]
    else:  # a declared table: the window and its sources below; columns by their text's length
        note = _footer_line(ctx, content)
        columns = content.groups[0].columns if content.groups else ("",)
        lengths = [
            max(8, min(60, max(len(row[i]) for row in content.groups[0].rows)))
            if content.groups
            else 1
            for i in range(len(columns))
        ]
        widths = [width * length / sum(lengths) for length in lengths]
    if not content.groups:
        slide = _new_slide(ctx, content.key)
        _title(ctx, slide, content.title)
        reason = (
            t("briefing.data_missing", lang, datasets=", ".join(content.missing))
            if content.missing
            else t("briefing.no_rows", lang)
        )
        _text(ctx, slide, TABLE_BOX, lambda s: [Para(reason, s, colour=MUTED)], (16,), panel=True)
        _slide_notes(ctx, slide, content)
        return
    for group in content.groups:
        pages = table_pages(group, widths, height)
        for part, rows in enumerate(pages, start=1):
            slide = _new_slide(ctx, content.key)
            title = (
                t("briefing.positions_part", lang, group=group.title)
                if content.kind == "positions"
                else content.title
            )
            if len(pages) > 1:
                title = t("briefing.continued", lang, title=title) if part > 1 else title
            _title(ctx, slide, title, (26, 24, 22, 20))
            shape = slide.shapes.add_table(
                len(rows) + 1,
                len(widths),
                Inches(left),
                Inches(top),
                Inches(width),
                Inches(height),
            )
            shape.name = content.title
            table = shape.table
            for index, column_width in enumerate(widths):
                table.columns[index].width = Inches(column_width)
            for index, heading in enumerate(group.columns):
                _cell(table.cell(0, index), heading, lang, bold=True, fill=PANEL)
            table.rows[0].height = Inches(_row_height(group.columns, widths))
            for number, row in enumerate(rows, start=1):
                for index, text in enumerate(row):
                    _cell(table.cell(number, index), text, lang, bold=index == 0)
                table.rows[number].height = Inches(_row_height(row, widths))
            _text(
                ctx,
                slide,
                (0.5, 6.5, 12.33, 0.4),
                lambda s: [Para(note, s, colour=MUTED, after=0)],
                (FOOTER_SIZE, 10),
            )
            _slide_notes(ctx, slide, content)


def _text_slide(ctx: Context, content: SlideContent) -> None:
    slide = _new_slide(ctx, content.key)
    _title(ctx, slide, content.title)

    def points(size: float) -> list[Para]:
        return [Para(point, size, bullet=True, after=12) for point in content.bullets]

    _text(ctx, slide, (0.5, 1.4, 12.33, 4.9), points, (26, 24, 22, 20, 18, 16))
    if content.section:
        _text(
            ctx,
            slide,
            FOOTER_BOX,
            lambda s: [Para(content.section, s, colour=MUTED, after=0)],
            (FOOTER_SIZE,),
        )
    _slide_notes(ctx, slide, content)


def _forecasts_slide(ctx: Context, content: SlideContent) -> None:
    """Every forecast and its status on one slide; why, and the sources, in the notes."""
    briefing, lang = ctx.briefing, ctx.lang
    slide = _new_slide(ctx, content.key)
    _title(ctx, slide, t("briefing.forecasts_title", lang))

    def paras(size: float) -> list[Para]:
        out = []
        for item in briefing.forecasts:
            out.append(Para(item.head(lang), size, bold=True, colour=ACCENT, after=0))
            out.append(Para(item.text, size, after=6))
        return out

    _text(ctx, slide, SOURCES_BOX, paras, (18, 16, 14, 12, 11))
    notes = [Para(t("forecast.caption", lang), 11)]
    for item in briefing.forecasts:
        notes.append(Para(f"{item.head(lang)} — {item.text}", 12, bold=True))
        notes.append(Para(item.why, 11))
        notes += [Para(f"[{s.number}] {s.publisher} — {s.title}", 10) for s in item.sources]
    _notes(slide, notes, lang)


def short_reference(source: Source, lang: Lang, width_in: float, size: float) -> str:
    """``[n] Publisher: title``, the title cut to keep the reference on one line."""
    colon = "：" if lang == "ja" else ": "
    head = f"[{source.number}] {source.publisher}{colon}"
    title = source.title
    while title and _lines(head + title, width_in, size, False) > 1:
        title = title[: max(0, len(title) - max(4, len(title) // 8))]
        title = title.rstrip() + "…" if title else ""
        if title.endswith("……"):
            title = title[:-1]
    return head + title


def source_pages(
    briefing: Briefing, columns: int = SOURCE_COLUMNS, size: float = SOURCE_SIZE
) -> list[list[list[str]]]:
    """The numbered short references, in number order, cut into slides of ``columns``."""
    width = (SOURCES_BOX[2] - 0.2 * (columns - 1)) / columns
    per_column = int((SOURCES_BOX[3] - 0.45) * 72 // (size * LINE_SPACING + 1))
    refs = [short_reference(source, briefing.lang, width, size) for source in briefing.sources]
    per_slide = per_column * columns
    pages = []
    for first in range(0, len(refs), per_slide):
        chunk = refs[first : first + per_slide]
        pages.append([chunk[i : i + per_column] for i in range(0, len(chunk), per_column)])
    return pages or [[[t("briefing.no_sources", briefing.lang)]]]


def _sources_slides(ctx: Context) -> None:
    briefing, lang = ctx.briefing, ctx.lang
    pages = source_pages(briefing)
    width = (SOURCES_BOX[2] - 0.2 * (SOURCE_COLUMNS - 1)) / SOURCE_COLUMNS
    for part, page in enumerate(pages, start=1):
        slide = _new_slide(ctx, "sources")
        title = (
            t("briefing.sources_title", lang)
            if len(pages) == 1
            else t("briefing.sources_title_part", lang, part=part, parts=len(pages))
        )
        _title(ctx, slide, title, (26, 24, 22))
        _text(
            ctx,
            slide,
            (0.5, 1.25, 12.33, 0.4),
            lambda s: [Para(t("briefing.appendix_note", lang), s, colour=MUTED, after=0)],
            (11, 10),
        )
        for index, column in enumerate(page):
            box = (0.5 + index * (width + 0.2), 1.65, width, SOURCES_BOX[3] - 0.4)
            scaled = _box(ctx, box)
            _textbox(slide, scaled, [Para(line, SOURCE_SIZE, after=1) for line in column], lang)


def _stamp(ctx: Context) -> None:
    """The marking and the briefing's date, and the slide's number, on every slide."""
    briefing, lang = ctx.briefing, ctx.lang
    total = len(ctx.prs.slides)
    mark = (
        "　".join(part for part in (briefing.footer, briefing.date) if part)
        if lang == "ja"
        else " · ".join(part for part in (briefing.footer, briefing.date) if part)
    )
    for number, slide in enumerate(ctx.prs.slides, start=1):
        if mark:
            _textbox(slide, _box(ctx, MARK_BOX), [Para(mark, 11, bold=True, after=0)], lang)
        label = f"{number} / {total}"
        frame = _textbox(
            slide, _box(ctx, NUMBER_BOX), [Para(label, 11, colour=MUTED, after=0)], lang
        )
        frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


# --- Public API ---------------------------------------------------------------------------------


def build_deck(
    state: ViewState,
    lang: Lang,
    frames: Frames | None = None,
    *,
    with_charts: bool = True,
    renderer: ChartRenderer | None = None,
    template: bytes | None = None,
    problems: list[str] | None = None,
) -> bytes:
    """The briefing for ``state`` in ``lang`` as PPTX bytes.

    ``frames``: the datasets by id (read from data/ when omitted). Chart pictures are rendered
    with ``renderer`` if given, else with a browser started for this deck; without Chromium this
    raises :class:`~dashboard.briefing.images.ChartRenderingUnavailable`, and
    ``with_charts=False`` then builds the same deck with a note in place of each picture.
    ``template``: an organisation's .pptx; when it cannot be used, the built-in theme is used and
    the reason is appended to ``problems``.
    """
    wide = WIDE_CHART_BOX[2] * CHART_PX_PER_INCH, WIDE_CHART_BOX[3] * CHART_PX_PER_INCH
    briefing, pictures = images.composed(
        state,
        lang,
        frames,
        size=chart_size(),
        with_charts=with_charts,
        renderer=renderer,
        sizes={key: (round(wide[0]), round(wide[1])) for key in WIDE_CHARTS},
    )
    return deck_from(briefing, pictures, charts=with_charts, template=template, problems=problems)


def chart_size() -> tuple[int, int]:
    """The CSS-pixel size charts are drawn at to fill the deck's chart box."""
    return round(CHART_BOX[2] * CHART_PX_PER_INCH), round(CHART_BOX[3] * CHART_PX_PER_INCH)


def deck_from(
    briefing: Briefing,
    pictures: dict[str, bytes],
    *,
    charts: bool = True,
    template: bytes | None = None,
    problems: list[str] | None = None,
) -> bytes:
    """The deck of a composed briefing, with the given chart pictures by slide key."""
    prs, templated, problem = open_template(template)
    if problem and problems is not None:
        problems.append(problem)
    width, height = prs.slide_width or SLIDE_WIDTH, prs.slide_height or SLIDE_HEIGHT
    geo = Geo(width / SLIDE_WIDTH, height / SLIDE_HEIGHT)
    cover, content = _layouts(prs) if templated else (None, None)
    ctx = Context(prs, briefing, cover, content, geo, templated)  # type: ignore[arg-type]
    prs.core_properties.title = briefing.title
    prs.core_properties.author = briefing.author
    prs.core_properties.language = LANG_TAGS[briefing.lang]
    for slide in briefing.slides:
        if slide.kind == "title":
            _title_slide(ctx)
        elif slide.kind == "summary":
            _summary_slide(ctx, slide)
        elif slide.kind == "numbers":
            _numbers_slide(ctx, slide)
        elif slide.kind == "chart":
            _chart_slide(ctx, slide, pictures.get(slide.key), charts)
        elif slide.kind in ("positions", "table"):
            _positions_slides(ctx, slide)
        elif slide.kind == "text":
            _text_slide(ctx, slide)
        elif slide.kind == "forecasts":
            if briefing.forecasts:
                _forecasts_slide(ctx, slide)
        elif slide.kind == "sources":
            _sources_slides(ctx)
    _stamp(ctx)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
