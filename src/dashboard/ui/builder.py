"""The deck builder: pick, drop and reorder the briefing's slides, set a slide's window, add
talking points, a marking and the briefing's date, an organisation's template; download the
deck, the handout and the HTML briefing; share the briefing as a link and a QR code.

The choice lives in the URL (``slides=``, ``w.KEY=``, ``tp.KEY=``, ``mine=``, ``footer=``,
``date=``), so a prepared briefing is a link, and presentation mode on any page shows it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import slides
from dashboard.briefing.deck import open_template
from dashboard.datasets.core import FIRST_DAY
from dashboard.i18n import Lang, t
from dashboard.state import (
    MAX_FOOTER_LENGTH,
    MAX_TALK_LENGTH,
    ViewSpec,
    ViewState,
)
from dashboard.ui import exports, presentation
from dashboard.ui.controls import PLAN_KEY

TABLE_KEY = "builder.table"
TEMPLATE_KEY = "builder.template"
#: Talking points are typed on one line in the table: several are separated by these.
POINT_SEPARATORS = ("；", ";")


def _plan() -> dict[str, Any]:
    return dict(st.session_state.get(PLAN_KEY) or {})


def _save(**changes: Any) -> None:
    plan = _plan()
    plan.update(changes)
    st.session_state[PLAN_KEY] = plan


def _title(key: str, language: Lang) -> str:
    spec = slides.CATALOGUE[key]
    section = spec.section_title(language)
    return (
        f"{spec.title(language)}（{section}）"
        if section and language == "ja"
        else (f"{spec.title(language)} ({section})" if section else spec.title(language))
    )


def _chosen_changed(state: ViewState) -> None:
    chosen = tuple(st.session_state.get("builder.slides") or ())
    _save(deck=chosen if chosen != slides.deck_keys(state.with_(deck=())) else ())


def _table(state: ViewState) -> pd.DataFrame:
    """One row per chosen slide: its place, title, window and the briefer's talking points."""
    language = state.lang
    rows = []
    for number, key in enumerate(slides.deck_keys(state), start=1):
        spec = slides.CATALOGUE[key]
        start, end = (
            spec.window(state.with_(mine=False)) if spec.kind == "chart" else (pd.NaT, pd.NaT)
        )
        rows.append(
            {
                "order": number,
                "key": key,
                "title": _title(key, language),
                "start": start,
                "end": end,
                "talk": "； ".join(state.talk.get(key, "").splitlines())
                if language == "ja"
                else "; ".join(state.talk.get(key, "").splitlines()),
            }
        )
    return pd.DataFrame(rows)


def _as_date(value: object) -> date | None:
    """A table cell's day: the editor gives dates as ISO text once edited; empty is None."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    try:
        return pd.Timestamp(value).date()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _table_changed(state: ViewState, base: pd.DataFrame) -> None:
    """Apply the table's edits: new order, windows and talking points."""
    edits = (st.session_state.get(TABLE_KEY) or {}).get("edited_rows", {})
    _save(**apply_edits(state, base, edits))


def apply_edits(
    state: ViewState, base: pd.DataFrame, edits: dict[Any, dict[str, Any]]
) -> dict[str, Any]:
    """The briefing's deck, windows and talking points after the table's ``edits`` (the
    editor's ``edited_rows``: row position -> column -> new value). Pure, for the tests."""
    table = base.astype(object)  # an edit may bring any type (a decimal place, ISO text)
    for index, change in edits.items():
        for column, value in change.items():
            if column in table.columns:
                table.at[int(index), column] = value
    own_view = state.with_(mine=False, windows={})
    upper = slides.CATALOGUE["title"].window(own_view)[1]
    windows = dict(state.windows)
    talk = dict(state.talk)
    for row in table.itertuples(index=False):
        spec = slides.CATALOGUE[row.key]
        first, last = _as_date(row.start), _as_date(row.end)
        if spec.kind == "chart" and first and last:
            start = min(max(first, FIRST_DAY), upper)
            end = min(max(last, FIRST_DAY), upper)
            window = (min(start, end), max(start, end))
            if window != spec.window(own_view):
                windows[row.key] = window
            else:
                windows.pop(row.key, None)
        text = (
            ""
            if row.talk is None or (not isinstance(row.talk, str) and pd.isna(row.talk))
            else str(row.talk)
        )
        for separator in POINT_SEPARATORS:
            text = text.replace(separator, "\n")
        lines = "\n".join(line.strip() for line in text.splitlines() if line.strip())
        if lines:
            talk[row.key] = lines[:MAX_TALK_LENGTH]
        else:
            talk.pop(row.key, None)
    order = pd.to_numeric(table["order"], errors="coerce").fillna(len(table) + 1)
    ordered = table.assign(order=order).sort_values(["order"], kind="stable")["key"].tolist()
    deck = tuple(ordered)
    default = slides.deck_keys(state.with_(deck=()))
    return {"deck": () if deck == default else deck, "windows": windows, "talk": talk}


