"""Accessibility: the standard and level targeted, what was tested, how and when, the results
and the known exceptions (the statement JIS X 8341-3 and the MIC guideline ask for)."""

from dashboard.ui import common, controls, narrative
from dashboard.views import ACCESSIBILITY

state, notices = controls.page_state(ACCESSIBILITY)
common.header(common.t("nav.accessibility", state.lang), state, notices)
narrative.statement("accessibility", state.lang)
