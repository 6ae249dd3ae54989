"""The briefing as an A4 PDF handout (fpdf2), for reading and printing.

Page 1: the chapter, author, as-of date, the filters applied in words and the contents. Then one
section per page (it runs on when its sources need more room): title, chart picture, key points
and its sources, numbered as in the closing list of every source with its full, clickable URL.

The text is set in Noto Sans CJK JP, embedded (subset) from Debian's ``fonts-noto-cjk``
collection, so Japanese prints anywhere without the font installed.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import TTFFont

from dashboard import fonts
from dashboard.briefing import images
from dashboard.briefing.content import Briefing, SectionContent, Source
from dashboard.briefing.images import ChartRenderer
from dashboard.fonts import cjk_font_files
from dashboard.i18n import Lang, t
from dashboard.slides import Frames
from dashboard.state import ViewState

FONT = "NotoSansCJKJP"
MARGIN = 18  # mm
PAGE_WIDTH = 210  # A4, mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
#: Chart pictures: the text width, drawn at 110 CSS px per inch (16 px text prints near 10.5 pt).
CHART_WIDTH_MM = TEXT_WIDTH
CHART_PX = (round(CHART_WIDTH_MM / 25.4 * 110), round(CHART_WIDTH_MM * 0.6 / 25.4 * 110))
CHART_HEIGHT_MM = CHART_WIDTH_MM * CHART_PX[1] / CHART_PX[0]

PT_PER_MM = 72 / 25.4
LINE_MM_PER_PT = 0.5  # line height in mm per point of type: 1.42 × the size

INK = (26, 26, 26)
ACCENT = (0, 114, 178)
MUTED = (85, 85, 85)
PANEL = (242, 244, 247)
BULLET = {"ja": "・", "en": "•"}
#: Debian's fonts-dejavu-core: Latin, Greek and Cyrillic letters beyond the CJK face's set.
FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FALLBACK_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


class _Handout(FPDF):
    def __init__(self, briefing: Briefing) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.briefing = briefing
        fonts = cjk_font_files()
        self.add_font(FONT, "", str(fonts.regular), collection_font_number=fonts.face)
        self.add_font(FONT, "B", str(fonts.bold), collection_font_number=fonts.face)
        if FALLBACK.exists():  # letters the CJK face lacks (the Ş of a Turkish publisher's name)
            self.add_font("DejaVu", "", str(FALLBACK))
            self.add_font("DejaVu", "B", str(FALLBACK_BOLD))
            self.set_fallback_fonts(["DejaVu"])
        for font in self.fonts.values():
            assert isinstance(font, TTFFont)
            # The subset keeps the collection's font bounding box instead of measuring every
            # glyph outline again: a valid (larger) box, and the PDF is written 3-4x faster.
            font.ttfont.recalcBBoxes = False
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.set_title(briefing.title)
        self.set_author(briefing.author)
        self.set_lang("ja-JP" if briefing.lang == "ja" else "en-GB")
        self.set_creator(briefing.kicker)

    #: Printed at the top of a page that continues a section (set while the section is set).
    running_head = ""

    def header(self) -> None:
        if self.running_head:
            self.font(9, bold=True, colour=MUTED)
            self.cell(TEXT_WIDTH, 6, self.running_head, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.font(7.5, colour=MUTED)
        self.cell(TEXT_WIDTH * 0.8, 5, f"{self.briefing.kicker} · {self.briefing.as_of}")
        self.cell(
            TEXT_WIDTH * 0.2,
            5,
            t("briefing.page", self.briefing.lang, page=self.page_no()),
            align=Align.R,
        )

    def font(self, size: float, *, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)

    def lines(self, text: str, size: float, *, bold: bool = False, indent: float = 0) -> list[str]:
        """``text`` broken into lines that fit the text width less ``indent`` (mm), measured
        with the embedded font. (Laid out here rather than by fpdf2's multi_cell, whose line
        breaking re-measures each growing line and took most of the handout's time.)"""
        usable = (TEXT_WIDTH - indent) * PT_PER_MM * 0.98
        return fonts.wrap(text, usable, lambda line: fonts.text_width(line, size, bold=bold))

    def para(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        after: float = 1.5,
        indent: float = 0,
        link: str | None = None,
        fill: bool = False,
    ) -> None:
        self.font(size, bold=bold, colour=colour)
        for line in self.lines(text, size, bold=bold, indent=indent):
            self.set_x(MARGIN + indent)
            self.cell(
                TEXT_WIDTH - indent,
                size * LINE_MM_PER_PT,
                line,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                link=link or "",
                fill=fill,
            )
        self.ln(after)

    def keep_together(self, line_count: int, size: float) -> None:
        """Start a new page first unless ``line_count`` lines fit on this one (no entry is
        split across a page break, so a URL is never cut in two by the footer)."""
        if self.will_page_break(line_count * size * LINE_MM_PER_PT):
            self.add_page()

    def bullet(self, text: str, size: float) -> None:
        self.font(size)
        y = self.get_y()
        self.set_x(MARGIN + 1)
        self.cell(5, size * 0.5, BULLET[self.briefing.lang])
        self.set_xy(MARGIN + 6, y)
        self.para(text, size, indent=6, after=1.8)


def _cover(pdf: _Handout, briefing: Briefing) -> None:
    lang = briefing.lang
    pdf.add_page()
    pdf.para(briefing.kicker, 12, bold=True, colour=ACCENT, after=3)
    pdf.para(briefing.title, 19, bold=True, after=4)
    pdf.para(briefing.byline, 11)
    pdf.para(briefing.publisher, 10, colour=MUTED)
    pdf.para(briefing.as_of, 11, bold=True, after=6)

    pdf.set_fill_color(*PANEL)
    top = pdf.get_y()
    pdf.para(t("briefing.filters_heading", lang), 12, bold=True, colour=ACCENT, fill=True)
    for line in briefing.filters:
        pdf.bullet(line, 10.5)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN - 2, top, MARGIN - 2, pdf.get_y())
    pdf.ln(6)

    pdf.para(t("nav.section_chapter", lang), 12, bold=True, colour=ACCENT, after=2)
    for number, section in enumerate(briefing.sections, start=1):
        pdf.para(f"{number}. {section.title}", 11, after=1.5)
    pdf.para(t("briefing.sources_title", lang), 11, after=6)
    pdf.para(t("briefing.licence", lang), 8.5, colour=MUTED)


