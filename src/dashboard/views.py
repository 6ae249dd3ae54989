"""What each page lets the user choose: its date bounds, filters, search and overlays.

A page's filters and search come from the datasets that declare it as their page; the overview's
lanes and the economy charts' overlays from the datasets that declare a lane. Shared by the
pages, the URL parser's tests and the briefing export, so they cannot disagree.
"""

from __future__ import annotations

from datetime import date

from dashboard import events, slides
from dashboard.datasets import REGISTRY
from dashboard.datasets.ceasefire_positions import ISSUE_GROUPS
from dashboard.datasets.core import AS_OF
from dashboard.state import FilterSpec, ViewSpec

#: The overview's lanes: one per dataset that declares one, in lane order.
LANES = tuple(spec.lane.code for spec in events.lanes() if spec.lane)
#: Lanes that may be drawn as markers on the economy charts.
OVERLAYS = tuple(spec.lane.code for spec in events.lanes() if spec.lane and spec.lane.overlay)
#: The briefing's slides, which every page's presentation mode steps through (``slide`` in the
#: URL counts its screens; the positions table takes one per issue).
DECK = {
    "catalogue": tuple(slides.CATALOGUE),
    "deck": slides.DEFAULT_DECK,
    "follow_up_deck": slides.FOLLOW_UP_DECK,
    "follow_up_only": frozenset(k for k, s in slides.CATALOGUE.items() if s.follow_up_only),
    "parts": {"positions_table": sum(len(issues) for *_, issues in ISSUE_GROUPS)},
}


def _filters(*pages: str) -> tuple[FilterSpec, ...]:
    """The URL filters of the datasets shown on ``pages`` (all pages when none are given)."""
    found: dict[str, FilterSpec] = {}
    for spec in REGISTRY.values():
        if pages and spec.page not in pages:
            continue
        for item in spec.filters:
            found.setdefault(
                item.param,
                FilterSpec(item.param, item.field, spec.vocabulary(item.field).values, item.label),
            )
    return tuple(found.values())


def _searchable(*pages: str) -> bool:
    return any(spec.search for spec in REGISTRY.values() if not pages or spec.page in pages)


def page(name: str, lo: date, **options: object) -> ViewSpec:
    """The view of page ``name``: its datasets' filters and search, from ``lo`` to the cut-off."""
    return ViewSpec(
        page=name,
        lo=lo,
        hi=AS_OF,
        filters=_filters(name),
        search=_searchable(name),
        **DECK,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


OVERVIEW = ViewSpec(
    page="overview",
    **DECK,  # type: ignore[arg-type]
    lo=date(2021, 12, 1),
    hi=AS_OF,
    filters=(FilterSpec("lane", "lane", LANES, ("表示する系列", "Lanes shown")),),
    search=True,
)
#: From 2024: the battlefield and support series begin then; the talks' own axis starts in 2025.
CEASEFIRE = page("ceasefire", slides.PAGE_FROM["ceasefire"])
WAR_ECONOMY = page("war_economy", slides.PAGE_FROM["war_economy"], overlays=OVERLAYS)
SANCTIONS = page("sanctions", slides.PAGE_FROM["sanctions"])
DPRK_RUSSIA = page("dprk_russia", slides.PAGE_FROM["dprk_russia"])
RECOMMENDATIONS = page("recommendations", slides.PAGE_FROM["recommendations"])
DATA_SOURCES = ViewSpec(
    page="data_sources",
    lo=AS_OF,
    hi=AS_OF,
    **DECK,  # type: ignore[arg-type]
)
ACCESSIBILITY = ViewSpec(
    page="accessibility",
    lo=AS_OF,
    hi=AS_OF,
    **DECK,  # type: ignore[arg-type]
)

#: The briefing export (deck and handout): every category filter of every dataset, over the
#: whole data range (annual GDP from 2014); by default from the year of the full-scale invasion.
BRIEFING = ViewSpec(
    page="briefing",
    **DECK,  # type: ignore[arg-type]
    lo=date(2014, 1, 1),
    hi=AS_OF,
    default_from=date(2022, 1, 1),
    filters=_filters(),
    search=True,
)

ALL = (
    OVERVIEW,
    CEASEFIRE,
    WAR_ECONOMY,
    SANCTIONS,
    DPRK_RUSSIA,
    RECOMMENDATIONS,
    DATA_SOURCES,
    ACCESSIBILITY,
)
BY_PAGE = {spec.page: spec for spec in ALL}
