"""Evidence panels: a chart (or table) of filtered rows, its source line and its table view.

Each panel takes the page's view state and language, draws itself and never raises: a dataset
that fails validation shows its error box here, and an empty filter result says so plainly.
Narrative paragraphs name panels with ``[[chart:<name>]]``; ``PANELS`` maps those names.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import events, filters
from dashboard.charts import economy as economy_charts
from dashboard.charts import positions as position_tables
from dashboard.charts import timeline
from dashboard.datasets import (
    ceasefire_talks,
    dprk_russia_milestones,
    sanctions_timeline,
)
from dashboard.i18n import Lang, label, t
from dashboard.selection import ceasefire_rows, dprk_rows, sanctions_rows
from dashboard.state import ViewState
from dashboard.ui.common import dataset, panel, source_line
from dashboard.ui.tables import table_view, to_csv

SANCTIONS_TABLE = [
    ("date", "table.date"),
    ("jurisdiction", "filter.jurisdiction"),
    ("measure_type", "filter.measure_type"),
    ("title_LANG", "table.title"),
    ("summary_LANG", "table.summary"),
]
DPRK_TABLE = [
    ("date", "table.date"),
    ("domain", "filter.domain"),
    ("title_LANG", "table.title"),
    ("summary_LANG", "table.summary"),
    ("reported_by", "table.reported_by"),
]
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def _chart(fig, key: str) -> None:  # type: ignore[no-untyped-def]
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, key=key)


def _empty(language: Lang, dataset_id: str) -> None:
    st.info(
        t("filter.empty", language, dataset=t(f"nav.{_NAV[dataset_id]}", language)),
        icon=":material/search_off:",
    )


_NAV = {
    "sanctions_timeline": "sanctions",
    "dprk_russia_milestones": "dprk_russia",
    "ceasefire_talks": "ceasefire",
    "russian_gdp": "war_economy",
    "russian_key_rate": "war_economy",
    "russian_economy": "war_economy",
    "ceasefire_positions": "ceasefire",
}


def _count(language: Lang, shown: int, total: int) -> None:
    st.caption(t("filter.showing", language, shown=shown, total=total))


# --- panels -----------------------------------------------------------------------------------


def sanctions_lanes(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("sanctions_timeline", language)
        if rows is None:
            return
        shown = sanctions_rows(rows, state)
        st.subheader(t("chart.sanctions_title", language))
        _count(language, len(shown), len(rows))
        if shown.empty:
            _empty(language, "sanctions_timeline")
            return
        fig = timeline.event_lanes(
            events.sanctions(shown, language),
            language,
            field="jurisdiction",
            order=sanctions_timeline.JURISDICTIONS,
            start=state.start,
            end=state.end,
        )
        _chart(fig, "sanctions_lanes")
        source_line(shown, language)
        table_view(
            shown,
            language,
            SANCTIONS_TABLE,
            codes={"jurisdiction": "jurisdiction", "measure_type": "measure_type"},
            name="sanctions_timeline",
            key="sanctions_lanes",
        )


def japan_measures(state: ViewState, language: Lang) -> None:
    """Japan's own measures: the sanctions timeline limited to jurisdiction JP."""
    with panel(language):
        rows = dataset("sanctions_timeline", language)
        if rows is None:
            return
        shown = filters.between(rows[rows["jurisdiction"] == "JP"], state.start, state.end)
        st.subheader(t("chart.japan_title", language))
        if shown.empty:
            _empty(language, "sanctions_timeline")
            return
        fig = timeline.event_lanes(
            events.sanctions(shown, language).assign(
                group=shown["measure_type"].astype(str).values
            ),
            language,
            field="measure_type",
            order=sanctions_timeline.MEASURE_TYPES,
            start=state.start,
            end=state.end,
        )
        _chart(fig, "japan_measures")
        source_line(shown, language)
        table_view(
            shown,
            language,
            [
                ("date", "table.date"),
                ("measure_type", "filter.measure_type"),
                (f"title_{language}", "table.title"),
                (f"summary_{language}", "table.summary"),
            ],
            codes={"measure_type": "measure_type"},
            name="sanctions_timeline_japan",
            key="japan_measures",
        )


