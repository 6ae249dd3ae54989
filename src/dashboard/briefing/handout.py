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
from fpdf.fonts import FontFace, TTFFont

from dashboard import fonts
from dashboard.briefing import images
from dashboard.briefing.content import Briefing, SlideContent, Source
from dashboard.briefing.deck import WIDE_CHARTS as DECK_WIDE
from dashboard.briefing.images import ChartRenderer
from dashboard.figures import FIGURES
from dashboard.fonts import cjk_font_files
from dashboard.i18n import Lang, t
from dashboard.slides import Frames
from dashboard.state import ViewState

FONT = "NotoSansCJKJP"
MARGIN = 14  # mm
PAGE_WIDTH = 297  # A4 landscape, mm
PAGE_HEIGHT = 210
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GUTTER = 7  # mm between the two columns
COLUMN = (TEXT_WIDTH - GUTTER) / 2
#: Chart pictures: two to a row, four to a page. Drawn 760 CSS px wide and printed 131.5 mm
#: wide, so 16 px chart text prints near 8 pt.
CHART_WIDTH_MM = COLUMN
CHART_HEIGHT_MM = 66
CHART_PX = (760, round(760 * CHART_HEIGHT_MM / CHART_WIDTH_MM))
WORDS = 1  # the slide's words printed under each chart
#: Charts of several panels, and timelines with their list of key events below, take a row of
#: their own, the whole text width.
WIDE_CHARTS = DECK_WIDE | {
    name for name, figure in FIGURES.items() if figure.chart.builder == "timeline:lanes"
}
WIDE_HEIGHT_MM = 92
WIDE_PX = (1400, round(1400 * WIDE_HEIGHT_MM / TEXT_WIDTH))

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
        super().__init__(orientation="landscape", unit="mm", format="A4")
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
        self.set_auto_page_break(True, margin=MARGIN + 4)
        #: The column text is set in (the whole width, or one of the two columns).
        self.col_x = float(MARGIN)
        self.col_w = float(TEXT_WIDTH)
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
        """The marking and the briefing's date, the as-of date, and page x of y."""
        briefing = self.briefing
        self.set_y(-13)
        if briefing.footer or briefing.date:
            self.font(8, bold=True)
            mark = "　".join(p for p in (briefing.footer, briefing.date) if p)
            self.cell(TEXT_WIDTH, 4, mark, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.font(7.5, colour=MUTED)
        self.cell(TEXT_WIDTH * 0.8, 5, f"{briefing.kicker} · {briefing.as_of}")
        page = t("briefing.page_of", briefing.lang, page=self.page_no(), pages="{nb}")
        self.cell(TEXT_WIDTH * 0.2, 5, page, align=Align.R)

    def font(self, size: float, *, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)

    def lines(self, text: str, size: float, *, bold: bool = False, indent: float = 0) -> list[str]:
        """``text`` broken into lines that fit the text width less ``indent`` (mm), measured
        with the embedded font. (Laid out here rather than by fpdf2's multi_cell, whose line
        breaking re-measures each growing line and took most of the handout's time.)"""
        usable = (self.col_w - indent) * PT_PER_MM * 0.98
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
            self.set_x(self.col_x + indent)
            self.cell(
                self.col_w - indent,
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
        self.set_x(self.col_x + 1)
        self.cell(5, size * 0.5, BULLET[self.briefing.lang])
        self.set_xy(self.col_x + 6, y)
        self.para(text, size, indent=6, after=1.8)


def _cover(pdf: _Handout, briefing: Briefing) -> None:
    """Page 1: the chapter across the top; below it the filters and the contents (with page
    numbers) on the left, the summary on the right."""
    lang = briefing.lang
    pdf.add_page()
    pdf.para(briefing.kicker, 11, bold=True, colour=ACCENT, after=2)
    pdf.para(briefing.title, 17, bold=True, after=3)
    pdf.para(briefing.byline, 10)
    pdf.para(briefing.publisher, 9, colour=MUTED)
    pdf.para(briefing.as_of, 10, bold=True, after=1 if briefing.date else 4)
    if briefing.date:
        pdf.para(briefing.date, 10, bold=True, colour=ACCENT, after=4)
    top = pdf.get_y()
    right = MARGIN + COLUMN + GUTTER
    summary = next((slide for slide in briefing.slides if slide.kind == "summary"), None)
    if summary is not None:
        pdf.col_x, pdf.col_w = right, COLUMN
        pdf.set_xy(right, top)
        _summary(pdf, summary)
    pdf.col_x, pdf.col_w = float(MARGIN), COLUMN
    pdf.set_xy(MARGIN, top)
    pdf.set_fill_color(*PANEL)
    pdf.para(t("briefing.filters_heading", lang), 10.5, bold=True, colour=ACCENT, fill=True)
    for line in briefing.filters:
        pdf.bullet(line, 9)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN - 2, top, MARGIN - 2, pdf.get_y())
    pdf.ln(4)
    pdf.insert_toc_placeholder(_contents, pages=1)
    pdf.col_x, pdf.col_w = float(MARGIN), float(TEXT_WIDTH)


def _contents(pdf: FPDF, outline: list) -> None:  # type: ignore[type-arg]
    """The contents in the cover's left column: each part's title and the page it starts on."""
    assert isinstance(pdf, _Handout)
    lang = pdf.briefing.lang
    pdf.running_head = ""
    pdf.col_x, pdf.col_w = float(MARGIN), COLUMN
    pdf.para(t("briefing.contents", lang), 11, bold=True, colour=ACCENT, after=1.5)
    for entry in outline:
        pdf.set_x(MARGIN)
        pdf.font(9)
        link = pdf.add_link(page=entry.page_number)
        name = str(entry.name)
        while len(name) > 4 and pdf.get_string_width(name) > COLUMN - 14:
            name = name[:-2] + "…"
        pdf.cell(COLUMN - 12, 4.6, name, link=link)
        pdf.cell(12, 4.6, str(entry.page_number), align=Align.R, link=link)
        pdf.ln(4.6)
    pdf.ln(2)
    pdf.para(t("briefing.licence", lang), 8, colour=MUTED)
    pdf.col_x, pdf.col_w = float(MARGIN), float(TEXT_WIDTH)


def _summary(pdf: _Handout, slide: SlideContent) -> None:
    lang = pdf.briefing.lang
    pdf.start_section(slide.title)
    pdf.para(slide.title, 13, bold=True, colour=ACCENT, after=1.5)
    pdf.para(t("briefing.judgements", lang), 10.5, bold=True, after=1)
    for line in slide.judgements:
        pdf.bullet(line, 9.5)
    pdf.para(t("briefing.japan", lang), 10.5, bold=True, after=1)
    for line in slide.japan:
        pdf.bullet(line, 9.5)
    pdf.para(t("briefing.summary_note", lang), 7.5, colour=MUTED, after=4)


def _heading(pdf: _Handout, title: str, size: float = 13) -> None:
    pdf.start_section(title)  # a bookmark in the PDF outline and a line of the contents
    pdf.para(title, size, bold=True, colour=ACCENT, after=1.5)


def _numbers(pdf: _Handout, slide: SlideContent) -> None:
    if pdf.will_page_break(34):
        pdf.add_page()
    _heading(pdf, slide.title)
    count = max(1, len(slide.metrics))
    width = TEXT_WIDTH / count
    top = pdf.get_y()
    for index, metric in enumerate(slide.metrics):
        pdf.set_xy(MARGIN + index * width, top)
        pdf.font(8, bold=True, colour=MUTED)
        pdf.multi_cell(width - 2, 4, metric.label, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.font(15, bold=True, colour=ACCENT)
        pdf.multi_cell(width - 2, 7, metric.value, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.font(7.5)
        pdf.multi_cell(width - 2, 3.6, metric.note, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(MARGIN, top + 30)
    note = t(
        "briefing.numbers_note_latest"
        if pdf.briefing.forecasts or "follow" in pdf.briefing.layer
        else "briefing.numbers_note",
        pdf.briefing.lang,
    )
    pdf.para(note, 7.5, colour=MUTED, after=4)


def _block_height(pdf: _Handout, slide: SlideContent) -> float:
    """Millimetres a chart block takes in its column: picture, words and the source line."""
    pdf.col_w = COLUMN
    lines = sum(len(pdf.lines(point, 8, indent=6)) for point in slide.bullets[:WORDS])
    pdf.col_w = TEXT_WIDTH
    return (
        (WIDE_HEIGHT_MM if slide.key in WIDE_CHARTS else CHART_HEIGHT_MM)
        + 2
        + lines * 8 * LINE_MM_PER_PT
        + 2 * len(slide.bullets[:WORDS])
        + 7
    )


def _charts(pdf: _Handout, run: list[SlideContent], pictures: dict[str, bytes]) -> None:
    """Consecutive chart slides two to a row: picture, window, the words for it, its sources'
    numbers. A row never splits across pages."""
    rows: list[list[SlideContent]] = []
    for slide in run:  # a wide chart takes a row of its own
        if (
            slide.key in WIDE_CHARTS
            or not rows
            or len(rows[-1]) == 2
            or rows[-1][0].key in WIDE_CHARTS
        ):
            rows.append([slide])
        else:
            rows[-1].append(slide)
    for pair in rows:
        height = max(_block_height(pdf, slide) for slide in pair)
        if pdf.will_page_break(height):
            pdf.add_page()
        top = pdf.get_y()
        for index, slide in enumerate(pair):
            pdf.col_x = MARGIN + index * (COLUMN + GUTTER)
            pdf.col_w = COLUMN
            pdf.set_xy(pdf.col_x, top)
            _chart(pdf, slide, pictures.get(slide.key))
        pdf.col_x, pdf.col_w = float(MARGIN), float(TEXT_WIDTH)
        pdf.set_xy(MARGIN, top + height)


def _chart(pdf: _Handout, slide: SlideContent, picture: bytes | None) -> None:
    lang = pdf.briefing.lang
    pdf.start_section(slide.title)
    wide = slide.key in WIDE_CHARTS
    if wide:
        pdf.col_w = float(TEXT_WIDTH)
    if picture is not None:
        pdf.image(
            io.BytesIO(picture),
            x=pdf.col_x,
            w=TEXT_WIDTH if wide else CHART_WIDTH_MM,
            h=WIDE_HEIGHT_MM if wide else CHART_HEIGHT_MM,
            alt_text=slide.alt or slide.chart_title,
        )
        pdf.ln(1)
    else:
        if slide.missing:
            reason = t("briefing.data_missing", lang, datasets=", ".join(slide.missing))
        elif not slide.row_count:
            reason = t("briefing.no_rows", lang)
        else:
            reason = t("briefing.no_chart", lang)
        pdf.set_fill_color(*PANEL)
        pdf.para(slide.chart_title, 10, bold=True, fill=True, after=0)
        pdf.para(reason, 8.5, colour=MUTED, fill=True, after=2)
        pdf.set_y(pdf.get_y() + max(0, CHART_HEIGHT_MM - 20))
    for point in slide.bullets[:WORDS]:
        pdf.bullet(point, 8)
    numbers = _numbers_of(slide.sources)
    colon = "：" if lang == "ja" else ": "
    line = f"{slide.window}　" if lang == "ja" else f"{slide.window}. "
    if numbers:
        line += t("briefing.sources", lang) + colon + numbers
    pdf.para(line, 6.5, colour=MUTED, after=0)


def _numbers_of(sources: tuple[Source, ...]) -> str:
    """``[1–4, 7, 9]``: a slide's source numbers, runs joined."""
    numbers = sorted({source.number for source in sources})
    runs: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            runs.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    return f"[{', '.join(runs)}]" if runs else ""


def _positions(pdf: _Handout, slide: SlideContent) -> None:
    """The positions table as a real PDF table: issues down, the four actors across."""
    lang = pdf.briefing.lang
    pdf.add_page()
    _heading(pdf, slide.title)
    if slide.kind == "positions":
        pdf.para(t("briefing.positions_note", lang), 7.5, colour=MUTED, after=2)
    else:
        pdf.para(slide.window, 7.5, colour=MUTED, after=2)
    if not slide.groups:
        pdf.para(t("briefing.no_rows", lang), 9, colour=MUTED)
        return
    pdf.font(6.8)
    columns = len(slide.groups[0].columns)
    widths = (24, *(((TEXT_WIDTH - 24) / (columns - 1),) * (columns - 1)))
    with pdf.table(
        col_widths=widths,
        line_height=3.0,
        text_align="LEFT",
        first_row_as_headings=True,
        repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=PANEL),
        padding=1,
    ) as table:
        header = table.row()
        for heading in slide.groups[0].columns:
            header.cell(heading)
        for group in slide.groups:
            for row in group.rows:
                line = table.row()
                for index, text in enumerate(row):
                    line.cell(text, style=FontFace(emphasis="BOLD") if index == 0 else None)
    pdf.ln(3)


def _text(pdf: _Handout, slide: SlideContent) -> None:
    if pdf.will_page_break(40):
        pdf.add_page()
    _heading(pdf, slide.title)
    for point in slide.bullets:
        pdf.bullet(point, 9.5)
    pdf.ln(3)


def _forecasts(pdf: _Handout, briefing: Briefing) -> None:
    """A page of every forecast, its status, why, and its sources' numbers."""
    lang = briefing.lang
    title = t("briefing.forecasts_title", lang)
    pdf.running_head = ""
    pdf.add_page()
    pdf.start_section(title)
    pdf.para(title, 13, bold=True, colour=ACCENT, after=2)
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
        pdf.set_x(pdf.col_x)
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
    pdf.para(t("briefing.sources_title", lang), 13, bold=True, colour=ACCENT, after=3)
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
    """The PDF of a composed briefing, with chart pictures by slide key."""
    pdf = _Handout(briefing)
    pdf.alias_nb_pages()
    _cover(pdf, briefing)
    run: list[SlideContent] = []  # consecutive charts, laid out two to a row
    for slide in briefing.slides:
        if slide.kind == "chart":
            run.append(slide)
            continue
        if run:
            _charts(pdf, run, pictures)
            run = []
        if slide.kind == "numbers":
            _numbers(pdf, slide)
        elif slide.kind in ("positions", "table"):
            _positions(pdf, slide)
        elif slide.kind == "text":
            _text(pdf, slide)
        elif slide.kind == "forecasts" and briefing.forecasts:
            _forecasts(pdf, briefing)
        elif slide.kind == "sources":
            _sources(pdf, briefing)
    if run:
        _charts(pdf, run, pictures)
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
        state,
        lang,
        frames,
        size=chart_size(),
        with_charts=with_charts,
        renderer=renderer,
        sizes=dict.fromkeys(WIDE_CHARTS, WIDE_PX),
    )
    return handout_from(briefing, pictures)
