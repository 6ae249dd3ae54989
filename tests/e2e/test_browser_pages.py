"""Every page in headless Chromium, offline: charts with data, narrative text, fonts, no errors.

Every browser context in these tests aborts requests to any host but the loopback one (see
conftest), and ``assert_clean`` fails if even one was attempted: so each page rendering here
is also each page rendering without network access.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.e2e import helpers
from tests.e2e.harness import (
    AppServer,
    Session,
    open_app,
    rerun,
    runs_finished,
    wait_for_charts,
)

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("page_name", helpers.PAGES)
def test_page_renders_offline(served: AppServer, session: Session, page_name: str) -> None:
    charts = helpers.PAGES[page_name]
    page = open_app(session.new_page(), served.url + helpers.path(page_name), charts=charts)

    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() == charts
    for number in range(charts):
        assert helpers.plotted_points(page, number) > 0, f"chart {number} is empty"
    if page_name == "data_sources":
        # Tables and download buttons mount just after the run (their code loads lazily).
        page.wait_for_function(
            """() => document.querySelectorAll('[data-testid="stDataFrame"]').length >= 1
                  && document.querySelectorAll('[data-testid="stTable"]').length >= 1
                  && document.querySelectorAll('[data-testid="stDownloadButton"]').length >= 7"""
        )  # the tier summary, the errata table; one CSV download per dataset
        names = [resource["name"] for resource in helpers.datapackage()["resources"]]
        assert all(name in helpers.main_text(page) for name in names), names

    text = helpers.main_text(page)
    assert helpers.title(page_name, "ja") in page.locator("h1").first.inner_text()
    assert helpers.narrative_snippet(page_name, "ja") in text
    assert "データ基準日：2025年12月31日" in text
    assert helpers.nav_titles(page) == [helpers.t(f"nav.{name}", "ja") for name in helpers.PAGES]

    fonts = page.evaluate(
        """async () => {
          await document.fonts.ready;
          const h1 = document.querySelector('h1');
          const family = getComputedStyle(h1).fontFamily;
          return {
            status: document.fonts.status,
            failed: [...document.fonts].filter(f => f.status === 'error').map(f => f.family),
            loaded: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family),
            family,
            ready: document.fonts.check('32px ' + family, h1.innerText),
          };
        }"""
    )
    assert fonts["status"] == "loaded", fonts
    assert fonts["failed"] == [], fonts
    assert "Source Sans" in fonts["loaded"], fonts  # Streamlit's own font, served locally
    assert fonts["ready"], fonts
    session.assert_clean()


#: Every legend entry and annotation of every chart, as the browser lays them out: entries that
#: overlap one another, entries or annotations that run out of their chart, and plots that a
#: legend or titles squeezed to a strip (plotly takes their room from the plot).
LAYOUT_FAULTS = """() => {
  const faults = [];
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart, number) => {
    const box = chart.querySelector('svg.main-svg').getBoundingClientRect();
    chart.querySelectorAll('.draglayer .nsewdrag').forEach(plot => {
      const height = plot.getBoundingClientRect().height;
      if (height < 90) faults.push(`chart ${number}: a plot is only ${Math.round(height)} px tall`);
    });
    // plotly clips the legend to its background box: a name past it is cut, not shown.
    const legendBox = chart.querySelector('.legend .bg');
    const edge = Math.min(box.right,
      legendBox ? legendBox.getBoundingClientRect().right : box.right);
    const entries = [...chart.querySelectorAll('.legend .traces')].map(entry => {
      const r = entry.getBoundingClientRect();
      const text = entry.querySelector('.legendtext');
      const name = text ? text.getBoundingClientRect().right : r.right;
      return {name: entry.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
              text: name};
    });
    entries.forEach((a, i) => {
      if (a.right > box.right + 1 || a.text > edge + 1)
        faults.push(`chart ${number}: legend "${a.name}" runs out`);
      entries.slice(i + 1).forEach(b => {
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 2 && y > 2) faults.push(`chart ${number}: "${a.name}" overlaps "${b.name}"`);
      });
    });
    chart.querySelectorAll('.xaxislayer-above').forEach(axis => {
      const texts = [...axis.querySelectorAll('.xtick text')];
      // Rotated labels have slanted boxes that overlap though the glyphs do not: skip them.
      if (texts.some(text => (text.getAttribute('transform') || '').includes('rotate'))) return;
      const ticks = texts
        .map(text => ({label: text.textContent, r: text.getBoundingClientRect()}))
        .filter(tick => tick.r.width > 0)
        .sort((a, b) => a.r.left - b.r.left);
      ticks.slice(1).forEach((tick, i) => {
        const before = ticks[i];
        const x = Math.min(before.r.right, tick.r.right) - Math.max(before.r.left, tick.r.left);
        const y = Math.min(before.r.bottom, tick.r.bottom) - Math.max(before.r.top, tick.r.top);
        if (x > 1 && y > 1)
          faults.push(`chart ${number}: tick "${before.label}" overlaps "${tick.label}"`);
      });
    });
    chart.querySelectorAll('.annotation-text').forEach(text => {
      const r = text.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1)
        faults.push(`chart ${number}: annotation "${text.textContent.slice(0, 30)}" runs out`);
    });
  });
  return faults;
}"""


CHART_PAGES = [name for name, charts in helpers.PAGES.items() if charts]
VIEWPORT_HEIGHT = {1024: 768, 390: 844}
#: plotly.js geo throws this when a map is updated before its outline file has loaded (known
#: upstream, e.g. reflex-dev/reflex#6003). On a phone the first drawing of the ceasefire page's
#: maps is replaced at the reported width, sometimes mid-load; the maps then draw (the tests
#: wait for their areas). Tolerated by name where a phone page is opened, nowhere else.
GEO_REDRAW_ERROR = "reading '_scrollZoom'"


def open_on_phone(page: Page, url: str, charts: int) -> Page:
    """Open ``url`` on a phone and wait for the charts laid out for its width: the page draws
    once, the viewport script reports the width, and the charts come again without toolbar."""
    page = open_app(page, url, charts=charts)
    page.wait_for_function(
        """n => {
          const plots = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
          return plots.length >= n && plots.every(p => p.querySelector('.main-svg')
            && !p.querySelector('.modebar'));
        }""",
        arg=charts,
        timeout=60_000,
    )
    wait_for_charts(page, charts)
    return page


def open_at_width(page: Page, url: str, charts: int, width: int) -> Page:
    """Open ``url`` in a window ``width`` px wide: on a phone (below 640 px), with its second
    drawing at the reported width waited for (a map torn down mid-draw raises a page error)."""
    return open_on_phone(page, url, charts) if width < 640 else open_app(page, url, charts=charts)


def test_phone_charts_are_fitted_without_toolbar_and_a_desktop_draws_once(
    served: AppServer, session: Session
) -> None:
    """On a phone the charts come again, fitted to its width, with no toolbar over their
    legends (the PNG and SVG buttons stay under each chart); on a projector the toolbar is
    there and the width script causes no second run."""
    page = session.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page = open_app(page, served.url + "/war_economy", charts=helpers.PAGES["war_economy"])
    page.wait_for_timeout(2500)
    assert runs_finished(page) == 1
    assert page.locator('[data-testid="stPlotlyChart"] .modebar').count() > 0
    phone = session.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone = open_on_phone(phone, served.url + "/war_economy", helpers.PAGES["war_economy"])
    assert runs_finished(phone) == 2
    # The trade chart's four panels stand in one column on the phone.
    lefts = phone.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .map(c => [...c.querySelectorAll('.draglayer .nsewdrag')]
                 .map(p => Math.round(p.getBoundingClientRect().left)))
                 .filter(xs => xs.length >= 4)"""
    )
    assert lefts and all(len(set(xs)) == 1 for xs in lefts), lefts
    assert phone.get_by_role("button", name=re.compile("PNG")).count() >= 1
    session.assert_clean()


