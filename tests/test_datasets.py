"""The loaders: real data passes; every kind of broken file gives its named, located error."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard.datasets import DATASET_IDS, REGISTRY, read
from tests.broken import CASES, DATASET, NUMERIC_CASES, NUMERIC_DATASET, Case


@pytest.mark.parametrize("dataset_id", DATASET_IDS)
def test_real_data_is_valid_and_typed(dataset_id: str) -> None:
    result = read(dataset_id)
    assert result.problems == (), "\n".join(map(str, result.problems))
    frame = result.frame
    assert frame is not None and len(frame) > 0
    assert frame["id"].is_unique
    for column, allowed in REGISTRY[dataset_id].categories.items():
        assert isinstance(frame[column].dtype, pd.CategoricalDtype)
        assert list(frame[column].cat.categories) == list(allowed)
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    assert "source_accessed" in dates
    assert frame["source_url"].str.match(r"^https?://").all()


def _write(tmp_path: Path, dataset_id: str, case: Case) -> Path:
    raw = (Path("data") / f"{dataset_id}.csv").read_bytes()
    path = tmp_path / f"{dataset_id}.csv"
    path.write_bytes(case.make(raw))
    return path


@pytest.mark.parametrize(
    ("dataset_id", "case"),
    [(DATASET, case) for case in CASES] + [(NUMERIC_DATASET, case) for case in NUMERIC_CASES],
    ids=lambda value: getattr(value, "name", value),
)
def test_broken_file_names_its_problem(tmp_path: Path, dataset_id: str, case: Case) -> None:
    result = read(dataset_id, _write(tmp_path, dataset_id, case))
    assert result.frame is None and not result.ok
    matching = [p for p in result.problems if case.phrase in p.message]
    assert matching, f"no problem says {case.phrase!r}: {[str(p) for p in result.problems]}"
    located = [
        p
        for p in matching
        if (case.line is None or p.line == case.line)
        and (case.column is None or p.column == case.column)
    ]
    assert located, f"expected line {case.line}, column {case.column}: {list(map(str, matching))}"
    problem = located[0]
    assert problem.file.endswith(f"{dataset_id}.csv")
    # the report line carries file, line, column and value in plain words, no traceback
    text = str(problem)
    assert "Traceback" not in text and f"{dataset_id}.csv" in text


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    raw = (Path("data") / f"{DATASET}.csv").read_bytes()
    for case in (CASES[2], CASES[3], CASES[5], CASES[9]):  # four faults on different lines
        raw = case.make(raw)
    path = tmp_path / f"{DATASET}.csv"
    path.write_bytes(raw)
    result = read(DATASET, path)
    located = {(p.line, p.column) for p in result.problems}
    assert {(4, "date"), (5, "date"), (3, "jurisdiction"), (8, "source_url")} <= located


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    raw = (Path("data") / f"{DATASET}.csv").read_bytes()
    path = tmp_path / f"{DATASET}.csv"
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    result = read(DATASET, path)
    assert result.ok, [str(p) for p in result.problems]
    original = read(DATASET)
    assert result.frame is not None and original.frame is not None
    pd.testing.assert_frame_equal(result.frame, original.frame)


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = read(DATASET, tmp_path / "nowhere.csv")
    assert not result.ok
    assert "does not exist" in result.problems[0].message


def test_quoted_newline_keeps_line_numbers(tmp_path: Path) -> None:
    """A cell spanning two physical lines must not shift the line numbers that follow."""
    from tests.broken import _cell

    raw = (Path("data") / f"{DATASET}.csv").read_bytes()
    raw = _cell(raw, 2, "summary_en", "first line\nsecond line")
    raw = _cell(raw, 3, "jurisdiction", "Mars")  # record 3 now starts on physical line 4
    path = tmp_path / f"{DATASET}.csv"
    path.write_bytes(raw)
    problems = read(DATASET, path).problems
    assert [(p.line, p.column) for p in problems] == [(4, "jurisdiction")]


def test_loaded_text_columns_are_python_strings_with_none_for_missing() -> None:
    from dashboard.paths import PROJECT_DIR

    frame = read("russian_gdp").frame
    assert frame is not None
    assert str(frame["source_url"].dtype) == "object"
    assert all(isinstance(value, str) for value in frame["source_url"])
    notes = frame["note"].tolist()
    assert all(value is None or (isinstance(value, str) and value) for value in notes)
    csv_text = (PROJECT_DIR / "data" / "russian_gdp.csv").read_text(encoding="utf-8")
    empty_notes = sum(1 for row in csv.DictReader(io.StringIO(csv_text)) if not row["note"])
    assert notes.count(None) == empty_notes
