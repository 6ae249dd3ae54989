"""Which rows a view shows: the page filters applied to each dataset. Pure; shared by the
panels, presentation mode and the briefing export so they always agree."""

from __future__ import annotations

import pandas as pd

from dashboard import events, filters
from dashboard.state import ViewState


def _by(
    rows: pd.DataFrame, column: str, state: ViewState, param: str, *, multi: bool = False
) -> pd.DataFrame:
    """Filter by a category only when the view has that filter; a view without it shows all."""
    if param not in state.selected:
        return rows
    return filters.with_codes(rows, column, state.codes(param), multi=multi)


def sanctions_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    rows = filters.between(rows, state.start, state.end)
    rows = _by(rows, "jurisdiction", state, "jur")
    rows = _by(rows, "measure_type", state, "type")
    return filters.search(rows, state.query, events.SEARCH_COLUMNS["sanctions_timeline"])


def dprk_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    rows = filters.between(rows, state.start, state.end)
    rows = _by(rows, "domain", state, "domain")
    return filters.search(rows, state.query, events.SEARCH_COLUMNS["dprk_russia_milestones"])


def ceasefire_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    rows = filters.between(rows, state.start, state.end)
    rows = _by(rows, "parties", state, "party", multi=True)
    rows = _by(rows, "event_type", state, "event")
    return filters.search(rows, state.query, events.SEARCH_COLUMNS["ceasefire_talks"])


def gdp_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.between(rows, state.start, state.end, column="period_start")


def key_rate_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.between(rows, state.start, state.end, column="decision_date")


def economy_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.between(rows, state.start, state.end, column="period_start")
