"""How wide the reader's charts are, when the screen is a phone's.

plotly lays out tick labels, legend entries and notes in pixels that the server chose, and
Streamlit gives a chart the width of the page: CSS cannot shorten a label. So a small reviewed
script reports the chart width (the window's less Streamlit's padding) when the window is
narrower than ``NARROW_BELOW``, and ``charts.fit.for_width`` lays the figure out again for it.

On a wider screen the script reports nothing new (its state stays at the default, 0) and no
rerun happens; on a phone the page draws once at the default layout, then again at its width.
The report waits until the browser has drawn the first run: an earlier rerun would make
Streamlit draw the sidebar's widgets without the values the link gave them.
The width lives in the session, so other pages open at it at once. Rotating the phone, or
resizing the window across the threshold, reports again.
"""

from __future__ import annotations

import streamlit as st
from streamlit.components.v2 import component

#: Below this window width (CSS px; Streamlit's own phone breakpoint) charts are fitted.
NARROW_BELOW = 640
#: Streamlit's padding either side of the main column on a phone (1 rem each).
PADDING_PX = 32
#: Widths are reported in steps of this many px (a resize by a few px does not redraw).
STEP_PX = 10
SESSION_KEY = "viewport.chart_width"

WIDTH_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  const known = (data && data.known) || 0;
  const narrow = (data && data.narrow) || 640;
  const padding = (data && data.padding) || 32;
  const step = (data && data.step) || 10;
  const measure = () => window.innerWidth < narrow
    ? Math.max(step, Math.floor((window.innerWidth - padding) / step) * step) : 0;
  let last = known;
  let gone = false;
  const report = () => {
    const width = measure();
    if (!gone && width !== last) { last = width; setStateValue("width", width); }
  };
  // The first report waits until the browser has drawn the run that mounted this script
  // (the app no longer says it is running, then one frame): a rerun asked for before the
  // sidebar's widgets are in place makes Streamlit draw them at their defaults, and a shared
  // link's filters would be lost at the reader's next click.
  let tries = 0;
  const whenDrawn = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute("data-test-script-state");
    if (state && state !== "notRunning" && tries++ < 100) { setTimeout(whenDrawn, 50); return; }
    requestAnimationFrame(() => setTimeout(report, 50));
  };
  whenDrawn();
  window.addEventListener("resize", report);
  return () => { gone = true; window.removeEventListener("resize", report); };
}
"""
_width = component("dashboard.viewport_width", js=WIDTH_JS)


def _reported() -> None:
    result = st.session_state.get("viewport.component")
    width = getattr(result, "width", None) if result is not None else None
    if isinstance(width, int | float) and 0 <= width < NARROW_BELOW:
        st.session_state[SESSION_KEY] = int(width)


def watch() -> None:
    """Mount the reporter (in the sidebar, out of the reading order)."""
    known = chart_width() or 0
    with st.sidebar:
        _width(
            key="viewport.component",
            data={"known": known, "narrow": NARROW_BELOW, "padding": PADDING_PX, "step": STEP_PX},
            default={"width": known},
            on_width_change=_reported,
        )


def chart_width() -> int | None:
    """The charts' width in px on a phone, or None on a wider screen (the built-in layout)."""
    width = st.session_state.get(SESSION_KEY)
    return int(width) if isinstance(width, int) and width > 0 else None
