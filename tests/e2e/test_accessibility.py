"""JIS X 8341-3 / WCAG 2.2 AA in the browser: axe-core finds no violation on any page in either
language (presentation mode included), and <html lang> names the language the page shows.

axe-core runs from the copy shipped inside the axe-playwright-python package, so the check
needs no network access (every request but the loopback one is blocked here).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from dashboard.i18n import t
from tests.e2e import helpers
from tests.e2e.harness import AppServer, Session, open_app, rerun

pytestmark = pytest.mark.e2e

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CASES = [(page, "ja") for page in helpers.PAGES] + [
    ("overview", "en"),
    ("war_economy", "en"),
    ("recommendations", "en"),
]


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [
        f"{item['id']} ({item['impact']}): {node['target']} {node.get('failureSummary', '')[:160]}"
        for item in result.response["violations"]
        for node in item["nodes"][:3]
    ]


@pytest.mark.parametrize(("page_name", "lang"), CASES)
def test_page_is_axe_clean_and_declares_its_language(
    served: AppServer, session: Session, page_name: str, lang: str
) -> None:
    query = "" if lang == "ja" else "?lang=en"
    page = open_app(
        session.new_page(),
        served.url + helpers.path(page_name) + query,
        charts=helpers.PAGES[page_name],
    )
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    assert _violations(page) == []
    session.assert_clean()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_accessibility_statement_is_linked_axe_clean_and_in_its_language(
    served: AppServer, session: Session, lang: str
) -> None:
    page = open_app(session.new_page(), served.url + f"/data_sources?lang={lang}")
    link = page.locator('[data-testid="stPageLink"] a', has_text="JIS X 8341-3")
    link.click()
    page.wait_for_function("() => location.pathname === '/accessibility'")
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.locator("h2").first.wait_for()
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "WCAG 2.2" in text and "axe-core" in text
    assert _violations(page) == []
    session.assert_clean()


@pytest.mark.parametrize(("page_name", "lang"), [("ceasefire", "ja"), ("sanctions", "en")])
def test_opened_footnotes_and_table_views_are_axe_clean(
    served: AppServer, session: Session, page_name: str, lang: str
) -> None:
    """What a reader opens is checked too: the footnotes under the claims (links and source
    tiers in body text) and a table view with its downloads."""
    query = "" if lang == "ja" else "?lang=en"
    page = open_app(
        session.new_page(),
        served.url + helpers.path(page_name) + query,
        charts=helpers.PAGES[page_name],
    )
    opened = 0
    for label in (t("page.footnotes_open", lang, marks=""), t("table.show", lang)):  # type: ignore[arg-type]
        summary = page.locator('[data-testid="stExpander"] summary', has_text=label.strip()[:6])
        if summary.count():
            rerun(page, summary.first.click)
            opened += 1
    assert opened == 2, "a footnote list and a table view were opened"
    page.locator('[data-testid="stExpander"] a[href^="http"]').first.wait_for()
    assert _violations(page) == []
    session.assert_clean()


@pytest.mark.parametrize("key", ["title", "ceasefire_timeline", "positions_table", "sources"])
def test_presentation_mode_is_axe_clean(served: AppServer, session: Session, key: str) -> None:
    from dashboard.slides import CATALOGUE
    from dashboard.views import CEASEFIRE

    number = CEASEFIRE.steps(False).index((key, 1)) + 1
    charts = 1 if CATALOGUE[key].kind == "chart" else 0
    url = served.url + f"/ceasefire?present=1&lang=en&slide={number}"
    page = open_app(session.new_page(), url, charts=charts)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert _violations(page) == []
    session.assert_clean()


FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const owner = e.closest('[data-testid]');
  return {
    testid: owner ? owner.getAttribute('data-testid') : '',
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none',
  };
}"""


def test_every_control_is_reached_by_tab_with_a_visible_focus_and_no_trap(
    served: AppServer, session: Session
) -> None:
    """Tab from the top of the page reaches the menu, the language switch, the toggles, the
    slider, the date fields, the category filters and pickers, the search, the buttons, the
    charts' tools and the table views, each showing where the focus is; and Tab goes on round
    to the top again (no trap)."""
    page = open_app(
        session.new_page(), served.url + "/sanctions?lang=en", charts=helpers.PAGES["sanctions"]
    )
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if len(stops) > 5 and stops[-1] and stops[-1]["testid"] == "stSkipToContent":
            break
    else:
        raise AssertionError("Tab never came round to the top again: a focus trap")
    reached = {stop["testid"] for stop in stops if stop}
    wanted = {
        "stSidebarNavLink",
        "stButtonGroup",
        "stCheckbox",
        "stSlider",
        "stDateInputFieldsScroller",
        "stSelectbox",
        "stTextInputField",
        "stBaseButton-secondary",
        "stPlotlyChart",
        "stExpander",
    }
    assert wanted <= reached, wanted - reached
    unringed = {
        stop["testid"]
        for stop in stops
        if stop and not stop["ring"] and stop["testid"] not in ("stSelectbox", "stTextInputField")
    }
    # Inputs show focus by their field's border; everything else by an outline or a ring.
    assert unringed <= {"stMain"}, unringed
    session.assert_clean()


@pytest.mark.parametrize(
    ("page_name", "query"),
    [
        ("ceasefire", "?asof=latest&since=2026-02-01"),
        ("overview", "?asof=latest&lang=en"),
        ("war_economy", "?asof=latest&lang=en"),
    ],
)
def test_the_follow_up_layer_is_axe_clean(
    served: AppServer, session: Session, page_name: str, query: str
) -> None:
    """The layer's banner, the forecasts' panels and table, the "new since" box and the
    charts' band and edges pass the same test as the chapter's view."""
    page = open_app(
        session.new_page(),
        served.url + helpers.path(page_name) + query,
        charts=helpers.PAGES[page_name],
    )
    page.locator('[data-testid="stAlert"]').first.wait_for()
    assert _violations(page) == []
    session.assert_clean()


def test_presentation_modes_forecasts_slide_is_axe_clean(
    served: AppServer, session: Session
) -> None:
    from dashboard.views import CEASEFIRE

    number = CEASEFIRE.steps(True).index(("forecasts", 1)) + 1
    url = served.url + f"/ceasefire?present=1&asof=latest&slide={number}"
    page = open_app(session.new_page(), url, charts=0)
    page.get_by_text(t("forecast.heading", "ja")).first.wait_for()
    assert _violations(page) == []
    session.assert_clean()
