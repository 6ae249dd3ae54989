"""The overview page's own pieces: the chapter's title block, its argument, key figures."""

from __future__ import annotations

import streamlit as st

from dashboard import selection
from dashboard.chapter import author_name, chapter, overview
from dashboard.datasets import REGISTRY
from dashboard.datasets.core import CHECKED
from dashboard.i18n import Lang, format_date, t
from dashboard.state import ViewState
from dashboard.ui.common import as_of, dataset, panel


def title_block(language: Lang, *, follow_up: bool = False) -> None:
    info = chapter()
    st.caption(t("app.companion", language))
    st.title(info.title[language])
    st.markdown(
        t(
            "page.byline",
            language,
            label=info.label[language],
            author=author_name(language),
            affiliation=info.affiliation[language],
            cutoff=format_date(info.cutoff, language),
        )
    )
    st.caption(t("page.publisher", language, publisher=info.publisher[language]))
    if follow_up:
        st.caption(
            t(
                "app.as_of_latest",
                language,
                date=format_date(info.cutoff, language),
                checked=format_date(CHECKED, language),
            )
        )
    else:
        st.caption(as_of(language))


def argument(language: Lang) -> None:
    st.subheader(t("page.overview_argument", language))
    st.markdown(overview(language))


def key_figures(state: ViewState) -> None:
    """Every key figure the datasets declare, side by side, in registry order, from the rows of
    the layer shown (the chapter's alone by default)."""
    language = state.lang
    with panel(language):
        declared = [(spec, figure) for spec in REGISTRY.values() for figure in spec.key_figures]
        if not declared:
            return
        columns = st.columns(len(declared))
        for column, (spec, figure) in zip(columns, declared, strict=True):
            rows = dataset(spec.id, language)
            if rows is None:
                continue
            rows = selection.in_layer(spec, rows, state.follow_up)
            if rows.empty:
                continue
            metric = figure.compute(rows, language)
            if metric is None:
                continue
            column.metric(
                metric.label,
                metric.value,
                delta=metric.delta,
                delta_color="off",
                help=metric.help,
            )
            if metric.caption:
                column.caption(metric.caption)
