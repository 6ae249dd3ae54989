"""Data and sources: every dataset's description, fields, licence, sources and download; errata."""

from dashboard.ui import common, controls, sources
from dashboard.views import DATA_SOURCES

lang = common.lang()
common.header(common.t("nav.data_sources", lang), lang)
controls.page_state(DATA_SOURCES, lang)
sources.datasets(lang)
sources.errata(lang)
