"""Reading a curated CSV into typed pandas data, and reporting every problem in plain words.

Each dataset module declares a pandera ``DataFrameModel``; this module turns its CSV into a frame
that matches it. The pipeline is:

1. bytes -> text: must be UTF-8 (a BOM is accepted), not empty.
2. text -> string cells with the CSV line each record starts on (CRLF accepted, quoted newlines ok).
3. header check: missing and unknown columns.
4. cell parsing by the schema's dtype: numbers, ISO dates (malformed vs impossible), text.
5. pandera, lazily, for everything else: allowed categories, ranges, unique ids, empty cells, URLs.

Every failure becomes a :class:`Problem` naming file, line, column and value; nothing raises.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HTTP_URL = r"^https?://[^\s<>\"]+$"
#: Codes in multi-value cells are separated by this character.
MULTI_SEPARATOR = ";"
#: The chapter's cut-off, which is also the dashboard's "as of" date.
AS_OF = date(2025, 12, 31)
#: The earliest day any row may carry (the annual GDP series starts in 2014).
FIRST_DAY = date(2014, 1, 1)
#: The last day the editors checked sources for the follow-up layer (rows after the cut-off).
#: No row may describe or cite anything later; the layer's own as-of date is this day.
CHECKED = date(2026, 12, 1)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located as precisely as the fault allows."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.column is not None:
            parts.append(f'column "{self.column}"')
        text = ": ".join(parts) + ": "
        if self.value is not None:
            text += f"{_quote(self.value)} {self.message}"
        else:
            text += self.message
        return text


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return f'"{shown}"'


@dataclass(frozen=True)
class LoadResult:
    """A loaded dataset: the typed frame when it is valid, and every problem found."""

    dataset_id: str
    path: str
    frame: pd.DataFrame | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.problems


#: A check over a validated frame: (frame, CSV line of each row, file as shown) -> problems.
RowCheck = Callable[[pd.DataFrame, list[int], str], list["Problem"]]


@dataclass(frozen=True)
class MultiValue:
    """Declares a ';'-separated column whose codes must come from ``allowed``."""

    column: str
    allowed: tuple[str, ...]


def _kind(dtype: Any) -> str:
    text = str(dtype).lower()
    if "datetime" in text:
        return "date"
    if "int" in text:
        return "int"
    if "float" in text:
        return "float"
    if "bool" in text:
        return "bool"
    return "str"


def read_csv(
    path: Path,
    model: type[pa.DataFrameModel],
    *,
    categories: dict[str, tuple[str, ...]] | None = None,
    multi: Iterable[MultiValue] = (),
    display_path: str | None = None,
    checks: Sequence[RowCheck] = (),
) -> LoadResult:
    """Read ``path`` against ``model``; return the typed frame or the full list of problems.

    ``categories`` names the columns that become pandas categoricals (in the given order), so
    charts and legends keep a fixed order and colour. ``multi`` declares ';'-separated columns.
    ``checks`` run on the validated frame with each row's CSV line (e.g. the source tiers
    against the publisher registry).
    """
    shown = display_path or path.as_posix()
    dataset_id = path.stem
    schema = model.to_schema()

    def fail(*problems: Problem) -> LoadResult:
        return LoadResult(dataset_id, shown, None, tuple(problems))

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return fail(Problem(shown, "the file does not exist."))
    except OSError as exc:
        return fail(Problem(shown, f"the file cannot be read ({exc.strerror})."))

    if not raw.strip():
        return fail(Problem(shown, "the file is empty: it needs a header row and data rows."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return fail(
            Problem(
                shown,
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded); "
                "save it as UTF-8.",
                line=line,
            )
        )

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        header = next(reader)
        start = reader.line_num + 1
        for record in reader:
            if record and any(cell.strip() for cell in record):
                records.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        return fail(Problem(shown, f"the CSV is malformed ({exc}).", line=reader.line_num))

    header = [name.strip() for name in header]
    expected = ordered_columns(model)
    problems: list[Problem] = []
    for name in expected:
        if name not in header:
            problems.append(Problem(shown, "is missing from the header row.", line=1, column=name))
    for name in header:
        if name not in expected:
            problems.append(
                Problem(
                    shown,
                    "is not a column of this dataset (expected: " + ", ".join(expected) + ").",
                    line=1,
                    column=name,
                )
            )
    if len(set(header)) != len(header):
        problems.append(Problem(shown, "the header row names a column twice.", line=1))
    if problems:
        return fail(*problems)
    if not records:
        return fail(Problem(shown, "the file has a header row but no data rows.", line=2))

    width = len(header)
    good_rows: list[list[str]] = []
    good_lines: list[int] = []
    for record, line in zip(records, lines, strict=True):
        if len(record) != width:
            problems.append(
                Problem(
                    shown,
                    f"this row has {len(record)} fields but the header has {width}; "
                    "check for a missing or extra comma or an unclosed quote.",
                    line=line,
                )
            )
            continue
        good_rows.append(record)
        good_lines.append(line)

    cells = pd.DataFrame(good_rows, columns=header)[expected]
    frame, bad_cells, cell_problems = _parse_cells(cells, good_lines, schema, shown)
    problems.extend(cell_problems)
    for spec in multi:
        problems.extend(_check_multi(frame, spec, good_lines, shown, bad_cells))

    try:
        frame = schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        problems.extend(_translate(exc.failure_cases, good_lines, shown, bad_cells))
    else:
        if not problems:
            for check in checks:
                problems.extend(check(frame, good_lines, shown))

    if problems:
        order = {name: position for position, name in enumerate(expected)}
        return fail(*sorted(problems, key=lambda p: (p.line or 0, order.get(p.column or "", -1))))
    for name, allowed in (categories or {}).items():
        frame[name] = pd.Categorical(frame[name], categories=list(allowed))
    return LoadResult(dataset_id, shown, frame.reset_index(drop=True), ())


def ordered_columns(model: type[pa.DataFrameModel]) -> list[str]:
    """The CSV column order: the dataset's own fields first, then inherited provenance fields."""
    columns = list(model.to_schema().columns)
    own = [name for name in model.__annotations__ if name in columns]
    return own + [name for name in columns if name not in own]


