"""Ceasefire negotiations: the chapter's section beside the 2025 track and the positions table."""

from dashboard.ui import common, controls, narrative
from dashboard.views import CEASEFIRE

state, notices = controls.page_state(CEASEFIRE)
common.header(common.t("nav.ceasefire", state.lang), state, notices)
narrative.section("ceasefire", state, state.lang)
