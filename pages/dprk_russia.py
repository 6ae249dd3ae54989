"""Russia–DPRK relations: the chapter's section beside the milestones by domain."""

from dashboard.ui import common, controls, narrative
from dashboard.views import DPRK_RUSSIA

state, notices = controls.page_state(DPRK_RUSSIA)
common.header(common.t("nav.dprk_russia", state.lang), state, notices)
narrative.section("dprk_russia", state, state.lang)
