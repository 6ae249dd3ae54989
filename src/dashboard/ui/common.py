"""Streamlit building blocks every page shares: language, header, error boxes, source lines."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from dashboard.chapter import chapter
from dashboard.datasets.cached import load
from dashboard.i18n import DEFAULT_LANG, LANGS, Lang, format_date, t
from dashboard.state import Notice

LANG_KEY = "lang"


def lang() -> Lang:
    """The language chosen in the sidebar switch (Japanese until the user picks English)."""
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def language_switch() -> Lang:
    """The sidebar switch; on a session's first run it takes ``?lang=`` from the URL."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state[LANG_KEY] = wanted if wanted in LANGS else DEFAULT_LANG
    st.sidebar.segmented_control(
        t("app.language", lang()),
        options=list(LANGS),
        format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
        key=LANG_KEY,
        selection_mode="single",
        width="stretch",
    )
    if st.session_state.get(LANG_KEY) not in LANGS:  # the control allows deselecting
        st.session_state[LANG_KEY] = DEFAULT_LANG
    return lang()


def as_of(language: Lang) -> str:
    return t("app.as_of", language, date=format_date(chapter().cutoff, language))


def header(title: str, language: Lang) -> None:
    st.title(title)
    st.caption(as_of(language))


def show_notices(notices: list[Notice], language: Lang) -> None:
    if not notices:
        return
    lines = [t("notice.heading", language)]
    for notice in notices:
        lines.append(
            "- "
            + t(
                notice.reason,
                language,
                param=notice.param,
                value=notice.value,
                fallback=notice.fallback,
            )
        )
    st.warning("\n".join(lines), icon="⚠️")


def dataset(dataset_id: str, language: Lang) -> pd.DataFrame | None:
    """The dataset's frame, or an error box naming file, line and column (and ``None``)."""
    result = load(dataset_id)
    if result.ok and result.frame is not None:
        return result.frame
    shown = result.problems[:25]
    lines = [t("app.error_box", language, path=result.path, count=len(result.problems))]
    lines += [f"- `{problem}`" for problem in shown]
    if len(result.problems) > len(shown):
        lines.append(f"- … (+{len(result.problems) - len(shown)})")
    lines.append(t("app.error_fix", language))
    st.error("\n".join(lines), icon="🚫")
    return None


def source_line(rows: pd.DataFrame, language: Lang, *, limit: int = 5) -> None:
    """Under every chart: the publishers of the rows shown, and the as-of date."""
    if rows is None or rows.empty:
        return
    counts = rows["source_publisher"].astype(str).value_counts()
    names = list(counts.index[:limit])
    extra = len(counts) - len(names)
    text = ", ".join(names) if language == "en" else "、".join(names)
    if extra > 0:
        text += f" ほか{extra}" if language == "ja" else f" and {extra} more"
    st.caption(
        t("chart.source_line", language, sources=text, date=format_date(chapter().cutoff, language))
    )


@contextmanager
def panel(language: Lang) -> Iterator[None]:
    """Run one panel; an unexpected failure shows a message there and the page goes on."""
    try:
        yield
    except Exception:  # keep the rest of the page alive; details go to the server log
        logging.getLogger("dashboard").exception("panel failed")
        st.error(t("app.unexpected", language), icon="🚫")
