"""Data and sources: every dataset's description, fields, licence, sources and download; errata."""

from dashboard.ui import common, controls, sources
from dashboard.views import DATA_SOURCES

state, notices = controls.page_state(DATA_SOURCES)
common.header(common.t("nav.data_sources", state.lang), state.lang, notices)
sources.datasets(state.lang)
sources.errata(state.lang)
