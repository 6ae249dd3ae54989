"""Every page through Streamlit's AppTest: renders, narrative and chart present, filters work."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.paths import PROJECT_DIR

PAGES = [
    "pages/overview.py",
    "pages/ceasefire.py",
    "pages/war_economy.py",
    "pages/sanctions.py",
    "pages/dprk_russia.py",
    "pages/recommendations.py",
    "pages/data_sources.py",
]


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "app.py"), default_timeout=90)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page: str) -> None:
    at = open_page(page)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
