"""Overview: the chapter, its argument, key figures and one timeline of all four datasets."""

from dashboard.ui import common, controls, overview, panels
from dashboard.views import OVERVIEW

lang = common.lang()
overview.title_block(lang)
state = controls.page_state(OVERVIEW, lang)
overview.argument(lang)
overview.key_figures(lang)
panels.combined_timeline(state, lang)
