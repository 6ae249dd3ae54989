"""Evidence panels: a chart (or table) of filtered rows, its source line and its table view.

Each panel takes the page's view state and language, draws itself and never raises: a dataset
that fails validation shows its error box here, and an empty filter result says so plainly.
Narrative paragraphs name panels with ``[[chart:<name>]]``; ``PANELS`` maps those names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import events, filters, selection
from dashboard.charts import economy as economy_charts
from dashboard.charts import positions as position_tables
from dashboard.charts import timeline
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, label, t
from dashboard.state import ViewState
from dashboard.ui.common import dataset, panel, source_line
from dashboard.ui.exports import chart_downloads
from dashboard.ui.tables import lazy_expander, table_view, to_csv

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}
#: The page an empty result points back to, for the "no items" message.
_NAV = {
    "sanctions_timeline": "sanctions",
    "dprk_russia_milestones": "dprk_russia",
    "ceasefire_talks": "ceasefire",
    "russian_gdp": "war_economy",
    "russian_key_rate": "war_economy",
    "russian_economy": "war_economy",
    "ceasefire_positions": "ceasefire",
}
# Table columns as (column, strings key); "_LANG" becomes "_ja" or "_en".
SANCTIONS_TABLE = [
    ("date", "table.date"),
    ("jurisdiction", "filter.jurisdiction"),
    ("measure_type", "filter.measure_type"),
    ("title_LANG", "table.title"),
    ("summary_LANG", "table.summary"),
]
SANCTIONS_CODES = {"jurisdiction": "jurisdiction", "measure_type": "measure_type"}
DPRK_TABLE = [
    ("date", "table.date"),
    ("domain", "filter.domain"),
    ("title_LANG", "table.title"),
    ("summary_LANG", "table.summary"),
    ("reported_by", "table.reported_by"),
]
CEASEFIRE_TABLE = [
    ("date", "table.date"),
    ("event_type", "filter.event_type"),
    ("parties", "filter.parties"),
    ("place_LANG", "table.place"),
    ("title_LANG", "table.title"),
    ("outcome_LANG", "table.outcome"),
]
GDP_TABLE = [
    ("period", "table.period"),
    ("real_gdp_growth_pct", "chart.gdp_axis"),
    ("estimate_type", "table.estimate"),
    ("published", "table.published"),
    ("note", "table.note"),
]
KEY_RATE_TABLE = [
    ("decision_date", "table.date"),
    ("key_rate_pct", "chart.key_rate_axis"),
    ("change_pp", "table.change"),
    ("decision", "table.decision"),
    ("meeting", "table.meeting"),
    ("note", "table.note"),
]
ECONOMY_TABLE = [
    ("indicator", "table.indicator"),
    ("period", "table.period"),
    ("value", "table.value"),
    ("unit", "table.unit"),
    ("estimate_type", "table.estimate"),
    ("published", "table.published"),
    ("note", "table.note"),
]


@dataclass(frozen=True)
class ChartPanel:
    """One dataset, filtered by the view, drawn as one chart with its sources and table."""

    key: str
    dataset_id: str
    title: str  # strings.toml key
    select: Callable[[pd.DataFrame, ViewState], pd.DataFrame]
    build: Callable[[pd.DataFrame, ViewState, Lang], go.Figure]
    table: list[tuple[str, str]]
    codes: dict[str, str] = field(default_factory=dict)
    counted: bool = False  # show "showing N of M" (timelines)

    def __call__(self, state: ViewState, language: Lang) -> None:
        with panel(language):
            rows = dataset(self.dataset_id, language)
            if rows is None:
                return
            shown = self.select(rows, state)
            st.subheader(t(self.title, language))
            if self.counted:
                st.caption(t("filter.showing", language, shown=len(shown), total=len(rows)))
            if shown.empty:
                _empty(language, self.dataset_id)
                return
            figure = self.build(shown, state, language)
            _chart(figure, self.key)
            source_line(shown, language)
            chart_downloads(
                figure, title=t(self.title, language), rows=shown, language=language, key=self.key
            )
            table_view(
                shown, language, self.table, codes=self.codes, name=self.dataset_id, key=self.key
            )


def _chart(fig: go.Figure, key: str) -> None:
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key)


def _empty(language: Lang, dataset_id: str) -> None:
    st.info(
        t("filter.empty", language, dataset=t(f"nav.{_NAV[dataset_id]}", language)),
        icon=":material/search_off:",
    )


def _japan_rows(rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    return filters.between(rows[rows["jurisdiction"] == "JP"], state.start, state.end)


def _overlay_events(state: ViewState, language: Lang) -> pd.DataFrame | None:
    """Events switched on as markers on the economy charts (headline sanctions only)."""
    if not state.overlays:
        return None
    wanted = set(state.overlays)
    sanctions = dataset("sanctions_timeline", language) if "sanctions" in wanted else None
    dprk = dataset("dprk_russia_milestones", language) if "dprk" in wanted else None
    talks = dataset("ceasefire_talks", language) if "ceasefire" in wanted else None
    if sanctions is not None:
        sanctions = sanctions[sanctions["measure_type"].isin(["package", "price_cap"])]
    limited = [
        None if rows is None else filters.between(rows, state.start, state.end)
        for rows in (sanctions, dprk, talks)
    ]
    combined = events.combined(limited[0], limited[1], limited[2], None, language)
    return combined if len(combined) else None


def _gdp(rows: pd.DataFrame, state: ViewState, language: Lang) -> go.Figure:
    return economy_charts.gdp_growth(rows, language, _overlay_events(state, language))


def _key_rate(rows: pd.DataFrame, state: ViewState, language: Lang) -> go.Figure:
    return economy_charts.key_rate_path(rows, language, _overlay_events(state, language))


sanctions_lanes = ChartPanel(
    "sanctions_lanes", "sanctions_timeline", "chart.sanctions_title", selection.sanctions_rows,
    FIGURES["sanctions_lanes"],
    SANCTIONS_TABLE, SANCTIONS_CODES, counted=True,
)  # fmt: skip
sanctions_counts = ChartPanel(
    "sanctions_counts", "sanctions_timeline", "chart.sanctions_counts", selection.sanctions_rows,
    FIGURES["sanctions_counts"],
    SANCTIONS_TABLE, SANCTIONS_CODES,
)  # fmt: skip
japan_measures = ChartPanel(
    "japan_measures", "sanctions_timeline", "chart.japan_title", _japan_rows,
    FIGURES["japan_measures"],
    SANCTIONS_TABLE, SANCTIONS_CODES,
)  # fmt: skip
dprk_lanes = ChartPanel(
    "dprk_lanes", "dprk_russia_milestones", "chart.dprk_title", selection.dprk_rows,
    FIGURES["dprk_lanes"],
    DPRK_TABLE, {"domain": "domain"}, counted=True,
)  # fmt: skip
dprk_counts = ChartPanel(
    "dprk_counts", "dprk_russia_milestones", "chart.dprk_counts", selection.dprk_rows,
    FIGURES["dprk_counts"],
    DPRK_TABLE, {"domain": "domain"},
)  # fmt: skip
ceasefire_timeline = ChartPanel(
    "ceasefire_timeline", "ceasefire_talks", "chart.ceasefire_title", selection.ceasefire_rows,
    FIGURES["ceasefire_timeline"],
    CEASEFIRE_TABLE, {"event_type": "event_type", "parties": "parties"}, counted=True,
)  # fmt: skip
gdp_growth = ChartPanel(
    "gdp_growth", "russian_gdp", "chart.gdp_title", selection.gdp_rows, _gdp, GDP_TABLE,
    {"estimate_type": "estimate_type"},
)  # fmt: skip
key_rate = ChartPanel(
    "key_rate", "russian_key_rate", "chart.key_rate_title", selection.key_rate_rows, _key_rate,
    KEY_RATE_TABLE, {"decision": "decision", "meeting": "meeting"},
)  # fmt: skip
economy_indicators = ChartPanel(
    "economy_indicators", "russian_economy", "chart.economy_title", selection.economy_rows,
    FIGURES["economy_indicators"], ECONOMY_TABLE,
    {"indicator": "indicator", "unit": "unit", "estimate_type": "estimate_type"},
)  # fmt: skip


def positions_table(state: ViewState, language: Lang) -> None:
    """The positions matrix (a table, not a chart): issues down, the four proposals across."""
    with panel(language):
        rows = dataset("ceasefire_positions", language)
        if rows is None:
            return
        st.subheader(t("chart.positions_title", language))
        matrix = position_tables.matrix(rows, language)
        st.table(matrix.set_index(matrix.columns[0]))
        source_line(rows, language)
        table_view(
            rows,
            language,
            [
                ("issue", "table.issue"),
                ("actor", "filter.parties"),
                ("position_LANG", "table.summary"),
                ("as_of", "table.date"),
            ],
            codes={"issue": "issue", "actor": "actor"},
            name="ceasefire_positions",
            key="positions_table",
        )


def combined_timeline(state: ViewState, language: Lang) -> None:
    """All four datasets in swimlanes on one date axis (the overview's timeline)."""
    with panel(language):
        lanes = set(state.codes("lane"))
        sources = {
            "sanctions": ("sanctions_timeline", "date"),
            "dprk": ("dprk_russia_milestones", "date"),
            "ceasefire": ("ceasefire_talks", "date"),
            "economy": ("russian_key_rate", "decision_date"),
        }
        frames = {
            lane: dataset(dataset_id, language) if lane in lanes else None
            for lane, (dataset_id, _) in sources.items()
        }
        limited = {
            lane: None
            if rows is None
            else filters.between(rows, state.start, state.end, column=sources[lane][1])
            for lane, rows in frames.items()
        }
        combined = events.combined(
            limited["sanctions"],
            limited["dprk"],
            limited["ceasefire"],
            limited["economy"],
            language,
        )
        combined = filters.search(combined, state.query)
        st.subheader(t("chart.timeline_title", language))
        total = sum(len(rows) for rows in frames.values() if rows is not None)
        st.caption(t("filter.showing", language, shown=len(combined), total=total))
        if combined.empty:
            st.info(
                t("filter.empty", language, dataset=t("nav.overview", language)),
                icon=":material/search_off:",
            )
            return
        fig = timeline.event_lanes(
            combined,
            language,
            field="lane",
            order=("ceasefire", "sanctions", "economy", "dprk"),
            lane_column="lane",
            start=state.start,
            end=state.end,
        )
        _chart(fig, "combined_timeline")
        cited = combined.rename(columns={"source": "source_publisher"})
        source_line(cited, language)
        chart_downloads(
            fig,
            title=t("chart.timeline_title", language),
            rows=cited,
            language=language,
            key="combined_timeline",
        )
        label_ = t("table.show", language) + f" · {len(combined)}"
        with lazy_expander(label_, key="table.combined_timeline") as open_:
            if not open_:
                return
            table = combined.assign(
                lane=combined["lane"].map(lambda code: label("lane", code, language)),
                date=combined["date"].dt.strftime("%Y-%m-%d"),
            )[["date", "lane", "title", "detail", "source", "url", "id"]]
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_config={"url": st.column_config.LinkColumn("URL", display_text="↗")},
            )
            st.download_button(
                t("table.download", language),
                data=lambda: to_csv(table),
                file_name="timeline_filtered.csv",
                mime="text/csv",
                key="download.combined_timeline",
                icon=":material/download:",
            )


PANELS: dict[str, Callable[[ViewState, Lang], None]] = {
    "sanctions_lanes": sanctions_lanes,
    "sanctions_counts": sanctions_counts,
    "japan_measures": japan_measures,
    "dprk_lanes": dprk_lanes,
    "dprk_counts": dprk_counts,
    "ceasefire_timeline": ceasefire_timeline,
    "positions_table": positions_table,
    "gdp_growth": gdp_growth,
    "key_rate": key_rate,
    "economy_indicators": economy_indicators,
    "combined_timeline": combined_timeline,
}
#: Panels too wide to sit beside a paragraph; they follow it at full width.
WIDE = frozenset({"positions_table"})
