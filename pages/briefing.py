"""Briefing builder: the slides of the deck, handout, HTML briefing and presentation mode."""

from dashboard.ui import builder, common, controls
from dashboard.views import BRIEFING

state, notices = controls.page_state(BRIEFING)
common.header(common.t("nav.briefing", state.lang), state, notices)
builder.intro(state.lang)
builder.builder(BRIEFING, state)