def _parse_cells(
    cells: pd.DataFrame, lines: list[int], schema: pa.DataFrameSchema, shown: str
) -> tuple[pd.DataFrame, set[tuple[int, str]], list[Problem]]:
    """Turn string cells into typed columns; empty cells become missing values."""
    problems: list[Problem] = []
    bad: set[tuple[int, str]] = set()
    out: dict[str, Any] = {}
    for name, column in schema.columns.items():
        kind = _kind(column.dtype)
        values = [v.strip() for v in cells[name].tolist()]
        if kind == "str":
            out[name] = pd.array([v if v else None for v in values], dtype="string")
            continue
        parsed: list[Any] = []
        for position, value in enumerate(values):
            if not value:
                parsed.append(None)
                continue
            result, message = _parse_value(kind, value)
            if message:
                problems.append(Problem(shown, message, lines[position], name, value))
                bad.add((position, name))
            parsed.append(result)
        if kind == "date":
            out[name] = pd.to_datetime(pd.Series(parsed, dtype="object"))
        elif kind == "int":
            out[name] = pd.array(parsed, dtype="Int64")
        elif kind == "bool":  # plain bool when complete; an empty cell is reported by pandera
            complete = all(value is not None for value in parsed)
            out[name] = pd.array(parsed, dtype="bool" if complete else "boolean")
        else:
            out[name] = pd.to_numeric(pd.Series(parsed, dtype="object"), errors="coerce")
    return pd.DataFrame(out), bad, problems


def _parse_value(kind: str, value: str) -> tuple[Any, str | None]:
    if kind == "date":
        if not ISO_DATE.match(value):
            return None, "is not a date in the form YYYY-MM-DD."
        try:
            return date.fromisoformat(value), None
        except ValueError:
            return None, "is not a real calendar date."
    if kind == "bool":
        lowered = value.lower()
        if lowered in {"true", "yes", "1"}:
            return True, None
        if lowered in {"false", "no", "0"}:
            return False, None
        return None, "is not true or false."
    try:
        number = float(value)
    except ValueError:
        return None, "is not a number (use a dot for decimals and no units or thousands commas)."
    if number != number or number in (float("inf"), float("-inf")):
        return None, "is not a finite number."
    if kind == "int":
        if not number.is_integer():
            return None, "is not a whole number."
        return int(number), None
    return number, None