def _section(
    pdf: _Handout,
    number: int,
    section: SectionContent,
    picture: bytes | None,
) -> None:
    lang = pdf.briefing.lang
    pdf.running_head = ""
    pdf.add_page()
    pdf.start_section(f"{number}. {section.title}")  # a bookmark in the PDF outline
    pdf.para(f"{number}. {section.title}", 16, bold=True, colour=ACCENT, after=3)
    pdf.running_head = t("briefing.continued", lang, title=f"{number}. {section.title}")
    if picture is not None:
        pdf.image(
            io.BytesIO(picture),
            x=MARGIN,
            w=CHART_WIDTH_MM,
            h=CHART_HEIGHT_MM,
            alt_text=section.alt or section.chart_title,
        )
        pdf.ln(4)
    else:
        if section.missing:
            reason = t("briefing.data_missing", lang, datasets=", ".join(section.missing))
        elif not section.row_count:
            reason = t("briefing.no_rows", lang)
        else:
            reason = t("briefing.no_chart", lang)
        pdf.set_fill_color(*PANEL)
        pdf.para(section.chart_title, 12, bold=True, fill=True, after=0)
        pdf.para(reason, 10, colour=MUTED, fill=True, after=5)

    pdf.para(t("briefing.key_points", lang), 12.5, bold=True, after=2)
    for point in section.points:
        pdf.bullet(point, 11)
    pdf.ln(3)
    if section.claims:
        pdf.para(t("briefing.claims", lang), 10.5, bold=True, after=1.5)
        for kind, text in section.claims:
            entry = f"{kind} {text}"
            pdf.keep_together(len(pdf.lines(entry, 8.5)), 8.5)
            pdf.para(entry, 8.5, after=0.8)
        pdf.ln(2)
    pdf.para(t("briefing.sources", lang), 10.5, bold=True, after=1.5)
    if not section.sources:
        pdf.para(t("briefing.no_sources", lang), 8.5, colour=MUTED)
    for source in section.sources:
        entry = f"[{source.number}] {source.publisher} — {source.title}"
        pdf.keep_together(len(pdf.lines(entry, 8.5)), 8.5)
        pdf.para(entry, 8.5, link=source.url, after=0.8)


