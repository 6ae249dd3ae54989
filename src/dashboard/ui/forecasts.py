"""「本章の見通しはどうなったか」: the chapter's forecasts beside what happened after its cut-off.

Shown only with the follow-up layer (``asof=latest``): a forecast's status rests on rows dated
after 31 December 2025, which the chapter's own view never shows. Each forecast appears with
its status (a word and a symbol, never colour alone), the day it was judged, why, and the
follow-up rows it rests on with their sources.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import claims
from dashboard.datasets.cached import evidence_index
from dashboard.i18n import Lang, format_date, label, t
from dashboard.state import ViewState
from dashboard.ui.common import evidence_lines, md_escape, panel
from dashboard.ui.tables import lazy_expander


def section(section_id: str, state: ViewState, terms: dict[str, str] | None = None) -> None:
    """The section's forecasts and how they fared (nothing in the chapter's own view);
    ``terms`` (language -> word): only those a page quotes, the forecasts that name it."""
    if not state.follow_up:
        return
    language = state.lang
    found_forecasts = claims.forecasts(claims.of_section(section_id))
    if terms:
        found_forecasts = tuple(claim for claim in found_forecasts if terms["ja"] in claim.text_ja)
    if not found_forecasts:
        return
    with panel(language):
        st.subheader(t("forecast.heading", language))
        st.caption(t("forecast.caption", language))
        found = evidence_index(language)
        for claim in found_forecasts:
            with st.container(border=True):
                st.markdown(
                    f"**{claim.status_text(language)}**　"
                    + t(
                        "forecast.as_of",
                        language,
                        date=format_date(claim.status_as_of, language),
                    )
                )
                st.markdown(f"> {md_escape(claim.text(language))}")
                st.markdown(md_escape(claim.status_note(language)))
                key = f"forecast.{claim.id}"
                opener = t("forecast.sources", language, n=len(claim.status_evidence))
                with lazy_expander(opener, key=key) as is_open:
                    if is_open:
                        lines = evidence_lines(claim.status_evidence, found, language)
                        st.markdown("\n".join(lines))


def table(language: Lang, *, why: bool = False) -> pd.DataFrame:
    """All forecasts as one table: section, forecast, status, judged on (and why)."""
    return pd.DataFrame(
        [
            {
                t("forecast.col_section", language): label("section", claim.section, language),
                t("forecast.col_forecast", language): claim.text(language),
                t("forecast.col_status", language): claim.status_text(language),
                t("forecast.col_as_of", language): format_date(claim.status_as_of, language),
                **({t("forecast.col_why", language): claim.status_note(language)} if why else {}),
            }
            for claim in claims.forecasts()
        ]
    )


def overview(state: ViewState) -> None:
    """The overview's summary of every forecast (follow-up layer only)."""
    if not state.follow_up:
        return
    language = state.lang
    with panel(language):
        st.subheader(t("forecast.heading", language))
        st.caption(t("forecast.caption", language) + t("forecast.overview_why", language))
        st.table(table(language).set_index(t("forecast.col_section", language)))
