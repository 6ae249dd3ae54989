"""The dashboard's curated datasets: one module each, registered here by their snake_case id.

``read`` validates a CSV and never raises. The app reads through ``dashboard.datasets.cached``,
which caches ``read`` once per process; this module stays free of Streamlit for the command line.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.datasets.core import (
    SEARCH_COLUMN,
    LoadResult,
    MultiValue,
    Problem,
    ordered_columns,
    read_csv,
    search_text,
)
from dashboard.datasets.spec import Code, Dataset
from dashboard.palette import CYCLE, SYMBOLS
from dashboard.paths import DATA_DIR, PROJECT_DIR

#: Modules of this package that are machinery, not datasets (``cached`` needs Streamlit).
_MACHINERY = frozenset({"cached", "core", "sources", "spec"})


def _discover() -> list[Dataset]:
    """Every module of this package that declares ``DATASET``, in their declared order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name in _MACHINERY or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        declared = getattr(module, "DATASET", None)
        if isinstance(declared, Dataset):
            if declared.id != info.name:
                raise ValueError(f"{info.name}.py declares the dataset {declared.id!r}")
            found.append(declared)
    return sorted(found, key=lambda item: (item.order, item.id))


#: The registry: every dataset by id, in display order.
REGISTRY: dict[str, Dataset] = {item.id: item for item in _discover()}
DATASET_IDS: tuple[str, ...] = tuple(REGISTRY)


def dataset(dataset_id: str) -> Dataset:
    return REGISTRY[dataset_id]


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return path.as_posix()


def read(dataset_id: str, path: Path | None = None) -> LoadResult:
    """Validate one dataset's CSV (or ``path`` in its place) and return frame or problems.

    Source tiers are checked against the publisher registry beside the CSV (``publishers.csv``,
    else the project's); a broken registry is reported as the dataset's problem too.
    """
    from dashboard import provenance

    spec = REGISTRY[dataset_id]
    target = path or DATA_DIR / f"{dataset_id}.csv"
    registry_path = target.parent / provenance.REGISTRY_FILE
    if not registry_path.exists():  # a lone CSV is checked against the project's registry
        registry_path = DATA_DIR / provenance.REGISTRY_FILE
    shown_registry = _display(registry_path)
    checks = []
    if "source_tier" in ordered_columns(spec.schema):
        publishers, registry_result = provenance.registry(registry_path, shown_registry)
        if publishers is None:
            return LoadResult(
                dataset_id,
                _display(target),
                None,
                (
                    Problem(
                        _display(target),
                        f"cannot be checked: the publisher registry {shown_registry} has "
                        f"{len(registry_result.problems)} problem(s); run `python -m dashboard "
                        "validate` to see them.",
                    ),
                ),
            )

        def tiers(frame: pd.DataFrame, lines: list[int], shown: str) -> list[Problem]:
            return provenance.check_rows(frame, lines, shown, publishers, shown_registry)

        checks.append(tiers)
    result = read_csv(
        target,
        spec.schema,
        categories=spec.categories,
        multi=[MultiValue(v.field, v.values) for v in spec.vocabularies if v.multi],
        display_path=_display(target),
        checks=checks,
    )
    return as_python_strings(with_search(result, spec.search))


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
    "REGISTRY",
    "Dataset",
    "LoadResult",
    "Problem",
    "codes",
    "dataset",
    "read",
]


def codes(field_name: str) -> dict[str, Code]:
    """Every dataset's codes of the vocabulary ``field_name`` (labels, colours, symbols)."""
    return _codes().get(field_name, {})


@cache
def _codes() -> dict[str, dict[str, Code]]:
    """Vocabularies merged by field across datasets; colours and symbols fixed per code.

    A code without a declared colour or symbol gets one by its position in its vocabulary, so
    it keeps them whatever a filter hides. The same field in two datasets must agree on the
    labels of the codes they share (a test checks it).
    """
    from dashboard.datasets.sources import PROVENANCE_VOCABULARIES

    merged: dict[str, dict[str, Code]] = {}
    shared = [vocab for spec in REGISTRY.values() for vocab in spec.vocabularies]
    for vocab in [*PROVENANCE_VOCABULARIES, *shared]:
        target = merged.setdefault(vocab.field, {})
        for position, code in enumerate(vocab.codes):
            if code.code in target:
                continue
            target[code.code] = replace(
                code,
                colour=code.colour or CYCLE[position % len(CYCLE)],
                symbol=code.symbol or SYMBOLS[position % len(SYMBOLS)],
            )
    return merged
