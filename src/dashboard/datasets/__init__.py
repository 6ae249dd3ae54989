"""The dashboard's curated datasets: one module each, registered here by their snake_case id.

``read`` validates a CSV and never raises. The app reads through ``dashboard.datasets.cached``,
which caches ``read`` once per process; this module stays free of Streamlit for the command line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import ModuleType

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
    return with_search(result, getattr(module, "SEARCH", ()))


def with_search(result: LoadResult, columns: tuple[str, ...]) -> LoadResult:
    """Add the folded search text of each row (``SEARCH_COLUMN``) once, at load time."""
    if not columns or result.frame is None:
        return result
    frame = result.frame.assign(**{SEARCH_COLUMN: search_text(result.frame, columns)})
    return replace(result, frame=frame)


__all__ = [
    "DATASET_IDS",
    "MODULES",
    "LoadResult",
    "Problem",
    "read",
]
