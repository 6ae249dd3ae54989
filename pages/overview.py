"""Overview: the chapter, its argument, key figures and one timeline of all four datasets."""

from dashboard.datasets import REGISTRY
from dashboard.ui import common, controls, forecasts, overview, panels, since
from dashboard.views import OVERVIEW

state, notices = controls.page_state(OVERVIEW)
overview.title_block(state.lang, follow_up=state.follow_up)
common.layer_notice(state)
common.show_notices(notices, state.lang)
common.japan_notice(state.lang, state.japan)
since.since_panel(list(REGISTRY), state, key="overview")
overview.argument(state.lang)
forecasts.overview(state)
overview.key_figures(state)
panels.combined_timeline(state, state.lang)
