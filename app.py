"""Router: page config, the shared language switch, and navigation over pages/."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui.common import language_switch

st.set_page_config(page_title="Russia–Ukraine War Briefing", page_icon="📘", layout="wide")
lang = language_switch()
navigation = st.navigation(
    [
        st.Page(
            "pages/overview.py", title=t("nav.overview", lang), url_path="overview", default=True
        ),
        st.Page("pages/ceasefire.py", title=t("nav.ceasefire", lang), url_path="ceasefire"),
        st.Page("pages/war_economy.py", title=t("nav.war_economy", lang), url_path="war_economy"),
        st.Page("pages/sanctions.py", title=t("nav.sanctions", lang), url_path="sanctions"),
        st.Page("pages/dprk_russia.py", title=t("nav.dprk_russia", lang), url_path="dprk_russia"),
        st.Page(
            "pages/recommendations.py",
            title=t("nav.recommendations", lang),
            url_path="recommendations",
        ),
        st.Page(
            "pages/data_sources.py", title=t("nav.data_sources", lang), url_path="data_sources"
        ),
    ]
)
navigation.run()
