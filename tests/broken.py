"""Broken copies of a real CSV, one fault each, for the loader, CLI and app tests.

Each case names the fault, how to make it from the valid file's text, and what the report must
say: a phrase, and where (line and column) when the fault has a place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DATASET = "sanctions_timeline"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[bytes], bytes]
    phrase: str
    line: int | None = None
    column: str | None = None


def _lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").split("\n")


def _cell(raw: bytes, line: int, column: str, value: str) -> bytes:
    """Replace one cell (line numbers as in the file, header = 1)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    header = rows[0]
    rows[line - 1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _drop_column(raw: bytes, column: str) -> bytes:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    position = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [row[:position] + row[position + 1 :] for row in rows]
    )
    return out.getvalue().encode("utf-8")


def _add_column(raw: bytes, column: str) -> bytes:
    lines = _lines(raw)
    lines = [lines[0] + "," + column] + [line + "," if line else line for line in lines[1:]]
    return "\n".join(lines).encode("utf-8")


def _duplicate_id(raw: bytes) -> bytes:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    rows[3][0] = rows[2][0]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


CASES = [
    Case(
        "missing_column",
        lambda raw: _drop_column(raw, "jurisdiction"),
        "is missing from the header row",
        1,
        "jurisdiction",
    ),
    Case(
        "unknown_column",
        lambda raw: _add_column(raw, "colour"),
        "is not a column of this dataset",
        1,
        "colour",
    ),
    Case(
        "malformed_date",
        lambda raw: _cell(raw, 4, "date", "23/10/2025"),
        "is not a date in the form YYYY-MM-DD",
        4,
        "date",
    ),
    Case(
        "impossible_date",
        lambda raw: _cell(raw, 5, "date", "2025-02-30"),
        "is not a real calendar date",
        5,
        "date",
    ),
    Case(
        "out_of_range_date",
        lambda raw: _cell(raw, 6, "date", "2031-01-01"),
        "is above the largest allowed value",
        6,
        "date",
    ),
    Case(
        "unknown_category",
        lambda raw: _cell(raw, 3, "jurisdiction", "Mars"),
        "is not an allowed value",
        3,
        "jurisdiction",
    ),
    Case(
        "unknown_multi_code",
        lambda raw: _cell(raw, 3, "sectors", "oil;fishing"),
        'unknown code(s) "fishing"',
        3,
        "sectors",
    ),
    Case("duplicate_id", _duplicate_id, "is used more than once", 4, "id"),
    Case(
        "empty_required_cell",
        lambda raw: _cell(raw, 7, "title_en", ""),
        "is an empty cell, but this column is required",
        7,
        "title_en",
    ),
    Case(
        "missing_source_url",
        lambda raw: _cell(raw, 8, "source_url", ""),
        "is an empty cell, but this column is required",
        8,
        "source_url",
    ),
    Case(
        "non_http_source_url",
        lambda raw: _cell(raw, 8, "source_url", "ftp://example.org/x"),
        "is not a web address starting with http:// or https://",
        8,
        "source_url",
    ),
    Case(
        "non_utf8",
        lambda raw: raw.decode("utf-8").encode("shift_jis", errors="replace"),
        "is not UTF-8 text",
    ),
    Case("empty_file", lambda raw: b"", "the file is empty"),
    Case(
        "header_only",
        lambda raw: raw.split(b"\n", 1)[0] + b"\n",
        "has a header row but no data rows",
        2,
    ),
    Case(
        "short_row",
        lambda raw: raw.replace(b"\n", b"\nonly,three,cells\n", 1),
        "fields but the header has",
        2,
    ),
]

NUMERIC_DATASET = "russian_key_rate"
NUMERIC_CASES = [
    Case(
        "non_numeric",
        lambda raw: _cell(raw, 3, "key_rate_pct", "twenty"),
        "is not a number",
        3,
        "key_rate_pct",
    ),
    Case(
        "out_of_range_number",
        lambda raw: _cell(raw, 4, "key_rate_pct", "250"),
        "is above the largest allowed value",
        4,
        "key_rate_pct",
    ),
]
