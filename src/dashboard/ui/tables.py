"""Table views under charts: the rows a chart shows, with source links and two CSV downloads
(the raw rows, and the table as shown in the page's language)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.datasets.spec import TableColumn, in_lang
from dashboard.i18n import Lang, format_date, label, t


@dataclass(frozen=True)
class Layers:
    """Which layer a table holds, row by row: ``late`` marks the follow-up rows (dated or
    published after the cut-off), ``new`` the rows dated after the view's "since" day."""

    follow_up: bool
    since: date | None
    late: np.ndarray
    new: np.ndarray

    def caption(self, language: Lang) -> str:
        key = "layer.table_latest" if self.follow_up else "layer.table_chapter"
        text = t(key, language, n=int(self.late.sum()))
        if self.since:
            text += t(
                "layer.table_since",
                language,
                date=format_date(self.since, language),
                n=int(self.new.sum()),
            )
        return text

    def shown(self, table: pd.DataFrame, language: Lang) -> pd.DataFrame:
        """The table as shown, with a layer column (in the follow-up view) and a "new" one."""
        table = table.copy()
        if self.follow_up:
            table.insert(
                0,
                t("layer.column", language),
                np.where(
                    self.late, t("layer.after_row", language), t("layer.chapter_row", language)
                ),
            )
        if self.since:
            table.insert(0, t("layer.new_column", language), np.where(self.new, "★", ""))
        return table

    def raw(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The raw rows with the same marks as codes: ``layer`` (chapter / follow_up) and, with a
        "since" day, ``new_since``."""
        rows = rows.assign(layer=np.where(self.late, "follow_up", "chapter"))
        if self.since:
            rows = rows.assign(new_since=self.new)
        return rows

    @property
    def suffix(self) -> str:
        return "latest" if self.follow_up else "chapter"


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
    suffix: str = "",
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
        file_name=f"{name}_filtered{suffix}_raw.csv",
        mime="text/csv",
        key=f"download.{key}",
        icon=":material/download:",
        on_click="ignore",
    )
    st.download_button(
        t("table.download_shown", language),
        data=lambda: to_csv(shown),
        file_name=f"{name}_filtered{suffix}_shown_{language}.csv",
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
    layers: Layers | None = None,
) -> None:
    """An expander with the table of ``rows`` and downloads of exactly those rows (raw, and
    as shown); ``raw`` builds the raw download where it is not ``rows`` themselves (in the
    same order). ``layers`` says which layer each row belongs to; the table, both CSVs and
    their names say it too.

    The table is built only while the expander is open (a closed one costs nothing per rerun).
    """
    with lazy_expander(t("table.show", language) + f" · {len(rows)}", key=f"table.{key}") as shown:
        if not shown:
            return
        table = display_frame(rows, language, columns, codes=codes)
        build_raw = raw or (lambda: rows)
        suffix = ""
        if layers is not None:
            st.caption(layers.caption(language))
            table = layers.shown(table, language)
            build_raw = (lambda built: lambda: layers.raw(built()))(build_raw)
            suffix = f"_{layers.suffix}"
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
        csv_downloads(build_raw, table, language, name=name, key=key, suffix=suffix)
