"""Which rows a view shows: the page's filters applied to a dataset. Pure; shared by the panels,
presentation mode and the briefing export so they always agree.

Every dataset is filtered the same way, from its declaration: its date column against the view's
range, each of its URL filters that the view has, and its search columns. The masks are ANDed
and the dataset is sliced once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd

from dashboard import filters
from dashboard.datasets import REGISTRY, Dataset
from dashboard.datasets.core import AS_OF
from dashboard.state import ViewState


def _by(rows: pd.DataFrame, spec: Dataset, state: ViewState) -> np.ndarray:
    """The dataset's category filters that the view has; a view without one shows all."""
    mask = np.ones(len(rows), dtype=bool)
    for item in spec.filters:
        if item.param in state.selected:
            multi = spec.vocabulary(item.field).multi
            mask &= filters.codes_mask(rows, item.field, state.codes(item.param), multi=multi)
    return mask


def after_cutoff(spec: Dataset, rows: pd.DataFrame) -> np.ndarray:
    """Rows of the follow-up layer, not the chapter's view: events dated after the chapter's
    cut-off, and figures first published after it (a forecast for 2026 published in 2025 is the
    chapter's). Where a figure's publication day is unknown, one for a period ending in the
    cut-off's last month or later is taken as published after it (such figures come out the
    month after)."""
    cutoff = pd.Timestamp(AS_OF)
    if not spec.layered:
        return np.zeros(len(rows), dtype=bool)
    if not spec.published:
        dates = rows[spec.date]
        if spec.date_fallback:
            dates = dates.fillna(rows[spec.date_fallback])
        return (dates > cutoff).fillna(False).to_numpy(dtype=bool)
    published = rows[spec.published]
    late = (published > cutoff).fillna(False).to_numpy(dtype=bool)
    unknown = published.isna().to_numpy(dtype=bool)
    ends = rows["period_end"] if "period_end" in rows.columns else rows[spec.date]
    last_month = (ends >= pd.Timestamp(AS_OF.replace(day=1))).fillna(False).to_numpy(dtype=bool)
    return late | (unknown & last_month)


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
        dates = rows[spec.date]
        if spec.date_fallback:
            dates = dates.fillna(rows[spec.date_fallback])
        # NaT compares False: a row without any date is outside every range.
        mask &= (
            (dates >= pd.Timestamp(state.start)) & (dates <= pd.Timestamp(state.end))
        ).to_numpy(dtype=bool)
    if not state.follow_up:
        mask &= ~after_cutoff(spec, rows)
    if spec.search:
        mask &= filters.search_mask(rows, state.query, spec.search)
    if where:
        mask &= where_mask(rows, where)
    if state.japan and spec.japan_view:
        mask &= where_mask(rows, spec.japan_view)
    return filters.keep(rows, mask)


def follow_up_latest(frames: Mapping[str, pd.DataFrame]) -> date | None:
    """The latest day any follow-up row describes: an event's date, or a figure's publication
    day (a 2025 figure published in 2026 is news of that day)."""
    days: list[pd.Timestamp] = []
    for name, rows in frames.items():
        spec = REGISTRY[name]
        late = rows[after_cutoff(spec, rows)]
        if late.empty:
            continue
        column = spec.published or spec.date
        top = late[column].max()
        if pd.notna(top):
            days.append(pd.Timestamp(top))
    return max(days).date() if days else None


def in_layer(spec: Dataset, rows: pd.DataFrame, follow_up: bool) -> pd.DataFrame:
    """All of a dataset's rows in the layer shown (no other filter): the chapter's alone, or
    with the follow-up layer."""
    return rows if follow_up else filters.keep(rows, ~after_cutoff(spec, rows))


def new_since(spec: Dataset, rows: pd.DataFrame, since: date | None) -> np.ndarray:
    """Rows that are news after ``since``: an event dated after it, or a figure first published
    after it (a 2025 figure published in February 2026 is new to a briefer of January 2026)."""
    if since is None:
        return np.zeros(len(rows), dtype=bool)
    dates = rows[spec.date]
    if spec.date_fallback:
        dates = dates.fillna(rows[spec.date_fallback])
    if spec.published:
        dates = rows[spec.published].fillna(dates)
    return (dates > pd.Timestamp(since)).fillna(False).to_numpy(dtype=bool)