def test_a_shared_links_dates_survive_the_phones_width_reports(
    served: AppServer, session: Session
) -> None:
    """The width script reports only once the first run is drawn: a report that came earlier
    made Streamlit draw the sidebar's date fields at their defaults (under load, about one
    visit in five), and the next rerun, such as a turned phone's, sent those defaults back."""
    phone = session.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    link = "/ceasefire?from=2025-03-01&to=2025-09-30&lang=en"
    phone = open_on_phone(phone, served.url + link, helpers.PAGES["ceasefire"])
    rerun(phone, lambda: phone.set_viewport_size({"width": 430, "height": 844}))
    query = phone.evaluate("() => Object.fromEntries(new URLSearchParams(location.search))")
    assert query == {"from": "2025-03-01", "to": "2025-09-30", "lang": "en"}
    session.assert_clean(tolerated=(GEO_REDRAW_ERROR,))


@pytest.mark.parametrize(
    ("page_name", "lang", "width"),
    [(name, lang, 1280) for name in CHART_PAGES for lang in ("ja", "en")]
    + [(name, "ja", 1024) for name in CHART_PAGES]
    + [(name, "latest", 1280) for name in CHART_PAGES]
    + [(name, lang, 390) for name in CHART_PAGES for lang in ("ja", "en")],
)
def test_legends_ticks_and_key_events_fit_their_charts(
    served: AppServer, session: Session, page_name: str, lang: str, width: int
) -> None:
    """At 1280 px (a projector) in the column beside the text, and at 1024 px where text and
    evidence stack: no legend entry covers another, no tick label covers its neighbour, and no
    legend entry or annotation (the key events' list) is cut off at the chart's edge. "latest":
    the follow-up layer in English, with its band, edges and extra legend entries."""
    charts = helpers.PAGES[page_name]
    query = {"en": "?lang=en", "latest": "?lang=en&asof=latest"}.get(lang, "")
    page = session.new_page()
    page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT.get(width, 720)})
    url = served.url + helpers.path(page_name) + query
    page = open_at_width(page, url, charts, width)
    entries = page.locator('[data-testid="stPlotlyChart"] .legend .traces').count()
    assert page.evaluate(LAYOUT_FAULTS) == []
    if page_name in ("war_economy", "dprk_russia"):
        assert entries > 10  # the check had legends to look at


