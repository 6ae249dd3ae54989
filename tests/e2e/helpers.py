"""Reading the rendered app: captions, chart points, widget values, texts from the sources."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Locator, Page, expect

from dashboard.chapter import chapter, overview, paragraphs
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, t
from dashboard.paths import PROJECT_DIR


def _narrative_charts(section: str) -> int:
    """Plotly charts a chapter page draws: its panels, less those that are tables."""
    names = [name for paragraph in paragraphs(section, "ja") for name in paragraph.charts]
    return sum(not FIGURES[name].chart.table for name in names)


#: URL path of each page, in navigation order, and how many plotly charts it draws by default.
PAGES = {
    "overview": 1,  # the combined timeline
    "ceasefire": _narrative_charts("ceasefire"),
    "war_economy": _narrative_charts("war_economy"),
    "sanctions": 2,  # measures by jurisdiction, entries per quarter
    "dprk_russia": _narrative_charts("dprk_russia"),
    "recommendations": _narrative_charts("recommendations"),
    "briefing": 0,  # the deck builder: its table, controls and downloads
    "data_sources": 0,  # tables and downloads only
}
SHOWING = re.compile(
    r"(?P<total_ja>\d+)件中(?P<shown_ja>\d+)件を表示|Showing (?P<shown>\d+) of (?P<total>\d+)"
    r"|全(?P<all_ja>\d+)件を表示|Showing all (?P<all>\d+)"
)
_MARKUP = re.compile(r"[*_`>#\[\]()]|^- |[⁰¹²³⁴⁵⁶⁷⁸⁹˒]")


def datapackage() -> dict:  # type: ignore[type-arg]
    return json.loads((PROJECT_DIR / "data" / "datapackage.json").read_text("utf-8"))


def path(page: str) -> str:
    return "/" if page == "overview" else f"/{page}"


def plain(markdown: str) -> str:
    """The first line of ``markdown`` without Markdown markup or footnote numbers."""
    for line in markdown.splitlines():
        text = _MARKUP.sub("", line).strip()
        if text:
            return text
    return ""


def narrative_snippet(page: str, lang: Lang) -> str:
    """A stretch of text the page must show, taken from the sources of its narrative."""
    if page == "overview":
        return plain(overview(lang))[:20]
    if page == "sanctions":  # the chapter's sentences on sanctions, quoted
        term = {"ja": "制裁", "en": "sanction"}[lang]
        for paragraph in paragraphs("war_economy", lang):
            for line in re.split(r"(?<=[。.])", plain(paragraph.text)):
                if term in line.casefold():
                    return line.strip()[:20]
        raise AssertionError("no sentence on sanctions in the war_economy section")
    if page == "briefing":
        return t("builder.intro", lang)[:20]
    if page == "data_sources":
        package = datapackage()
        return str(package.get(f"x_description_{lang}") or package["description"])[:30]
    return plain(paragraphs(page, lang)[0].text)[:20]


def title(page: str, lang: Lang) -> str:
    return chapter().title[lang] if page == "overview" else t(f"nav.{page}", lang)


def nav_titles(page: Page) -> list[str]:
    return [
        text.strip()
        for text in page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        if text.strip()
    ]


def showing(page: Page) -> tuple[int, int]:
    """(shown, total) from the first 'Showing N of M' caption on the page."""
    for text in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts():
        match = SHOWING.search(text)
        if match:
            every = match.group("all_ja") or match.group("all")
            shown = match.group("shown_ja") or match.group("shown") or every
            total = match.group("total_ja") or match.group("total") or every
            return int(shown), int(total)
    raise AssertionError("no 'Showing N of M' caption on the page")


def chart(page: Page, number: int = 0) -> Locator:
    return page.locator('[data-testid="stPlotlyChart"]').nth(number)


def plotted_points(page: Page, number: int = 0) -> int:
    """Markers, bars and map areas drawn in the SVG of chart ``number``."""
    return (
        chart(page, number)
        .locator(".scatterlayer .point, .barlayer .point, .choroplethlocation")
        .count()
    )


def plotted_ids(page: Page, number: int = 0) -> list[str]:
    """The row ids carried by the traces of chart ``number`` (timeline charts set ``ids``)."""
    return (
        chart(page, number)
        .locator(".js-plotly-plot")
        .evaluate("plot => plot.data.flatMap(trace => trace.ids || [])")
    )


def date_field(page: Page, number: int) -> Locator:
    return page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').nth(number)


def expect_date(page: Page, number: int, value: str) -> None:
    """Sidebar date input ``number`` shows ``value`` (YYYY-MM-DD); waits while widgets mount."""
    field = date_field(page, number)
    for part, digits in zip(("year", "month", "day"), value.split("-"), strict=True):
        expect(field.locator(f'[data-type="{part}"]')).to_have_attribute(
            "aria-valuenow", str(int(digits))
        )


def type_date(page: Page, number: int, value: str) -> None:
    """Type YYYY-MM-DD into sidebar date input ``number`` (committed when it loses focus)."""
    year, month, day = value.split("-")
    field = date_field(page, number)
    for part, digits in (("year", year), ("month", month), ("day", day)):
        segment = field.locator(f'[data-type="{part}"]')
        # Under load a click can land while the field redraws and the keys go nowhere: the
        # segment must show the digits before the next one is typed (three tries).
        for _ in range(3):
            segment.click()
            page.keyboard.type(digits)
            if segment.inner_text().strip() == digits:
                break
        expect(segment).to_have_text(digits)


def blur(page: Page) -> None:
    """Move focus off the sidebar widgets by clicking the sidebar's first subheader."""
    page.locator('[data-testid="stSidebarUserContent"] h3').first.click()


def expect_slider(page: Page, values: list[str]) -> None:
    """The sidebar's date slider shows ``values``; waits while widgets mount."""
    thumbs = page.locator(
        '[data-testid="stSidebar"] [data-testid="stSlider"] [data-testid="stSliderThumbValue"]'
    )
    expect(thumbs).to_have_text(values)


def main_text(page: Page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()
