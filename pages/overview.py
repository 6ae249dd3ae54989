"""Overview: the chapter, its argument, key figures and one timeline of all four datasets."""

from dashboard.ui import common, controls, overview, panels
from dashboard.views import OVERVIEW

state, notices = controls.page_state(OVERVIEW)
overview.title_block(state.lang)
common.show_notices(notices, state.lang)
common.japan_notice(state.lang, state.japan)
overview.argument(state.lang)
overview.key_figures(state.lang)
panels.combined_timeline(state, state.lang)
