"""Policy recommendations: each recommendation beside the evidence panels it rests on."""

from dashboard.ui import common, controls, narrative
from dashboard.views import RECOMMENDATIONS

state, notices = controls.page_state(RECOMMENDATIONS)
common.header(common.t("nav.recommendations", state.lang), state, notices)
narrative.section("recommendations", state, state.lang)