def _forecasts(pdf: _Handout, briefing: Briefing) -> None:
    """A page of every forecast, its status, why, and its sources' numbers."""
    lang = briefing.lang
    title = t("briefing.forecasts_title", lang)
    pdf.running_head = ""
    pdf.add_page()
    pdf.start_section(title)
    pdf.para(title, 16, bold=True, colour=ACCENT, after=2)
    pdf.running_head = t("briefing.continued", lang, title=title)
    pdf.para(t("forecast.caption", lang), 9, colour=MUTED, after=3)
    for item in briefing.forecasts:
        head = item.head(lang)
        pdf.keep_together(len(pdf.lines(head, 11)) + len(pdf.lines(item.text, 10.5)), 10.5)
        pdf.para(head, 11, bold=True, colour=ACCENT, after=0.8)
        pdf.para(item.text, 10.5, after=1.2)
        pdf.para(item.why, 9, after=1)
        numbers = ", ".join(f"[{source.number}]" for source in item.sources)
        if numbers:
            colon = "：" if lang == "ja" else ": "
            pdf.para(t("briefing.sources", lang) + colon + numbers, 8.5, colour=MUTED, after=3)


def _source_entry(pdf: _Handout, source: Source) -> None:
    """``[n] publisher — title — URL``: the URL in the accent colour, every line a link."""
    size = 8.5
    text = f"[{source.number}] {source.line}"
    url_from = len(text) - len(source.url)
    lines = pdf.lines(text, size)
    pdf.keep_together(len(lines), size)
    position = 0
    for line in lines:
        start = text.find(line, position)
        position = start + len(line)
        split = min(max(url_from - start, 0), len(line))
        pdf.set_x(MARGIN)
        for part, colour in ((line[:split], INK), (line[split:], ACCENT)):
            if part:
                pdf.font(size, colour=colour)
                pdf.cell(pdf.get_string_width(part), size * LINE_MM_PER_PT, part, link=source.url)
        pdf.ln(size * LINE_MM_PER_PT)
    pdf.ln(1.2)


def _sources(pdf: _Handout, briefing: Briefing) -> None:
    lang = briefing.lang
    pdf.running_head = ""
    pdf.add_page()
    pdf.start_section(t("briefing.sources_title", lang))
    pdf.para(t("briefing.sources_title", lang), 16, bold=True, colour=ACCENT, after=3)
    pdf.running_head = t("briefing.continued", lang, title=t("briefing.sources_title", lang))
    if not briefing.sources:
        pdf.para(t("briefing.no_sources", lang), 10)
    listed = 0
    for group_title, group in briefing.source_groups():
        new = [source for source in group if source.number > listed]
        if not new:
            continue
        listed = max(source.number for source in new)
        if pdf.will_page_break(14):
            pdf.add_page()
        pdf.ln(1.5)
        pdf.para(group_title, 11, bold=True, colour=ACCENT, after=1.5)
        for source in new:
            _source_entry(pdf, source)


def handout_from(briefing: Briefing, pictures: dict[str, bytes]) -> bytes:
    """The PDF of a composed briefing, with chart pictures by section key."""
    pdf = _Handout(briefing)
    _cover(pdf, briefing)
    for number, section in enumerate(briefing.sections, start=1):
        _section(pdf, number, section, pictures.get(section.key))
    if briefing.forecasts:
        _forecasts(pdf, briefing)
    _sources(pdf, briefing)
    return bytes(pdf.output())


def chart_size() -> tuple[int, int]:
    """The CSS-pixel size section charts are drawn at to fill the handout's text width."""
    return CHART_PX


def build_handout(
    state: ViewState,
    lang: Lang,
    frames: Frames | None = None,
    *,
    with_charts: bool = True,
    renderer: ChartRenderer | None = None,
) -> bytes:
    """The briefing for ``state`` in ``lang`` as an A4 PDF (bytes).

    Arguments as for :func:`dashboard.briefing.deck.build_deck`: without Chromium this raises
    :class:`~dashboard.briefing.images.ChartRenderingUnavailable`; ``with_charts=False`` gives
    the handout with a note in place of each chart. Raises
    :class:`~dashboard.fonts.FontUnavailable` without ``fonts-noto-cjk``.
    """
    briefing, pictures = images.composed(
        state, lang, frames, size=chart_size(), with_charts=with_charts, renderer=renderer
    )
    return handout_from(briefing, pictures)
