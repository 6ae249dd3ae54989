"""Briefing exports: the briefing's slides as a PowerPoint deck, an A4 PDF handout, one
self-contained HTML file, and single chart images with title, sources and as-of date on them.
No Streamlit here: the app's download buttons and ``python -m dashboard export`` call the same
functions.

    build_deck(state, lang, frames=None, template=None) -> bytes  # .pptx
    build_handout(state, lang, frames=None) -> bytes         # .pdf
    build_html(state, lang, frames=None) -> bytes            # .html, self-contained
    chart_image(fig, title=, sources=, lang=, fmt=) -> bytes # .png / .svg
    chart_images([ChartRequest(fig, title, sources), ...], lang=, fmt=) -> list[bytes]

Each starts Chromium for the call (about 3 s) unless given ``renderer=``: a running
``ChartRenderer`` (a context manager) or ``shared_renderer()``, one per process.

Without Chromium, chart rendering raises :class:`ChartRenderingUnavailable`, whose message says
what to install; ``build_deck``/``build_handout`` with ``with_charts=False`` still work.
"""

from dashboard.briefing.content import Briefing, compose, describe_filters
from dashboard.briefing.deck import build_deck
from dashboard.briefing.handout import build_handout
from dashboard.briefing.html import build_html
from dashboard.briefing.images import (
    ChartRenderer,
    ChartRenderingUnavailable,
    ChartRequest,
    chart_image,
    chart_images,
    shared_renderer,
)
from dashboard.fonts import FontUnavailable

__all__ = [
    "Briefing",
    "ChartRenderer",
    "ChartRenderingUnavailable",
    "ChartRequest",
    "FontUnavailable",
    "build_deck",
    "build_handout",
    "build_html",
    "chart_image",
    "chart_images",
    "compose",
    "describe_filters",
    "shared_renderer",
]
