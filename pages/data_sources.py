"""Data and sources: what every dataset rests on, its fields, sources and download; the publisher
registry and the claims table; the errata of the chapter text."""

from dashboard.datasets import REGISTRY
from dashboard.ui import common, controls, since, sources
from dashboard.views import DATA_SOURCES

state, notices = controls.page_state(DATA_SOURCES)
common.header(common.t("nav.data_sources", state.lang), state, notices)
since.since_panel(list(REGISTRY), state, key="data_sources")
sources.datasets(state.lang)
sources.reference_tables(state.lang)
sources.errata(state.lang)
common.accessibility_link(state.lang)
