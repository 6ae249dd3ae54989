"""What each page lets the user choose: its date bounds, filters, search and overlays.

Shared by the pages, the URL parser's tests and the briefing export, so they cannot disagree.
"""

from __future__ import annotations

from datetime import date

from dashboard.datasets import ceasefire_talks, dprk_russia_milestones, sanctions_timeline
from dashboard.slides import SECTIONS
from dashboard.state import FilterSpec, ViewSpec

AS_OF = date(2025, 12, 31)
LANES = ("ceasefire", "sanctions", "economy", "dprk")
#: Presentation mode steps through the briefing sections; ``slide`` in the URL counts them.
SLIDES = len(SECTIONS)

OVERVIEW = ViewSpec(
    page="overview",
    slides=SLIDES,
    lo=date(2021, 12, 1),
    hi=AS_OF,
    default_from=date(2022, 1, 1),
    filters=(FilterSpec("lane", "lane", LANES),),
    search=True,
)
CEASEFIRE = ViewSpec(
    page="ceasefire",
    slides=SLIDES,
    lo=date(2025, 1, 1),
    hi=AS_OF,
    filters=(
        FilterSpec("party", "parties", ceasefire_talks.PARTIES),
        FilterSpec("event", "event_type", ceasefire_talks.EVENT_TYPES),
    ),
    search=True,
)
WAR_ECONOMY = ViewSpec(
    page="war_economy",
    slides=SLIDES,
    lo=date(2014, 1, 1),
    hi=AS_OF,
    overlays=("sanctions", "ceasefire", "dprk"),
)
SANCTIONS = ViewSpec(
    page="sanctions",
    slides=SLIDES,
    lo=date(2022, 2, 1),
    hi=AS_OF,
    filters=(
        FilterSpec("jur", "jurisdiction", sanctions_timeline.JURISDICTIONS),
        FilterSpec("type", "measure_type", sanctions_timeline.MEASURE_TYPES),
    ),
    search=True,
)
DPRK_RUSSIA = ViewSpec(
    page="dprk_russia",
    slides=SLIDES,
    lo=date(2023, 1, 1),
    hi=AS_OF,
    filters=(FilterSpec("domain", "domain", dprk_russia_milestones.DOMAINS),),
    search=True,
)
RECOMMENDATIONS = ViewSpec(page="recommendations", lo=date(2022, 2, 1), hi=AS_OF, slides=SLIDES)
DATA_SOURCES = ViewSpec(page="data_sources", lo=AS_OF, hi=AS_OF, slides=SLIDES)

#: The briefing export (deck and handout): every category filter its sections use, over the
#: whole data range (annual GDP from 2014); by default from the year of the full-scale invasion.
BRIEFING = ViewSpec(
    page="briefing",
    slides=SLIDES,
    lo=date(2014, 1, 1),
    hi=AS_OF,
    default_from=date(2022, 1, 1),
    filters=(
        FilterSpec("jur", "jurisdiction", sanctions_timeline.JURISDICTIONS),
        FilterSpec("type", "measure_type", sanctions_timeline.MEASURE_TYPES),
        FilterSpec("domain", "domain", dprk_russia_milestones.DOMAINS),
        FilterSpec("party", "parties", ceasefire_talks.PARTIES),
        FilterSpec("event", "event_type", ceasefire_talks.EVENT_TYPES),
    ),
    search=True,
)

ALL = (OVERVIEW, CEASEFIRE, WAR_ECONOMY, SANCTIONS, DPRK_RUSSIA, RECOMMENDATIONS, DATA_SOURCES)
BY_PAGE = {spec.page: spec for spec in ALL}
