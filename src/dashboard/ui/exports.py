"""Download buttons for the briefing exports: deck and handout of the current view, and each
chart as PNG or SVG with its title, source line and as-of date on the image.

Files are built when the button is clicked (deferred), never on an ordinary rerun. Chart
pictures use one Chromium per server process; without Chromium the deck and handout are
built without pictures and the image buttons are replaced by a note saying what to install.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.briefing import (
    ChartRenderingUnavailable,
    build_deck,
    build_handout,
    build_html,
    chart_image,
    shared_renderer,
)
from dashboard.briefing.images import INSTALL_HINT, browser_path
from dashboard.i18n import Lang, t
from dashboard.state import ViewState

log = logging.getLogger("dashboard")
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _built(build: Callable[..., bytes], state: ViewState) -> bytes:
    """A deck or handout with chart pictures, or without them when Chromium is unavailable."""
    try:
        return build(state, state.lang, renderer=shared_renderer())
    except ChartRenderingUnavailable:
        log.warning("%s without chart pictures: no usable Chromium", build.__name__)
        return build(state, state.lang, with_charts=False)


def briefing_downloads(state: ViewState, page: str) -> None:
    """Sidebar: deck (PPTX), handout (PDF) and HTML briefing of the briefing's slides."""
    side = st.sidebar
    language = state.lang
    side.subheader(t("present.exports", language))
    side.caption(t("present.exports_help", language))
    stem = f"briefing_{page}_{state.start:%Y%m%d}-{state.end:%Y%m%d}_{language}"
    files = (
        ("deck", build_deck, "pptx", PPTX_MIME, ":material/slideshow:"),
        ("handout", build_handout, "pdf", "application/pdf", ":material/picture_as_pdf:"),
        ("html", build_html, "html", "text/html", ":material/html:"),
    )
    for name, build, suffix, mime, icon in files:
        side.download_button(
            t(f"present.{name}", language),
            data=partial(_built, build, state)  # built on click, not on every rerun
            if build is not build_html
            else partial(build_html, state, state.lang),
            file_name=f"{stem}.{suffix}",
            mime=mime,
            key=f"download.{name}",
            icon=icon,
            width="stretch",
        )
    if browser_path() is None:
        side.caption(t("present.no_browser", language, hint=INSTALL_HINT))


def chart_downloads(
    fig: go.Figure, *, title: str, rows: pd.DataFrame, language: Lang, key: str
) -> None:
    """PNG and SVG of one chart, with title, sources and as-of date drawn on the image."""
    if browser_path() is None:
        st.caption(t("present.no_browser", language, hint=INSTALL_HINT))
        return

    def render(fmt: str) -> bytes:  # on click: the publishers, most cited first, on the image
        publishers = list(rows["source_publisher"].astype(str).value_counts().index)
        return chart_image(
            fig,
            title=title,
            sources=publishers,
            lang=language,
            fmt=fmt,  # type: ignore[arg-type]
            renderer=shared_renderer(),
        )

    png, svg = st.columns(2)
    png.download_button(
        t("present.png", language),
        data=lambda: render("png"),
        file_name=f"{key}.png",
        mime="image/png",
        key=f"download.{key}.png",
        icon=":material/image:",
        width="stretch",
    )
    svg.download_button(
        t("present.svg", language),
        data=lambda: render("svg"),
        file_name=f"{key}.svg",
        mime="image/svg+xml",
        key=f"download.{key}.svg",
        icon=":material/draw:",
        width="stretch",
    )
