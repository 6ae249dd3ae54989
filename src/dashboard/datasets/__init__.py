"""The dashboard's curated datasets: one module each, registered here by their snake_case id.

``read`` validates a CSV and never raises. The app reads through ``dashboard.datasets.cached``,
which caches ``read`` once per process; this module stays free of Streamlit for the command line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pandas as pd

from dashboard.datasets import (
    ceasefire_positions,
    ceasefire_talks,
    dprk_russia_milestones,
    russian_economy,
    russian_gdp,
    russian_key_rate,
    sanctions_timeline,
)
from dashboard.datasets.core import SEARCH_COLUMN, LoadResult, Problem, read_csv, search_text
from dashboard.paths import DATA_DIR, PROJECT_DIR

MODULES: dict[str, ModuleType] = {
    module.DATASET_ID: module
    for module in (
        russian_gdp,
        russian_key_rate,
        russian_economy,
        sanctions_timeline,
        dprk_russia_milestones,
        ceasefire_talks,
        ceasefire_positions,
    )
}
DATASET_IDS: tuple[str, ...] = tuple(MODULES)


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return path.as_posix()


def read(dataset_id: str, path: Path | None = None) -> LoadResult:
    """Validate one dataset's CSV (or ``path`` in its place) and return frame or problems."""
    module = MODULES[dataset_id]
    target = path or DATA_DIR / f"{dataset_id}.csv"
    result = read_csv(
        target,
        module.Schema,
        categories=module.CATEGORIES,
        multi=module.MULTI,
        display_path=_display(target),
    )
    return as_python_strings(with_search(result, getattr(module, "SEARCH", ())))


def with_search(result: LoadResult, columns: tuple[str, ...]) -> LoadResult:
    """Add the folded search text of each row (``SEARCH_COLUMN``) once, at load time."""
    if not columns or result.frame is None:
        return result
    frame = result.frame.assign(**{SEARCH_COLUMN: search_text(result.frame, columns)})
    return replace(result, frame=frame)


def as_python_strings(result: LoadResult) -> LoadResult:
    """Text columns as Python strings (``object``; missing = ``None``) once validated.

    The app slices, hovers and searches these rows on every rerun: picking rows of ``object``
    columns copies pointers, where Arrow strings copy every byte (at 100,000 rows a filter took
    several times longer), and hover labels need Python strings anyway.
    """
    if result.frame is None:
        return result
    frame = result.frame.copy()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            frame[column] = pd.Series(
                frame[column].to_numpy(dtype=object, na_value=None), index=frame.index, dtype=object
            )
    return replace(result, frame=frame)


__all__ = [
    "DATASET_IDS",
    "MODULES",
    "LoadResult",
    "Problem",
    "read",
]
