"""The dashboard's figures by name: filtered rows + view state + language -> plotly Figure.

Pure (no Streamlit): the app's panels, presentation mode and the briefing export all draw
through these, so a chart looks the same on screen, on a slide and in a handout.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from dashboard import events
from dashboard.charts import economy, timeline
from dashboard.datasets import ceasefire_talks, dprk_russia_milestones, sanctions_timeline
from dashboard.i18n import Lang
from dashboard.state import ViewState

Builder = Callable[[pd.DataFrame, ViewState, Lang], go.Figure]


def lanes(
    to_events: Callable[[pd.DataFrame, Lang], pd.DataFrame], field: str, order: tuple[str, ...]
) -> Builder:
    """Events as markers in one lane per category of ``field``, over the view's date range."""

    def build(rows: pd.DataFrame, state: ViewState, lang: Lang) -> go.Figure:
        return timeline.event_lanes(
            to_events(rows, lang), lang, field=field, order=order, start=state.start, end=state.end
        )

    return build


def counts(field: str, order: tuple[str, ...], freq: str) -> Builder:
    """Stacked counts of rows per quarter (``"Q"``) or year (``"Y"``) by their ``field`` code.

    Counting needs only each row's date and code, so no full event frame is built.
    """

    def build(rows: pd.DataFrame, state: ViewState, lang: Lang) -> go.Figure:
        dated = pd.DataFrame({"date": rows["date"], "group": rows[field]})
        return timeline.counts_by_period(dated, lang, field=field, order=order, freq=freq)

    return build


def japan_events(rows: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Japan's measures laid out by measure type rather than jurisdiction."""
    return events.sanctions(rows, lang).assign(group=list(rows["measure_type"].astype(str)))


FIGURES: dict[str, Builder] = {
    "sanctions_lanes": lanes(events.sanctions, "jurisdiction", sanctions_timeline.JURISDICTIONS),
    "sanctions_counts": counts("jurisdiction", sanctions_timeline.JURISDICTIONS, "Q"),
    "japan_measures": lanes(japan_events, "measure_type", sanctions_timeline.MEASURE_TYPES),
    "dprk_lanes": lanes(events.dprk, "domain", dprk_russia_milestones.DOMAINS),
    "dprk_counts": counts("domain", dprk_russia_milestones.DOMAINS, "Y"),
    "ceasefire_timeline": lanes(events.ceasefire, "event_type", ceasefire_talks.EVENT_TYPES),
    "gdp_growth": lambda rows, state, lang: economy.gdp_growth(rows, lang),
    "key_rate": lambda rows, state, lang: economy.key_rate_path(rows, lang),
    "economy_indicators": lambda rows, state, lang: economy.indicators(rows, lang),
}
