"""Download buttons for the briefing exports: deck and handout of the current view, and each
chart as PNG or SVG with its title, source line and as-of date on the image.

Files are built when the button is clicked (deferred), never on an ordinary rerun. Chart
pictures use one Chromium per server process; without Chromium the deck and handout are
built without pictures and the image buttons are replaced by a note saying what to install.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Literal

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


def briefing_buttons(
    state: ViewState,
    stem: str,
    places: Sequence[Any],
    *,
    key: str,
    template: bytes | None = None,
    on_click: Literal["rerun", "ignore"] = "rerun",
) -> None:
    """The deck (PPTX), handout (PDF) and HTML briefing of the briefing's slides, one button in
    each of ``places``; each file is built when its button is clicked, never on a rerun."""
    files = (
        ("deck", partial(_built, partial(build_deck, template=template), state), "pptx", PPTX_MIME,
         ":material/slideshow:"),
        ("handout", partial(_built, build_handout, state), "pdf", "application/pdf",
         ":material/picture_as_pdf:"),
        ("html", partial(build_html, state, state.lang), "html", "text/html", ":material/html:"),
    )  # fmt: skip
    for place, (name, data, suffix, mime, icon) in zip(places, files, strict=True):
        place.download_button(
            t(f"present.{name}", state.lang),
            data=data,
            file_name=f"{stem}.{suffix}",
            mime=mime,
            key=f"{key}.{name}",
            icon=icon,
            width="stretch",
            on_click=on_click,
        )


def briefing_downloads(state: ViewState, page: str) -> None:
    """Sidebar: deck (PPTX), handout (PDF) and HTML briefing of the briefing's slides."""
    side = st.sidebar
    language = state.lang
    side.subheader(t("present.exports", language))
    side.caption(t("present.exports_help", language))
    stem = f"briefing_{page}_{state.start:%Y%m%d}-{state.end:%Y%m%d}_{language}"
    briefing_buttons(state, stem, [side] * 3, key="download")
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
