"""Every page in headless Chromium, offline: charts with data, narrative text, fonts, no errors.

Every browser context in these tests aborts requests to any host but the loopback one (see
conftest), and ``assert_clean`` fails if even one was attempted: so each page rendering here
is also each page rendering without network access.
"""

from __future__ import annotations

import pytest

from tests.e2e import helpers
from tests.e2e.harness import AppServer, Session, open_app

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
                  && document.querySelectorAll('[data-testid="stDownloadButton"]').length >= 7"""
        )  # at least the errata table; one CSV download per dataset
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
#: overlap one another, and entries or annotations that run out of their chart.
LAYOUT_FAULTS = """() => {
  const faults = [];
  document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((chart, number) => {
    const box = chart.querySelector('svg.main-svg').getBoundingClientRect();
    const entries = [...chart.querySelectorAll('.legend .traces')].map(entry => {
      const r = entry.getBoundingClientRect();
      return {name: entry.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    });
    entries.forEach((a, i) => {
      if (a.right > box.right + 1) faults.push(`chart ${number}: legend "${a.name}" runs out`);
      entries.slice(i + 1).forEach(b => {
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 2 && y > 2) faults.push(`chart ${number}: "${a.name}" overlaps "${b.name}"`);
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


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page_name", [name for name, charts in helpers.PAGES.items() if charts])
def test_legends_and_key_events_fit_their_charts_at_1280(
    served: AppServer, session: Session, page_name: str, lang: str
) -> None:
    """At 1280 px (a projector), in the column beside the text: no legend entry covers another
    and no legend entry or annotation (the key events' list) is cut off at the chart's edge."""
    charts = helpers.PAGES[page_name]
    query = "?lang=en" if lang == "en" else ""
    page = open_app(session.new_page(), served.url + helpers.path(page_name) + query, charts=charts)
    entries = page.locator('[data-testid="stPlotlyChart"] .legend .traces').count()
    assert page.evaluate(LAYOUT_FAULTS) == []
    if page_name in ("war_economy", "dprk_russia"):
        assert entries > 10  # the check had legends to look at