def _check_multi(
    frame: pd.DataFrame,
    spec: MultiValue,
    lines: list[int],
    shown: str,
    bad: set[tuple[int, str]],
) -> list[Problem]:
    problems = []
    for position, value in enumerate(frame[spec.column].tolist()):
        if value is None or value is pd.NA:
            continue
        codes = [code.strip() for code in str(value).split(MULTI_SEPARATOR)]
        unknown = [code for code in codes if code not in spec.allowed]
        if unknown:
            bad.add((position, spec.column))
            problems.append(
                Problem(
                    shown,
                    "has unknown code(s) "
                    + ", ".join(_quote(code) for code in unknown)
                    + "; allowed: "
                    + ", ".join(spec.allowed)
                    + f" (several separated by '{MULTI_SEPARATOR}').",
                    lines[position],
                    spec.column,
                    str(value),
                )
            )
    return problems


def _translate(
    failures: pd.DataFrame, lines: list[int], shown: str, bad: set[tuple[int, str]]
) -> list[Problem]:
    """Turn pandera's failure cases into plain-word problems, one per offending cell."""
    problems = []
    row_checks_seen: set[tuple[int, str]] = set()
    for case in failures.itertuples(index=False):
        if case.schema_context == "DataFrameSchema" and not pd.isna(case.index):
            # A check across columns (e.g. one row per issue and actor): one problem per row.
            key = (int(case.index), str(case.check))
            if key not in row_checks_seen:
                row_checks_seen.add(key)
                problems.append(Problem(shown, str(case.check), lines[key[0]]))
            continue
        column = None if pd.isna(case.column) else str(case.column)
        index = None if pd.isna(case.index) else int(case.index)
        if index is not None and column is not None and (index, column) in bad:
            continue  # already reported as unparseable
        line = lines[index] if index is not None and index < len(lines) else None
        value = None if pd.isna(case.failure_case) else _show(case.failure_case)
        message = _explain(str(case.check))
        if message is None:
            continue
        if "unique" in str(case.check) and value is not None:
            value_lines = _lines_with(failures, case, lines)
            if value_lines:
                message += " (lines " + ", ".join(str(n) for n in value_lines) + ")"
        problems.append(Problem(shown, message, line, column, value))
    return problems


def _lines_with(failures: pd.DataFrame, case: Any, lines: list[int]) -> list[int]:
    same = failures[(failures["column"] == case.column) & (failures["check"] == case.check)]
    same = same[same["failure_case"].astype(str) == str(case.failure_case)]
    return sorted(lines[int(i)] for i in same["index"].dropna())


def _show(value: Any) -> str:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


_CHECK_WORDS: list[tuple[str, str]] = [
    ("not_nullable", "is an empty cell, but this column is required."),
    ("field_uniqueness", "is used more than once; each row needs its own value"),
    ("column_uniqueness", "is used more than once; each row needs its own value"),
    ("unique", "is used more than once; each row needs its own value"),
]


def _explain(check: str) -> str | None:
    for key, words in _CHECK_WORDS:
        if check.startswith(key):
            return words
    match = re.match(r"(\w+)\((.*)\)$", check, re.S)
    name, argument = (match.group(1), match.group(2)) if match else (check, "")
    if name == "isin":
        return "is not an allowed value; allowed: " + argument.strip("[]()").replace("'", "") + "."
    if name == "greater_than_or_equal_to":
        return f"is below the smallest allowed value {_bound(argument)}."
    if name == "less_than_or_equal_to":
        return f"is above the largest allowed value {_bound(argument)}."
    if name == "in_range":
        return f"is outside the allowed range {_bound(argument)}."
    if name == "str_matches":
        if "http" in argument:
            return "is not a web address starting with http:// or https://."
        return f"does not have the expected form ({argument})."
    if name in {"str_length"}:
        return f"has a length outside {argument}."
    if name == "dtype":
        return None  # parsing already reported the cell
    return f"fails the check {check}."


def _bound(argument: str) -> str:
    return argument.replace(" 00:00:00", "").replace("Timestamp(", "").replace(")", "")


#: Derived column added by the loader: the searchable text of a row, folded once at load time.
SEARCH_COLUMN = "_search"


def normalise(text: str) -> str:
    """Fold width and case so ＥＵ matches EU and 'rosneft' matches 'Rosneft'."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_text(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """The ``columns`` of each row joined by spaces, width- and case-folded (vectorised)."""
    if not columns:
        raise ValueError("no columns to search")
    parts = [frame[column].astype("string").fillna("") for column in columns]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part
    return joined.str.normalize("NFKC").str.casefold()


def split_codes(value: object) -> list[str]:
    """The codes of a multi-value cell, e.g. ``"oil;finance"`` -> ``["oil", "finance"]``."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    return [code.strip() for code in str(value).split(MULTI_SEPARATOR) if code.strip()]
