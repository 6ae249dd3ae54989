"""Pure row filters shared by every timeline page: date range, categories, text search."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from dashboard.datasets.core import split_codes


def between(frame: pd.DataFrame, start: date, end: date, column: str = "date") -> pd.DataFrame:
    """Rows whose ``column`` falls within [start, end], both days included."""
    dates = frame[column]
    mask = (dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))
    return frame[mask.fillna(False)]


def with_codes(
    frame: pd.DataFrame, column: str, codes: Iterable[str], *, multi: bool = False
) -> pd.DataFrame:
    """Rows whose ``column`` is one of ``codes``; for ';'-separated cells, any code matches."""
    wanted = set(codes)
    if multi:
        mask = frame[column].map(lambda cell: bool(wanted.intersection(split_codes(cell))))
    else:
        mask = frame[column].astype("string").isin(wanted)
    return frame[mask.fillna(False).astype(bool)]


def normalise(text: str) -> str:
    """Fold width and case so ＥＵ matches EU and 'rosneft' matches 'Rosneft'."""
    return unicodedata.normalize("NFKC", text).casefold()


def search(frame: pd.DataFrame, text: str, columns: Sequence[str]) -> pd.DataFrame:
    """Rows where every word of ``text`` occurs in at least one of ``columns``."""
    words = [word for word in normalise(text).split() if word]
    if not words or frame.empty:
        return frame
    haystack = frame[list(columns)].astype("string").fillna("").agg(" ".join, axis=1).map(normalise)
    mask = pd.Series(True, index=frame.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return frame[mask]