def sanctions_counts(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("sanctions_timeline", language)
        if rows is None:
            return
        shown = sanctions_rows(rows, state)
        st.subheader(t("chart.sanctions_counts", language))
        if shown.empty:
            _empty(language, "sanctions_timeline")
            return
        fig = timeline.counts_by_period(
            events.sanctions(shown, language),
            language,
            field="jurisdiction",
            order=sanctions_timeline.JURISDICTIONS,
            freq="Q",
        )
        _chart(fig, "sanctions_counts")
        source_line(shown, language)
        table_view(
            shown,
            language,
            SANCTIONS_TABLE,
            codes={"jurisdiction": "jurisdiction", "measure_type": "measure_type"},
            name="sanctions_timeline",
            key="sanctions_counts",
        )


def dprk_lanes(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("dprk_russia_milestones", language)
        if rows is None:
            return
        shown = dprk_rows(rows, state)
        st.subheader(t("chart.dprk_title", language))
        _count(language, len(shown), len(rows))
        if shown.empty:
            _empty(language, "dprk_russia_milestones")
            return
        fig = timeline.event_lanes(
            events.dprk(shown, language),
            language,
            field="domain",
            order=dprk_russia_milestones.DOMAINS,
            start=state.start,
            end=state.end,
        )
        _chart(fig, "dprk_lanes")
        source_line(shown, language)
        table_view(
            shown,
            language,
            DPRK_TABLE,
            codes={"domain": "domain"},
            name="dprk_russia_milestones",
            key="dprk_lanes",
        )


def dprk_counts(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("dprk_russia_milestones", language)
        if rows is None:
            return
        shown = dprk_rows(rows, state)
        st.subheader(t("chart.dprk_counts", language))
        if shown.empty:
            _empty(language, "dprk_russia_milestones")
            return
        fig = timeline.counts_by_period(
            events.dprk(shown, language),
            language,
            field="domain",
            order=dprk_russia_milestones.DOMAINS,
            freq="Y",
        )
        _chart(fig, "dprk_counts")
        source_line(shown, language)
        table_view(
            shown,
            language,
            DPRK_TABLE,
            codes={"domain": "domain"},
            name="dprk_russia_milestones",
            key="dprk_counts",
        )


def ceasefire_timeline(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("ceasefire_talks", language)
        if rows is None:
            return
        shown = ceasefire_rows(rows, state)
        st.subheader(t("chart.ceasefire_title", language))
        _count(language, len(shown), len(rows))
        if shown.empty:
            _empty(language, "ceasefire_talks")
            return
        fig = timeline.event_lanes(
            events.ceasefire(shown, language),
            language,
            field="event_type",
            order=ceasefire_talks.EVENT_TYPES,
            start=state.start,
            end=state.end,
        )
        _chart(fig, "ceasefire_timeline")
        source_line(shown, language)
        table_view(
            shown,
            language,
            [
                ("date", "table.date"),
                ("event_type", "filter.event_type"),
                ("parties", "filter.parties"),
                (f"place_{language}", "table.place"),
                (f"title_{language}", "table.title"),
                (f"outcome_{language}", "table.outcome"),
            ],
            codes={"event_type": "event_type", "parties": "parties"},
            name="ceasefire_talks",
            key="ceasefire_timeline",
        )


def positions_table(state: ViewState, language: Lang) -> None:
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
                (f"position_{language}", "table.summary"),
                ("as_of", "table.date"),
            ],
            codes={"issue": "issue", "actor": "actor"},
            name="ceasefire_positions",
            key="positions_table",
        )


def _overlay_events(state: ViewState, language: Lang) -> pd.DataFrame | None:
    if not state.overlays:
        return None
    wanted = set(state.overlays)
    sanctions = dataset("sanctions_timeline", language) if "sanctions" in wanted else None
    dprk = dataset("dprk_russia_milestones", language) if "dprk" in wanted else None
    talks = dataset("ceasefire_talks", language) if "ceasefire" in wanted else None
    if sanctions is not None:
        # Only the headline measures: numbered packages, price caps and major designations.
        sanctions = sanctions[sanctions["measure_type"].isin(["package", "price_cap"])]
    frames = [
        None if rows is None else filters.between(rows, state.start, state.end)
        for rows in (sanctions, dprk, talks)
    ]
    combined = events.combined(frames[0], frames[1], frames[2], None, language)
    return combined if len(combined) else None


def gdp_growth(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("russian_gdp", language)
        if rows is None:
            return
        shown = filters.between(rows, state.start, state.end, column="period_start")
        st.subheader(t("chart.gdp_title", language))
        if shown.empty:
            _empty(language, "russian_gdp")
            return
        _chart(
            economy_charts.gdp_growth(shown, language, _overlay_events(state, language)),
            "gdp_growth",
        )
        source_line(shown, language)
        table_view(
            shown,
            language,
            [
                ("period", "table.period"),
                ("real_gdp_growth_pct", "chart.gdp_axis"),
                ("estimate_type", "table.estimate"),
                ("published", "table.published"),
                ("note", "table.note"),
            ],
            codes={"estimate_type": "estimate_type"},
            name="russian_gdp",
            key="gdp_growth",
        )


def key_rate(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("russian_key_rate", language)
        if rows is None:
            return
        shown = filters.between(rows, state.start, state.end, column="decision_date")
        st.subheader(t("chart.key_rate_title", language))
        if shown.empty:
            _empty(language, "russian_key_rate")
            return
        _chart(
            economy_charts.key_rate_path(shown, language, _overlay_events(state, language)),
            "key_rate",
        )
        source_line(shown, language)
        table_view(
            shown,
            language,
            [
                ("decision_date", "table.date"),
                ("key_rate_pct", "chart.key_rate_axis"),
                ("change_pp", "table.change"),
                ("decision", "table.decision"),
                ("meeting", "table.meeting"),
                ("note", "table.note"),
            ],
            codes={"decision": "decision", "meeting": "meeting"},
            name="russian_key_rate",
            key="key_rate",
        )


def economy_indicators(state: ViewState, language: Lang) -> None:
    with panel(language):
        rows = dataset("russian_economy", language)
        if rows is None:
            return
        shown = filters.between(rows, state.start, state.end, column="period_start")
        st.subheader(t("chart.economy_title", language))
        if shown.empty:
            _empty(language, "russian_economy")
            return
        _chart(economy_charts.indicators(shown, language), "economy_indicators")
        source_line(shown, language)
        table_view(
            shown,
            language,
            [
                ("indicator", "table.indicator"),
                ("period", "table.period"),
                ("value", "table.value"),
                ("unit", "table.unit"),
                ("estimate_type", "table.estimate"),
                ("published", "table.published"),
                ("note", "table.note"),
            ],
            codes={"indicator": "indicator", "unit": "unit", "estimate_type": "estimate_type"},
            name="russian_economy",
            key="economy_indicators",
        )


def combined_timeline(state: ViewState, language: Lang) -> None:
    with panel(language):
        lanes = set(state.codes("lane"))
        frames = {
            "sanctions": dataset("sanctions_timeline", language) if "sanctions" in lanes else None,
            "dprk": dataset("dprk_russia_milestones", language) if "dprk" in lanes else None,
            "ceasefire": dataset("ceasefire_talks", language) if "ceasefire" in lanes else None,
            "economy": dataset("russian_key_rate", language) if "economy" in lanes else None,
        }
        column = {"economy": "decision_date"}
        limited = {
            lane: None
            if rows is None
            else filters.between(rows, state.start, state.end, column=column.get(lane, "date"))
            for lane, rows in frames.items()
        }
        combined = events.combined(
            limited["sanctions"],
            limited["dprk"],
            limited["ceasefire"],
            limited["economy"],
            language,
        )
        combined = filters.search(combined, state.query, ["title", "detail", "id"])
        st.subheader(t("chart.timeline_title", language))
        total = sum(len(rows) for rows in frames.values() if rows is not None)
        _count(language, len(combined), total)
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
        source_line(combined.rename(columns={"source": "source_publisher"}), language)
        with st.expander(t("table.show", language) + f" · {len(combined)}"):
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
