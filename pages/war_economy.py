"""Russia's war economy: the chapter's section beside GDP growth, the key rate and other series."""

from dashboard.ui import common, controls, narrative
from dashboard.views import WAR_ECONOMY

lang = common.lang()
common.header(common.t("nav.war_economy", lang), lang)
state = controls.page_state(WAR_ECONOMY, lang)
narrative.section("war_economy", state, lang)
