"""Sanctions timeline: all measures by jurisdiction and type over time, with counts per quarter."""

from dashboard.ui import common, controls, narrative, panels
from dashboard.views import SANCTIONS

lang = common.lang()
common.header(common.t("nav.sanctions", lang), lang)
state = controls.page_state(SANCTIONS, lang)
narrative.quote("war_economy", {"ja": "制裁", "en": "sanction"}, lang)
panels.sanctions_lanes(state, lang)
panels.sanctions_counts(state, lang)
