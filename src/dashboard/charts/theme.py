"""One visual theme for every chart: Okabe–Ito colours (colour-blind safe), projector-sized type,
and the same colour for the same jurisdiction, domain or lane on every page."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.i18n import AXIS_DATE_FORMAT, Lang

# Okabe & Ito (2008) palette.
BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#009E73"
ORANGE = "#E69F00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#7F7F7F"
BLACK = "#000000"

COLOURS: dict[str, dict[str, str]] = {
    "jurisdiction": {
        "EU": BLUE,
        "US": VERMILLION,
        "UK": PURPLE,
        "JP": ORANGE,
        "G7": GREEN,
        "CA": SKY,
        "AU": YELLOW,
        "CH": GREY,
        "OTHER": BLACK,
    },
    "domain": {
        "military": VERMILLION,
        "diplomatic": BLUE,
        "economic": GREEN,
        "transport": ORANGE,
        "education_culture": PURPLE,
        "labour": SKY,
    },
    "lane": {"ceasefire": BLUE, "sanctions": VERMILLION, "economy": GREEN, "dprk": PURPLE},
    "overlay": {"ceasefire": BLUE, "sanctions": VERMILLION, "dprk": PURPLE},
    "event_type": {
        "call": SKY,
        "talks": BLUE,
        "summit": VERMILLION,
        "plan": GREEN,
        "statement": GREY,
        "ceasefire": ORANGE,
    },
    "indicator": {
        "goods_exports": BLUE,
        "goods_imports": ORANGE,
        "oil_gas_revenue": VERMILLION,
        "federal_budget_balance": GREY,
        "cpi_inflation": PURPLE,
        "defence_spending": GREEN,
    },
    "frequency": {"quarterly": SKY, "annual": BLUE},
    "measure_type": {
        "package": BLUE,
        "price_cap": GREEN,
        "designation": VERMILLION,
        "export_control": ORANGE,
        "import_ban": PURPLE,
        "financial": SKY,
        "services_ban": YELLOW,
        "other": GREY,
    },
}

# A second, shape channel so categories stay apart in greyscale print and for colour-blind readers.
SYMBOLS = [
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "cross",
    "x",
    "star",
    "hexagon",
    "pentagon",
]

FONT_FAMILY = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
BASE_FONT_SIZE = 16


def colour(field: str, code: str) -> str:
    return COLOURS.get(field, {}).get(str(code), GREY)


def symbol(position: int) -> str:
    return SYMBOLS[position % len(SYMBOLS)]


TRACE_TYPES = ("scatter", "scattergl", "bar")


def _template() -> go.layout.Template:
    """simple_white with the shared type, legend, hover and grid: built and validated once."""
    base = pio.templates["simple_white"]
    # Only the trace types the dashboard draws: every figure carries its template to the
    # browser, and defaults for 20 unused trace types are a third of a timeline's JSON.
    template = go.layout.Template(
        layout=base.layout,
        data={kind: base.data[kind] for kind in TRACE_TYPES},
    )
    template.layout.update(
        font={"family": FONT_FAMILY, "size": BASE_FONT_SIZE, "color": "#1a1a1a"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 15}, "align": "left"},
        hovermode="closest",
        xaxis={"showgrid": True, "gridcolor": "#e5e5e5", "automargin": True},
        yaxis={"showgrid": True, "gridcolor": "#e5e5e5", "automargin": True},
    )
    return template


TEMPLATE = "briefing"
pio.templates[TEMPLATE] = _template()
# Figures start from this template, so no figure re-validates a template of its own.
pio.templates.default = TEMPLATE


def base_layout(lang: Lang, *, title: str | None = None, height: int = 460) -> dict[str, Any]:
    """Per-figure layout on top of the shared template: title, height and margins."""
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 20}}
        if title
        else None,
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 70 if title else 30, "b": 10},
    }


DAY_MS = 86_400_000
_DAY_FORMAT = {"ja": "%Y年%-m月%-d日", "en": "%-d %b %Y"}
_YEAR_FORMAT = {"ja": "%Y年", "en": "%Y"}


def date_xaxis(lang: Lang, **options: object) -> dict[str, Any]:
    """A localised date x-axis whose labels follow the tick spacing, so a short range shows
    days, a longer one months and a long one years, never the same month twice."""
    return {
        "type": "date",
        "tickformat": AXIS_DATE_FORMAT[lang],
        "tickformatstops": [
            {"dtickrange": [None, 28 * DAY_MS], "value": _DAY_FORMAT[lang]},
            {"dtickrange": [28 * DAY_MS, "M12"], "value": AXIS_DATE_FORMAT[lang]},
            {"dtickrange": ["M12", None], "value": _YEAR_FORMAT[lang]},
        ],
        **options,
    }
