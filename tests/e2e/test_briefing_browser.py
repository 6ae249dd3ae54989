"""The briefing in Chromium: presentation mode on a 1280×720 and a 1024×768 projector (no
scrolling, controls on screen, a clicker's keys step the slides and the URL), the HTML
briefing opened from a file with every network request blocked, and the builder's share box.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from dashboard import geo
from dashboard.briefing import build_html
from dashboard.slides import CATALOGUE
from dashboard.state import default_state, parse
from dashboard.views import BRIEFING, CEASEFIRE
from tests.e2e.harness import (
    AppServer,
    Session,
    _wait_for_run,
    open_app,
    rerun,
    wait_for_charts,
)

pytestmark = pytest.mark.e2e


def settle(page: Page) -> None:
    """Under load the last run's elements can stand a moment after the run ended (Streamlit
    replaces them as the new ones arrive): give the slide up to 5 s to fit before measuring."""
    with contextlib.suppress(PlaywrightTimeoutError):  # measured and reported below
        page.wait_for_function(
            f"() => {{ const f = ({FITS})(); return f.overflow <= 1 && f.below <= 0; }}",
            timeout=5_000,
        )


FITS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const buttons = [...document.querySelectorAll('[data-testid="stMain"] button')]
    .filter(b => /次へ|Next|前へ|Previous|終了|Exit/.test(b.innerText));
  return {
    overflow: main.scrollHeight - main.clientHeight,
    buttons: buttons.length,
    below: Math.max(0, ...buttons.map(b => b.getBoundingClientRect().bottom - innerHeight)),
  };
}"""
SMALLEST_TICK = """() => {
  const texts = [...document.querySelectorAll('.xtick text, .ytick text, .legendtext')];
  return texts.length ? Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize))) : 0;
}"""


def _step(key: str) -> int:
    return CEASEFIRE.steps(False).index((key, 1)) + 1


def _presented(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for the run that follows the window's height being reported (presentation mode
    redraws the slide at that height), then for the slide's controls."""
    # The page's second run since it loaded: the script reports the height once the first run
    # is drawn (its key listener is in place by then), possibly while open_app waited for the
    # charts. 15 s is only for a loaded machine.
    _wait_for_run(page, 1, 15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMain\"] button')]"
        ".filter(b => /次へ|Next/.test(b.textContent)).length === 1"
    )


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1024, 768)])
def test_presentation_mode_fits_the_projector(
    served: AppServer, session: Session, width: int, height: int
) -> None:
    page = session.new_page()
    page.set_viewport_size({"width": width, "height": height})
    steps = CEASEFIRE.steps(False)
    chosen = ["title", "summary", "numbers", "ceasefire_timeline", "oblast_map", "trade_partners"]
    chosen += ["dprk_lanes", "dprk_links_map", "japan_track", "recommendations", "sources"]
    cases = [("ja", steps.index((key, 1)) + 1) for key in chosen]
    if width == 1024:  # the narrower screen: every issue of the positions table, in English
        cases += [
            ("en", n) for n, (key, _) in enumerate(steps, start=1) if key == "positions_table"
        ]
    for lang, number in cases:
        key = steps[number - 1][0]
        charts = 1 if CATALOGUE[key].kind == "chart" else 0
        url = served.url + f"/ceasefire?present=1&slide={number}&lang={lang}"
        open_app(page, url, charts=charts)
        _presented(page)
        # The slide is redrawn at the window's height: let a map finish drawing before the
        # next slide is opened (plotly throws if its geo subplot is torn down mid-draw).
        wait_for_charts(page, charts)
        page.wait_for_timeout(300)
        settle(page)
        fits = page.evaluate(FITS)
        assert fits["buttons"] == 3, key
        assert fits["overflow"] <= 1 and fits["below"] <= 0, (lang, number, key, fits)
        if charts:
            assert page.evaluate(SMALLEST_TICK) >= 18, key  # legends and ticks for the room
    session.assert_clean()


