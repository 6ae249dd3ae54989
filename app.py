"""Router: page config and navigation over pages/ (titles in the session's language)."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui.common import lang

language = lang()
st.set_page_config(page_title=t("app.title", language), page_icon="📘", layout="wide")
PAGES = [
    ("pages/overview.py", "overview"),
    ("pages/ceasefire.py", "ceasefire"),
    ("pages/war_economy.py", "war_economy"),
    ("pages/sanctions.py", "sanctions"),
    ("pages/dprk_russia.py", "dprk_russia"),
    ("pages/recommendations.py", "recommendations"),
    ("pages/briefing.py", "briefing"),
    ("pages/data_sources.py", "data_sources"),
]
#: Reached from a link on Data and sources, not from the menu.
HIDDEN = [("pages/accessibility.py", "accessibility")]
st.navigation(
    [
        st.Page(path, title=t(f"nav.{key}", language), url_path=key, default=key == "overview")
        for path, key in PAGES
    ]
    + [
        st.Page(path, title=t(f"nav.{key}", language), url_path=key, visibility="hidden")
        for path, key in HIDDEN
    ]
).run()
