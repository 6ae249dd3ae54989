"""Policy recommendations: each recommendation beside the evidence panels it rests on."""

from dashboard.ui import common, controls, narrative
from dashboard.views import RECOMMENDATIONS

lang = common.lang()
common.header(common.t("nav.recommendations", lang), lang)
state = controls.page_state(RECOMMENDATIONS, lang)
narrative.section("recommendations", state, lang)
