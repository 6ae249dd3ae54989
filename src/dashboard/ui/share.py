"""Sharing a view: its link, a "Copy link" button, and a QR code of it for the room.

The link is the page's address in the browser with the query parameters of the view state
(``state.to_query``), so it reproduces what the reader sees. The QR code is drawn by segno.
"""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode

import segno
import streamlit as st
from streamlit.components.v2 import component

from dashboard.i18n import t
from dashboard.state import ViewSpec, ViewState, to_query

COPY_HTML = '<button type="button" class="copy"></button><span class="done" role="status"></span>'
COPY_CSS = """
.copy { font: inherit; width: 100%; padding: 0.35rem 0.6rem; border-radius: 0.5rem;
  border: 1px solid rgba(49, 51, 63, 0.3); background: #fff; color: #1a1a1a; cursor: pointer; }
.copy:focus-visible { outline: 3px solid #005a8c; outline-offset: 2px; }
.done { display: block; font-size: 0.85rem; color: #1a1a1a; min-height: 1.2em; }
"""
COPY_JS = """
export default function(component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector("button.copy");
  const done = parentElement.querySelector(".done");
  button.textContent = data.label;
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(data.url);
      done.textContent = data.copied;
    } catch (error) {
      done.textContent = data.failed;
    }
  };
}
"""
_copy = component("dashboard.copy_link", html=COPY_HTML, css=COPY_CSS, js=COPY_JS)


def link(state: ViewState, spec: ViewSpec, *, present: bool | None = None) -> str:
    """The address that reproduces ``state`` on this page (optionally in presentation mode)."""
    view = state if present is None else state.with_(present=present)
    query = urlencode(to_query(view, spec))
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


@lru_cache(maxsize=256)
def qr_png(url: str) -> bytes:
    """The QR code of ``url`` as a PNG (black on white, with its quiet zone)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=5, dark="#000000", light="#ffffff")
    return out.getvalue()


def share(state: ViewState, spec: ViewSpec, *, where: object = None) -> None:
    """The link of the current view, a button that copies it, and its QR code."""
    language = state.lang
    place = where or st.sidebar
    url = link(state, spec)
    with place.expander(t("share.heading", language), icon=":material/share:"):  # type: ignore[attr-defined]
        st.caption(t("share.help", language))
        st.code(url, language=None, wrap_lines=True)
        _copy(
            key=f"share.copy.{spec.page}",
            data={
                "url": url,
                "label": t("share.copy", language),
                "copied": t("share.copied", language),
                "failed": t("share.failed", language),
            },
        )
        st.image(qr_png(url), width=200, alt=t("share.qr_alt", language))
