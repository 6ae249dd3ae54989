"""Russia's war economy: the chapter's section beside GDP growth, the key rate and other series."""

from dashboard.ui import common, controls, narrative
from dashboard.views import WAR_ECONOMY

state, notices = controls.page_state(WAR_ECONOMY)
common.header(common.t("nav.war_economy", state.lang), state, notices)
narrative.section("war_economy", state, state.lang)
