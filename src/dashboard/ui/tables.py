"""Table views under charts: the rows a chart shows, with source links and two CSV downloads
(the raw rows, and the table as shown in the page's language)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from dashboard.datasets.spec import TableColumn, in_lang
from dashboard.i18n import Lang, format_date, label, t


def to_csv(rows: pd.DataFrame) -> bytes:
    """The rows as UTF-8 CSV with a BOM (so spreadsheet programs read the Japanese text).

    Columns the loader derives (named with a leading underscore) are not part of the data.
    """
    out = rows[[column for column in rows.columns if not str(column).startswith("_")]].copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


@contextmanager
def lazy_expander(label: str, *, key: str) -> Iterator[bool]:
    """An expander that reruns when opened or closed; yields whether its content should run.

    Whether it is open is remembered apart from the widget, so it stays open when its label
    changes with the filters (a new label makes a new widget).
    """
    remembered = f"{key}.open"
    expander = st.expander(
        label,
        expanded=bool(st.session_state.get(remembered, False)),
        key=key,
        on_change="rerun",
    )
    is_open = bool(expander.open)
    st.session_state[remembered] = is_open
    with expander:
        yield is_open


def display_frame(
    rows: pd.DataFrame,
    language: Lang,
    columns: Sequence[TableColumn],
    *,
    codes: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Pick ``(column, strings key or (ja, en) text)`` pairs, localise dates and codes, add the
    source columns."""
    codes = codes or {}
    shown = pd.DataFrame(index=rows.index)
    for column, key in columns:
        column = column.replace("_LANG", f"_{language}")  # language-specific text columns
        values = rows[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.map(lambda v: format_date(v, language))
        elif column in codes:
            values = values.map(
                lambda v, field=codes[column]: ", ".join(
                    label(field, part, language) for part in str(v).split(";")
                )
            )
        shown[in_lang(key, language) if isinstance(key, tuple) else t(key, language)] = values
    source = rows["source_publisher"]
    if "source_title" in rows.columns:  # events (the combined timeline) name the publisher only
        source = source + " — " + rows["source_title"]
    shown[t("table.source", language)] = source
    shown[t("table.link", language)] = rows["source_url"]
    return shown.reset_index(drop=True)


def csv_downloads(
    raw: Callable[[], pd.DataFrame],
    shown: pd.DataFrame,
    language: Lang,
    *,
    name: str,
    key: str,
) -> None:
    """The two CSVs of a table view, each built on click (not on every rerun): the raw rows
    (``raw()``: codes and both languages' columns) and ``shown``, the table as displayed, with
    a caption saying which is which.

    A click only downloads: rerunning the page would redraw nothing, and a rerun that renders
    the button anew can revoke the file the click is still fetching.
    """
    st.download_button(
        t("table.download_raw", language),
        data=lambda: to_csv(raw()),
        file_name=f"{name}_filtered_raw.csv",
        mime="text/csv",
        key=f"download.{key}",
        icon=":material/download:",
        on_click="ignore",
    )
    st.download_button(
        t("table.download_shown", language),
        data=lambda: to_csv(shown),
        file_name=f"{name}_filtered_shown_{language}.csv",
        mime="text/csv",
        key=f"download.{key}.shown",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(t("table.download_note", language))


def table_view(
    rows: pd.DataFrame,
    language: Lang,
    columns: Sequence[TableColumn],
    *,
    name: str,
    codes: dict[str, str] | None = None,
    key: str,
    raw: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """An expander with the table of ``rows`` and downloads of exactly those rows (raw, and
    as shown); ``raw`` builds the raw download where it is not ``rows`` themselves.

    The table is built only while the expander is open (a closed one costs nothing per rerun).
    """
    with lazy_expander(t("table.show", language) + f" · {len(rows)}", key=f"table.{key}") as shown:
        if not shown:
            return
        table = display_frame(rows, language, columns, codes=codes)
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                t("table.link", language): st.column_config.LinkColumn(
                    t("table.link", language), display_text="↗"
                )
            },
        )
        csv_downloads(raw or (lambda: rows), table, language, name=name, key=key)
