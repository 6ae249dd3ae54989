"""Which rows a view shows: the page's filters applied to a dataset. Pure; shared by the panels,
presentation mode and the briefing export so they always agree.

Every dataset is filtered the same way, from its declaration: its date column against the view's
range, each of its URL filters that the view has, and its search columns. The masks are ANDed
and the dataset is sliced once."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from dashboard import filters
from dashboard.datasets import REGISTRY, Dataset
from dashboard.state import ViewState


def _by(rows: pd.DataFrame, spec: Dataset, state: ViewState) -> np.ndarray:
    """The dataset's category filters that the view has; a view without one shows all."""
    mask = np.ones(len(rows), dtype=bool)
    for item in spec.filters:
        if item.param in state.selected:
            multi = spec.vocabulary(item.field).multi
            mask &= filters.codes_mask(rows, item.field, state.codes(item.param), multi=multi)
    return mask


def where_mask(rows: pd.DataFrame, where: Mapping[str, tuple[str, ...]]) -> np.ndarray:
    """Rows whose columns hold one of the given codes (column -> codes), all conditions met."""
    mask = np.ones(len(rows), dtype=bool)
    for column, wanted in where.items():
        mask &= filters.codes_mask(rows, column, wanted)
    return mask


def select(
    dataset_id: str,
    rows: pd.DataFrame,
    state: ViewState,
    where: Mapping[str, tuple[str, ...]] | None = None,
) -> pd.DataFrame:
    """The rows of ``dataset_id`` the view shows (``where``: further column -> codes limits)."""
    spec = REGISTRY[dataset_id]
    mask = _by(rows, spec, state)
    if spec.filter_by_date:
        mask &= filters.between_mask(rows, state.start, state.end, spec.date)
    if spec.search:
        mask &= filters.search_mask(rows, state.query, spec.search)
    if where:
        mask &= where_mask(rows, where)
    return filters.keep(rows, mask)
