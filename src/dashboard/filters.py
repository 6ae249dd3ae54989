"""Pure row filters shared by every timeline page: date range, categories, text search.

Each filter comes as a mask (a boolean array over the frame's rows) and as a function that
applies it. Views that combine several filters AND their masks and slice the frame once:
slicing copies every text column, so one slice instead of three matters for large frames.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
import pandas as pd

from dashboard.datasets.core import SEARCH_COLUMN, normalise, search_text, split_codes


def between_mask(frame: pd.DataFrame, start: date, end: date, column: str = "date") -> np.ndarray:
    """Rows whose ``column`` falls within [start, end], both days included."""
    dates = frame[column]
    mask = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return mask.fillna(False).to_numpy(dtype=bool)


def codes_mask(
    frame: pd.DataFrame, column: str, codes: Iterable[str], *, multi: bool = False
) -> np.ndarray:
    """Rows whose ``column`` is one of ``codes``; for ';'-separated cells, any code matches."""
    wanted = set(codes)
    if multi:
        mask = frame[column].map(lambda cell: bool(wanted.intersection(split_codes(cell))))
    else:
        mask = frame[column].isin(wanted)
    return mask.fillna(False).to_numpy(dtype=bool)


def search_mask(frame: pd.DataFrame, text: str, columns: Sequence[str] = ()) -> np.ndarray:
    """Rows where every word of ``text`` occurs in the row's searchable text.

    That text is the loader's folded ``SEARCH_COLUMN`` when the frame has it (the app's
    datasets do), else ``columns`` joined and folded here. No words: every row.
    """
    words = [word for word in normalise(text).split() if word]
    mask = np.ones(len(frame), dtype=bool)
    if not words or frame.empty:
        return mask
    if SEARCH_COLUMN in frame.columns:
        haystack = frame[SEARCH_COLUMN].fillna("")
    else:
        haystack = search_text(frame, columns)
    for word in words:
        mask &= haystack.str.contains(word, regex=False).fillna(False).to_numpy(dtype=bool)
    return mask


def keep(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """The rows where ``mask`` is true; the frame itself when that is every row (no copy)."""
    return frame if mask.all() else frame[mask]


def between(frame: pd.DataFrame, start: date, end: date, column: str = "date") -> pd.DataFrame:
    return keep(frame, between_mask(frame, start, end, column))


def search(frame: pd.DataFrame, text: str, columns: Sequence[str] = ()) -> pd.DataFrame:
    return keep(frame, search_mask(frame, text, columns))
