"""Sanctions timeline: all measures by jurisdiction and type over time, with counts per quarter."""

from dashboard.ui import common, controls, narrative, panels
from dashboard.views import SANCTIONS

state, notices = controls.page_state(SANCTIONS)
common.header(common.t("nav.sanctions", state.lang), state, notices)
narrative.quote("war_economy", {"ja": "制裁", "en": "sanction"}, state.lang)
panels.PANELS["sanctions_lanes"](state, state.lang)
panels.PANELS["sanctions_counts"](state, state.lang)
