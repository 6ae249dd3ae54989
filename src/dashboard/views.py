"""What each page lets the user choose: its date bounds, filters, search and overlays.

Shared by the pages, the URL parser's tests and the briefing export, so they cannot disagree.
"""

from __future__ import annotations

from datetime import date

from dashboard.datasets import ceasefire_talks, dprk_russia_milestones, sanctions_timeline
from dashboard.state import FilterSpec, ViewSpec

AS_OF = date(2025, 12, 31)
LANES = ("ceasefire", "sanctions", "economy", "dprk")

OVERVIEW = ViewSpec(
    page="overview",
    lo=date(2021, 12, 1),
    hi=AS_OF,
    default_from=date(2022, 1, 1),
    filters=(FilterSpec("lane", "lane", LANES),),
    search=True,
)
CEASEFIRE = ViewSpec(
    page="ceasefire",
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
    lo=date(2014, 1, 1),
    hi=AS_OF,
    overlays=("sanctions", "ceasefire", "dprk"),
)
SANCTIONS = ViewSpec(
    page="sanctions",
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
    lo=date(2023, 1, 1),
    hi=AS_OF,
    filters=(FilterSpec("domain", "domain", dprk_russia_milestones.DOMAINS),),
    search=True,
)
RECOMMENDATIONS = ViewSpec(page="recommendations", lo=date(2022, 2, 1), hi=AS_OF)
DATA_SOURCES = ViewSpec(page="data_sources", lo=AS_OF, hi=AS_OF)

ALL = (OVERVIEW, CEASEFIRE, WAR_ECONOMY, SANCTIONS, DPRK_RUSSIA, RECOMMENDATIONS, DATA_SOURCES)
BY_PAGE = {spec.page: spec for spec in ALL}