def test_text_and_evidence_stack_at_1024_and_sit_side_by_side_at_1280(
    served: AppServer, session: Session
) -> None:
    def columns(width: int) -> list[dict[str, float]]:
        page = session.new_page()
        page.set_viewport_size({"width": width, "height": 768})
        page = open_app(page, served.url + "/war_economy", charts=helpers.PAGES["war_economy"])
        boxes = page.evaluate(
            """() => [...document.querySelector('[class*="st-key-segment_"]')
                       .querySelectorAll(`:scope > [data-testid="stLayoutWrapper"] >
                         [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]`)]
                     .map(c => { const r = c.getBoundingClientRect();
                                 return {left: r.left, top: r.top, width: r.width}; })"""
        )
        assert len(boxes) == 2, boxes
        return boxes

    text, evidence = columns(1024)
    assert evidence["top"] > text["top"] and abs(evidence["left"] - text["left"]) < 2
    assert evidence["width"] > 500  # the chart gets the page's width, not a third of it
    text, evidence = columns(1280)
    assert abs(evidence["top"] - text["top"]) < 2 and evidence["left"] > text["left"]
    session.assert_clean()


def test_positions_table_becomes_one_card_per_issue_on_a_phone(
    served: AppServer, session: Session
) -> None:
    def shown(width: int) -> tuple[bool, bool, str]:
        page = session.new_page()
        page.set_viewport_size({"width": width, "height": 844})
        page = open_at_width(page, served.url + "/ceasefire", helpers.PAGES["ceasefire"], width)
        table = page.locator('[class*="st-key-wide_table_positions_table"]')
        cards = page.locator('[class*="st-key-cards_positions_table"]')
        return table.is_visible(), cards.is_visible(), cards.inner_text() if cards.count() else ""

    table, cards, _ = shown(1280)
    assert table and not cards
    table, cards, text = shown(390)
    assert cards and not table
    for party in ("ロシア", "ウクライナ", "米国28項目案"):
        assert party in text  # every position stacked in its issue's card
    session.assert_clean(tolerated=(GEO_REDRAW_ERROR,))
