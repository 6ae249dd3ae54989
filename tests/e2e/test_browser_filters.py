"""Filters, shared links, the language switch and downloads, driven in headless Chromium."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page

from dashboard.i18n import label as code_label
from dashboard.i18n import t
from tests.e2e import helpers
from tests.e2e.harness import (
    RUN_COUNTER,
    AppServer,
    Session,
    open_app,
    rerun,
    runs_finished,
    wait_for_charts,
)

pytestmark = pytest.mark.e2e

SANCTIONS_CHARTS = helpers.PAGES["sanctions"]


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_date_range_updates_chart_and_url_and_the_link_restores_it(
    served: AppServer, session: Session
) -> None:
    page = open_app(session.new_page(), served.url + "/sanctions", charts=SANCTIONS_CHARTS)
    shown_before, total = helpers.showing(page)
    points_before = helpers.plotted_points(page)
    assert shown_before == total > 0
    assert points_before == shown_before  # one marker per measure
    assert "from" not in query(page) and "to" not in query(page)

    helpers.type_date(page, 0, "2024-01-15")
    rerun(page, lambda: helpers.blur(page))
    helpers.type_date(page, 1, "2025-06-30")
    rerun(page, lambda: helpers.blur(page))
    page.wait_for_function("() => location.search.includes('to=2025-06-30')")

    shown_after, total_after = helpers.showing(page)
    assert total_after == total
    assert 0 < shown_after < shown_before
    page.wait_for_function(  # the timeline redrawn with one marker per measure shown
        """n => document.querySelector('[data-testid="stPlotlyChart"]')
                 .querySelectorAll('.scatterlayer .point').length === n""",
        arg=shown_after,
    )
    assert shown_after != points_before
    assert query(page)["from"] == ["2024-01-15"]
    assert query(page)["to"] == ["2025-06-30"]
    helpers.expect_date(page, 0, "2024-01-15")
    helpers.expect_date(page, 1, "2025-06-30")
    shared = page.url
    ids = sorted(helpers.plotted_ids(page))
    session.assert_clean()

    # The link in a fresh browser context (no cookies, no session) shows the same view.
    other = session.context.browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[union-attr]
    try:
        other.add_init_script(RUN_COUNTER)
        fresh = open_app(other.new_page(), shared, charts=SANCTIONS_CHARTS)
        assert helpers.showing(fresh) == (shown_after, total)
        assert helpers.plotted_points(fresh) == shown_after
        assert sorted(helpers.plotted_ids(fresh)) == ids
        helpers.expect_date(fresh, 0, "2024-01-15")
        helpers.expect_date(fresh, 1, "2025-06-30")
        helpers.expect_slider(fresh, ["2024-01-15", "2025-06-30"])
        assert query(fresh) == query(page)
    finally:
        other.close()


def test_language_switch_changes_text_and_url_and_keeps_filters(
    served: AppServer, session: Session
) -> None:
    page = open_app(
        session.new_page(), served.url + "/sanctions?from=2024-01-15", charts=SANCTIONS_CHARTS
    )
    counts = helpers.showing(page)
    assert page.locator("h1").first.inner_text() == t("nav.sanctions", "ja")
    assert "lang" not in query(page)

    english = page.locator(
        '[data-testid="stSidebar"] [data-testid="stButtonGroup"] button', has_text="English"
    )
    rerun(page, english.click)
    page.wait_for_function("() => location.search.includes('lang=en')")

    assert page.locator("h1").first.inner_text() == t("nav.sanctions", "en")
    assert helpers.nav_titles(page) == [t(f"nav.{name}", "en") for name in helpers.PAGES]
    assert helpers.narrative_snippet("sanctions", "en") in helpers.main_text(page)
    assert re.search(r"Showing \d+ of \d+", helpers.main_text(page))
    assert helpers.showing(page) == counts  # same rows, other language
    assert query(page)["lang"] == ["en"]
    assert query(page)["from"] == ["2024-01-15"]
    session.assert_clean()


def test_a_typed_date_applies_on_enter(served: AppServer, session: Session) -> None:
    page = open_app(session.new_page(), served.url + "/sanctions?lang=en", charts=SANCTIONS_CHARTS)
    shown_before, total = helpers.showing(page)
    helpers.type_date(page, 0, "2024-01-15")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    rerun(page, lambda: page.keyboard.press("Enter"))
    assert query(page)["from"] == ["2024-01-15"]
    shown_after, total_after = helpers.showing(page)
    assert 0 < shown_after < shown_before and total_after == total
    # the focus stays in the field, so a keyboard user goes on from where they were
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == focused
    session.assert_clean()


def test_filters_survive_a_visit_to_another_page(served: AppServer, session: Session) -> None:
    page = open_app(
        session.new_page(),
        served.url + "/sanctions?lang=en&from=2024-01-15&jur=JP,EU",
        charts=SANCTIONS_CHARTS,
    )
    counts = helpers.showing(page)
    link = page.locator('[data-testid="stSidebarNavLink"]', has_text=t("nav.overview", "en"))
    rerun(page, link.click)
    page.wait_for_function("() => location.pathname === '/'")
    assert "from" not in query(page)  # the overview keeps its own view

    link = page.locator('[data-testid="stSidebarNavLink"]', has_text=t("nav.sanctions", "en"))
    rerun(page, link.click)
    wait_for_charts(page, SANCTIONS_CHARTS)
    assert helpers.showing(page) == counts
    assert query(page)["from"] == ["2024-01-15"]
    assert query(page)["jur"] == ["EU,JP"]
    assert query(page)["lang"] == ["en"]
    session.assert_clean()


def _download_csv(page: Page, button: Locator) -> tuple[str, bytes]:
    """Click a CSV download (it only downloads: the page does not rerun)."""
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, so Excel reads the Japanese
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_download_has_the_rows_shown(served: AppServer, session: Session) -> None:
    page = open_app(
        session.new_page(),
        served.url + "/sanctions?lang=en&from=2024-01-15",
        charts=SANCTIONS_CHARTS,
    )
    shown, total = helpers.showing(page)
    assert 0 < shown < total  # a filtered view, so a download of everything would fail
    chart_ids = sorted(helpers.plotted_ids(page))

    expander = page.locator('[data-testid="stExpander"]', has_text=t("table.show", "en")).first
    # Opening the table view reruns the script; the download is clicked once that run is
    # over, as a reader would (a click during a run can race the run's own redraw).
    rerun(page, lambda: expander.locator("summary").click())
    downloads = expander.locator('[data-testid="stDownloadButton"] button')
    raw_button = downloads.filter(has_text=t("table.download_raw", "en"))
    shown_button = downloads.filter(has_text=t("table.download_shown", "en"))
    raw_button.wait_for()
    assert downloads.count() == 2
    assert expander.get_by_text(t("table.download_note", "en")).is_visible()

    runs = runs_finished(page)
    raw_name, raw_data = _download_csv(page, raw_button)
    assert raw_name == "sanctions_timeline_filtered_chapter_raw.csv"  # the layer it holds
    raw = _csv_rows(raw_data)
    assert len(raw) == shown
    assert {row["layer"] for row in raw} == {"chapter"}
    assert sorted(row["id"] for row in raw) == chart_ids
    assert all("2024-01-15" <= row["date"] <= "2025-12-31" for row in raw)
    assert {"jurisdiction", "measure_type", "title_ja", "title_en"} <= set(raw[0])

    shown_name, shown_data = _download_csv(page, shown_button)
    assert shown_name == "sanctions_timeline_filtered_chapter_shown_en.csv"
    table = _csv_rows(shown_data)
    assert len(table) == shown
    headers = ["table.date", "filter.jurisdiction", "filter.measure_type", "table.title"]
    assert list(table[0])[:4] == [t(key, "en") for key in headers]
    assert "id" not in table[0] and "measure_type" not in table[0]
    # Row for row the raw rows, with labels where the raw file has codes.
    measure = t("filter.measure_type", "en")
    codes = {row["measure_type"] for row in raw}
    assert [row[measure] for row in table] == [
        code_label("measure_type", row["measure_type"], "en") for row in raw
    ]
    assert not codes & {row[measure] for row in table}
    assert [row[t("table.title", "en")] for row in table] == [row["title_en"] for row in raw]
    # The downloads did not rerun the page (nothing to redraw; a rerun could revoke the file).
    assert runs_finished(page) == runs
    session.assert_clean()


def test_an_open_table_view_stays_open_when_the_filters_change(
    served: AppServer, session: Session
) -> None:
    """Table views are built only while open; a filter change (new count in the label, so a
    new expander) keeps an open one open, with the table and its download."""
    page = open_app(session.new_page(), served.url + "/sanctions?lang=en", charts=SANCTIONS_CHARTS)
    label = t("table.show", "en")
    expander = page.locator('[data-testid="stExpander"]', has_text=label).first
    assert expander.locator('[data-testid="stDataFrame"]').count() == 0  # closed: not built
    rerun(page, lambda: expander.locator("summary").click())
    expander.locator('[data-testid="stDataFrame"]').wait_for()
    shown_before, _ = helpers.showing(page)
    assert f"· {shown_before}" in expander.locator("summary").inner_text()

    helpers.type_date(page, 0, "2024-01-15")
    rerun(page, lambda: helpers.blur(page))
    shown_after, _ = helpers.showing(page)
    assert 0 < shown_after < shown_before
    summary = expander.locator("summary")
    assert f"· {shown_after}" in summary.inner_text()
    expander.locator('[data-testid="stDataFrame"]').wait_for()
    assert expander.locator('[data-testid="stDownloadButton"]').count() == 2  # raw, shown
    session.assert_clean()


DECK_LABEL = re.compile(r"pptx|powerpoint|deck|slides|スライド|ブリーフィング資料", re.IGNORECASE)


def test_deck_download_is_a_presentation(served: AppServer, session: Session) -> None:
    """The briefing deck download, found by its label on whichever page offers it."""
    page = open_app(session.new_page(), served.url + "/")
    found = None
    for name in helpers.PAGES:
        if name != "overview":  # move through the sidebar, as a user does (no reload)
            link = page.locator('[data-testid="stSidebarNavLink"]', has_text=t(f"nav.{name}", "ja"))
            rerun(page, link.click)
        page.wait_for_timeout(300)  # download buttons mount just after the run
        buttons = page.locator('[data-testid="stDownloadButton"] button', has_text=DECK_LABEL)
        if buttons.count():
            found = buttons.first
            break
    assert found is not None, f"no deck download button (label matching {DECK_LABEL.pattern})"

    with page.expect_download(timeout=120_000) as download_info:
        found.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pptx")
    with zipfile.ZipFile(download.path()) as deck:
        names = deck.namelist()
    assert "ppt/presentation.xml" in names
    assert any(re.fullmatch(r"ppt/slides/slide\d+\.xml", name) for name in names)
    session.assert_clean()
