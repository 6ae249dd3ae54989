"""Sanctions timeline: all measures by jurisdiction and type over time, with counts per quarter."""

from dashboard.datasets import REGISTRY
from dashboard.ui import common, controls, forecasts, narrative, panels, since
from dashboard.views import SANCTIONS

TERMS = {"ja": "制裁", "en": "sanction"}
state, notices = controls.page_state(SANCTIONS)
common.header(common.t("nav.sanctions", state.lang), state, notices)
since.since_panel(
    [s.id for s in REGISTRY.values() if s.page == "sanctions"], state, key="sanctions"
)
narrative.quote("war_economy", TERMS, state.lang)
forecasts.section("war_economy", state, TERMS)
panels.PANELS["sanctions_lanes"](state, state.lang)
panels.PANELS["sanctions_counts"](state, state.lang)
