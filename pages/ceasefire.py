"""Ceasefire negotiations: the chapter's section beside the 2025 track and the positions table."""

from dashboard.ui import common, controls, narrative
from dashboard.views import CEASEFIRE

lang = common.lang()
common.header(common.t("nav.ceasefire", lang), lang)
state = controls.page_state(CEASEFIRE, lang)
narrative.section("ceasefire", state, lang)
