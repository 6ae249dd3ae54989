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