def test_a_clickers_keys_step_the_slides_and_the_url_follows(
    served: AppServer, session: Session
) -> None:
    page = session.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, served.url + "/ceasefire?present=1&lang=en")
    _presented(page)
    for key, expected in (
        ("ArrowRight", 2),
        ("PageDown", 3),
        ("Space", 4),
        ("ArrowLeft", 3),
        ("PageUp", 2),
        ("Shift+Space", 1),
    ):
        rerun(page, lambda key=key: page.keyboard.press(key))
        page.wait_for_function(
            f"() => new URLSearchParams(location.search).get('slide') === "
            f"{'null' if expected == 1 else repr(str(expected))}"
            if expected != 1
            else "() => !new URLSearchParams(location.search).get('slide')"
        )
    # a link copied mid-presentation opens that slide
    rerun(page, lambda: page.keyboard.press("ArrowRight"))
    page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '2'")
    copied = page.url
    other = session.new_page()
    other.set_viewport_size({"width": 1280, "height": 720})
    open_app(other, copied)
    _presented(other)
    title = CATALOGUE["summary"].title("en")
    assert other.locator("h1", has_text=title).count() == 1
    session.assert_clean()


def test_the_html_briefing_shows_its_charts_with_the_network_blocked(
    session: Session, tmp_path: Path
) -> None:
    state = parse({"lang": "en"}, BRIEFING)[0]
    path = tmp_path / "briefing.html"
    path.write_bytes(build_html(state, "en"))
    charts = sum(1 for key in (state.deck or ()) if key) or sum(
        1 for key in default_state(BRIEFING).deck or ()
    )
    requested: list[str] = []
    page = session.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file://")
            else (requested.append(route.request.url), route.abort())
        ),
    )
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0", timeout=30000
    )
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('.chart .js-plotly-plot')]"
        ".filter(p => p.querySelector("
        "'.scatterlayer .point, .barlayer .point, .choroplethlocation')).length"
    )
    expected = len(re.findall(r"Plotly\.newPlot\(", path.read_text(encoding="utf-8")))
    assert expected == 9 and drawn == expected, (drawn, expected, charts)  # the maps too
    assert requested == []  # nothing was even asked for outside the file
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_share_box_copies_the_link_and_shows_its_qr_code(
    served: AppServer, session: Session
) -> None:
    session.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = open_app(
        session.new_page(), served.url + "/briefing?lang=en&slides=title,gdp_growth,sources"
    )
    page.get_by_text("Share this view").click()
    page.get_by_role("button", name="Copy link").click()
    page.get_by_text("Copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "slides=title%2Cgdp_growth%2Csources" in copied and copied.startswith(served.url)
    qr = page.get_by_alt_text("QR code of this view's link")
    expect(qr).to_have_count(1)  # drawn in the share box, perhaps a moment after the run
    session.assert_clean()


@pytest.mark.parametrize(("page_name", "lang"), [("ceasefire", "en"), ("dprk_russia", "en")])
def test_the_maps_draw_offline_from_the_apps_own_outline_files(
    served: AppServer, session: Session, page_name: str, lang: str
) -> None:
    """Every request but the app's is blocked: the maps draw their outlines from the app."""
    from tests.e2e import helpers

    fetched: list[str] = []
    page = session.new_page()
    page.on("request", lambda request: fetched.append(request.url))
    charts = helpers.PAGES[page_name]
    open_app(page, served.url + f"/{page_name}?lang={lang}", charts=charts)
    maps = page.locator('[data-testid="stPlotlyChart"]:has(.geolayer)')
    assert maps.count() >= 1
    for index in range(maps.count()):
        drawn = maps.nth(index).locator(".geolayer path.countries, .choroplethlocation, .point")
        assert drawn.count() > 0, index
    assert any(url.endswith(f"/app/static/geo/{geo.WORLD}.json") for url in fetched)
    assert session.blocked == []  # nothing asked of a CDN
    session.assert_clean()