def intro(language: Lang) -> None:
    st.markdown(t("builder.intro", language))


def builder(spec: ViewSpec, state: ViewState) -> None:
    """The deck builder's controls, downloads and sharing."""
    language = state.lang
    available = [
        key for key, item in slides.CATALOGUE.items() if state.follow_up or not item.follow_up_only
    ]
    st.subheader(t("builder.slides_heading", language))
    st.caption(t("builder.slides_help", language))
    st.session_state["builder.slides"] = list(slides.deck_keys(state))
    st.multiselect(
        t("builder.slides", language),
        options=available,
        format_func=lambda key: slides.CATALOGUE[key].title(language),
        key="builder.slides",
        on_change=_chosen_changed,
        args=(state,),
    )
    base = _table(state)
    st.data_editor(
        base,
        key=TABLE_KEY,
        hide_index=True,
        width="stretch",
        height=38 + 35 * len(base),  # every slide on screen: no scrolling inside the table
        num_rows="fixed",
        column_order=("order", "title", "start", "end", "talk"),
        column_config={
            "order": st.column_config.NumberColumn(
                t("builder.order", language),
                min_value=1,
                step=1,
                help=t("builder.order_help", language),
            ),
            "title": st.column_config.TextColumn(t("builder.slide", language), disabled=True),
            "start": st.column_config.DateColumn(
                t("builder.start", language),
                format="YYYY-MM-DD",
                help=t("builder.window_help", language),
            ),
            "end": st.column_config.DateColumn(
                t("builder.end", language),
                format="YYYY-MM-DD",
                help=t("builder.window_help", language),
            ),
            "talk": st.column_config.TextColumn(
                t("builder.talk", language),
                help=t("builder.talk_help", language),
                max_chars=MAX_TALK_LENGTH,
            ),
        },
        on_change=_table_changed,
        args=(state, base),
    )
    st.toggle(
        t("builder.mine", language),
        value=state.mine,
        key="builder.mine",
        help=t("builder.mine_help", language),
        on_change=lambda: _save(mine=bool(st.session_state.get("builder.mine"))),
    )
    left, right = st.columns(2)
    left.text_input(
        t("builder.footer", language),
        value=state.footer,
        max_chars=MAX_FOOTER_LENGTH,
        key="builder.footer",
        help=t("builder.footer_help", language),
        on_change=lambda: _save(footer=str(st.session_state.get("builder.footer") or "").strip()),
    )
    right.date_input(
        t("builder.date", language),
        value=state.briefing_date,
        key="builder.date",
        format="YYYY/MM/DD",
        on_change=lambda: _save(briefing_date=st.session_state.get("builder.date")),
    )
    template = _template(language)
    _downloads(state, template)
    st.button(
        t("builder.present", language),
        icon=":material/co_present:",
        on_click=presentation.start,
        args=(spec,),
        key="builder.present",
    )


def _template(language: Lang) -> bytes | None:
    """The organisation's template, if one was uploaded and can be used (else a message)."""
    upload = st.file_uploader(
        t("builder.template", language),
        type=["pptx", "potx"],
        key=TEMPLATE_KEY,
        help=t("builder.template_help", language),
    )
    if upload is None:
        return None
    data = upload.getvalue()
    _, templated, problem = open_template(data)
    if not templated:
        st.warning(
            t("builder.template_bad", language, name=upload.name, problem=problem),
            icon=":material/warning:",
        )
        return None
    st.caption(t("builder.template_ok", language, name=upload.name))
    return data


def _downloads(state: ViewState, template: bytes | None) -> None:
    language = state.lang
    st.subheader(t("builder.downloads", language))
    stem = f"briefing_{len(slides.deck_keys(state))}slides_{language}"
    exports.briefing_buttons(
        state, stem, st.columns(3), key="builder.download", template=template, on_click="ignore"
    )
    st.caption(t("builder.html_help", language))
