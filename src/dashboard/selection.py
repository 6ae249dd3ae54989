"""Which rows a view shows: the page filters applied to each dataset. Pure; shared by the
panels, presentation mode and the briefing export so they always agree.

Each view ANDs the masks of its filters and slices the dataset once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import filters
from dashboard.datasets import ceasefire_talks, dprk_russia_milestones, sanctions_timeline
from dashboard.state import ViewState


def _by(
    rows: pd.DataFrame, column: str, state: ViewState, param: str, *, multi: bool = False
) -> np.ndarray:
    """Filter by a category only when the view has that filter; a view without it shows all."""
    if param not in state.selected:
        return np.ones(len(rows), dtype=bool)
    return filters.codes_mask(rows, column, state.codes(param), multi=multi)


def _dated(rows: pd.DataFrame, state: ViewState, column: str = "date") -> np.ndarray:
    return filters.between_mask(rows, state.start, state.end, column)


def _searched(rows: pd.DataFrame, state: ViewState, columns: tuple[str, ...]) -> np.ndarray:
    return filters.search_mask(rows, state.query, columns)


def sanctions_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    mask = (
        _dated(rows, state)
        & _by(rows, "jurisdiction", state, "jur")
        & _by(rows, "measure_type", state, "type")
    )
    return filters.keep(rows, mask & _searched(rows, state, sanctions_timeline.SEARCH))


def dprk_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    mask = _dated(rows, state) & _by(rows, "domain", state, "domain")
    return filters.keep(rows, mask & _searched(rows, state, dprk_russia_milestones.SEARCH))


def ceasefire_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    mask = (
        _dated(rows, state)
        & _by(rows, "parties", state, "party", multi=True)
        & _by(rows, "event_type", state, "event")
    )
    return filters.keep(rows, mask & _searched(rows, state, ceasefire_talks.SEARCH))


def gdp_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.keep(rows, _dated(rows, state, "period_start"))


def key_rate_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.keep(rows, _dated(rows, state, "decision_date"))


def economy_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.keep(rows, _dated(rows, state, "period_start"))
