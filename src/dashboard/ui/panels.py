"""Evidence panels: a chart (or table) of filtered rows, its source line and its table view.

Each panel takes the page's view state and language, draws itself and never raises: a dataset
that fails validation shows its error box here, and an empty filter result says so plainly.
Narrative paragraphs name panels with ``[[chart:<name>]]``; ``PANELS`` maps those names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import events, filters, geo, selection
from dashboard.charts import fit, layer, timeline
from dashboard.charts.alt import events_sentence
from dashboard.datasets import REGISTRY, Dataset
from dashboard.datasets.cached import load
from dashboard.datasets.core import AS_OF
from dashboard.datasets.spec import in_lang
from dashboard.figures import FIGURES, Figure
from dashboard.i18n import Lang, t
from dashboard.state import ViewState
from dashboard.ui import viewport
from dashboard.ui.common import dataset, md_escape, panel, source_line
from dashboard.ui.exports import chart_downloads
from dashboard.ui.tables import Layers, table_view

#: The combined timeline's table view (then its source and link), from its event columns.
TIMELINE_TABLE = (
    ("date", "table.date"),
    ("lane", "table.lane"),
    ("title", "table.title"),
    ("detail", "table.summary"),
    ("id", "table.id"),
)
#: The charts' toolbar; maps load their outline files from the app (never a CDN).
PLOTLY_CONFIG = geo.plotly_config(
    {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}
)


def _codes(spec: Dataset) -> dict[str, str]:
    """Table columns that hold codes, shown by their labels."""
    return {item.field: item.field for item in spec.vocabularies}


@dataclass(frozen=True)
class ChartPanel:
    """One declared chart: its dataset filtered by the view, drawn with its sources and table."""

    figure: Figure

    @property
    def key(self) -> str:
        return self.figure.name

    @property
    def wide(self) -> bool:
        return self.figure.chart.wide

    def __call__(self, state: ViewState, language: Lang) -> None:
        chart, spec = self.figure.chart, self.figure.dataset
        with panel(language):
            rows = dataset(spec.id, language)
            if rows is None:
                return
            shown = self.figure.select(rows, state)
            title = self.figure.title(language)
            late = selection.after_cutoff(spec, shown)  # the follow-up rows among those shown
            if state.follow_up and late.any():
                title += t("layer.title_suffix", language)
            st.subheader(title)
            if chart.counted:  # counted against the layer shown: no later row in the chapter's
                total = len(selection.in_layer(spec, rows, state.follow_up))
                st.caption(showing(len(shown), total, language))
            if shown.empty:
                _empty(language, spec)
                return
            overlays = _overlay_events(state, language) if chart.overlays else None
            # Datasets a chart only draws beside its own: one that fails validation is left
            # out quietly (its own page shows the error box), so this chart still stands.
            others = {name: load(name) for name in chart.with_datasets}
            extra = self.figure.select_extra(
                {name: result.frame for name, result in others.items() if result.ok}, state
            )
            drawn = self.figure.draw(shown, state, language, overlays, extra)
            if chart.caption:
                st.caption(in_lang(chart.caption, language))
            if chart.table:
                table_and_cards(drawn, self.key, language)
            else:
                said = self.figure.describe(shown, language, extra)
                _chart(drawn, self.key, alt_text(title, said, len(shown), language))
            source_line(shown, language, follow_up=state.follow_up)
            if not chart.table:
                chart_downloads(drawn, title=title, rows=shown, language=language, key=self.key)
            table_view(
                shown,
                language,
                spec.table,
                codes=_codes(spec),
                name=spec.id,
                key=self.key,
                layers=Layers(
                    state.follow_up,
                    state.since,
                    late,
                    selection.new_since(spec, shown, state.since),
                ),
            )


def table_and_cards(table: pd.DataFrame, key: str, language: Lang) -> None:
    """A table chart as a table, and the same cells as one card per row (its first column as
    the card's heading, every other column a labelled line): the stylesheet shows the cards
    instead of the table on a phone (390 px), where five columns are unreadable."""
    with st.container(key=f"wide_table_{key}"):
        st.table(table.set_index(table.columns[0]))
    colon = "：" if language == "ja" else ": "
    with st.container(key=f"cards_{key}"):
        for _, row in table.iterrows():
            lines = [f"**{md_escape(str(row.iloc[0]))}**", ""]
            lines += [
                f"- **{md_escape(str(column))}**{colon}{md_escape(str(value))}"
                for column, value in row.iloc[1:].items()
            ]
            st.markdown("\n".join(lines))


#: On a phone the toolbar would stand over the legend and titles; the chart's PNG and SVG
#: buttons below it do what the toolbar's picture button does.
PHONE_CONFIG = {**PLOTLY_CONFIG, "displayModeBar": False}


def _chart(fig: go.Figure, key: str, alt: str) -> None:
    """The figure with its own theme (Streamlit's chart theme would override our type sizes
    and colours) and a text alternative for screen readers; on a phone, laid out again for
    the chart's width (``fit.for_width``) and without the toolbar."""
    width = viewport.chart_width()
    if width is not None:
        try:
            fig = fit.for_width(fig, width)
        except Exception:  # the chart as built is better than none (tests fit every chart)
            logging.getLogger("dashboard").exception("fitting %s to %s px failed", key, width)
    config = PLOTLY_CONFIG if width is None else PHONE_CONFIG
    st.plotly_chart(fig, width="stretch", config=config, key=key, theme=None, alt=alt)


def showing(shown: int, total: int, language: Lang) -> str:
    """The count caption: "all N" when nothing is filtered out, else "n of N"."""
    if shown == total:
        return t("filter.showing_all", language, total=total)
    return t("filter.showing", language, shown=shown, total=total)


def alt_text(title: str, said: str, rows: int, language: Lang) -> str:
    """A chart's text alternative: its title, what its data show (``said``, generated from
    the rows drawn), and where the rows are in words."""
    if language == "ja":
        return (
            f"図：{title}。{said}図の下の「表で見る（出典付き）」に{rows}行のデータと出典がある。"
        )
    table = f"The table view below it lists its {rows} rows with sources."
    return " ".join(part for part in (f"Chart: {title}.", said, table) if part)


def _empty(language: Lang, spec: Dataset) -> None:
    st.info(
        t("filter.empty", language, dataset=t(f"nav.{spec.page}", language)),
        icon=":material/search_off:",
    )


def _overlay_events(state: ViewState, language: Lang) -> pd.DataFrame | None:
    """Events switched on as markers on the economy charts (each lane's overlay rows only)."""
    if not state.overlays:
        return None
    wanted = set(state.overlays)
    parts: dict[str, pd.DataFrame | None] = {}
    for spec in events.lanes():
        lane = spec.lane
        if lane is None or not lane.overlay or lane.code not in wanted:
            continue
        rows = dataset(spec.id, language)
        if rows is None:
            continue
        mask = _in_view(spec, rows, state)
        if state.japan and spec.japan_view:
            mask = mask & selection.where_mask(rows, spec.japan_view)
        parts[spec.id] = filters.keep(rows, mask & selection.where_mask(rows, lane.overlay_where))
    combined = events.combined(parts, language)
    return combined if len(combined) else None


def _in_view(spec: Dataset, rows: pd.DataFrame, state: ViewState) -> np.ndarray:
    """Rows in the view's dates and in the layer shown."""
    mask = filters.between_mask(rows, state.start, state.end, spec.date)
    if not state.follow_up:
        mask = mask & ~selection.after_cutoff(spec, rows)
    return mask


def _lane_rows(dataset_id: str, rows: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """A lane's rows in the view's dates and layer (and, in the Japan view, its Japan-view
    rows)."""
    spec = REGISTRY[dataset_id]
    mask = _in_view(spec, rows, state)
    if state.japan and spec.japan_view:
        mask = mask & selection.where_mask(rows, spec.japan_view)
    return filters.keep(rows, mask)


def combined_timeline(state: ViewState, language: Lang) -> None:
    """All four datasets in swimlanes on one date axis (the overview's timeline)."""
    with panel(language):
        lanes = set(state.codes("lane"))
        in_view = [
            spec
            for spec in events.lanes()
            if spec.lane is not None and (spec.lane.japan or not state.japan)
        ]
        available = {spec.id: dataset(spec.id, language) for spec in in_view}
        frames = {
            spec.id: available[spec.id]
            for spec in in_view
            if spec.lane is not None and spec.lane.code in lanes
        }
        limited = {
            dataset_id: None if rows is None else _lane_rows(dataset_id, rows, state)
            for dataset_id, rows in frames.items()
        }
        combined = events.combined(limited, language)
        combined = filters.search(combined, state.query)
        st.subheader(t("chart.timeline_title", language))
        # Counted against every lane of the view, so hiding a lane shows fewer rows of the
        # same total rather than a new, smaller total.
        total = sum(
            len(selection.in_layer(REGISTRY[name], rows, state.follow_up))
            for name, rows in available.items()
            if rows is not None
        )
        st.caption(showing(len(combined), total, language))
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
            order=tuple(spec.lane.code for spec in events.lanes() if spec.lane),
            lane_column="lane",
            start=state.start,
            end=state.end,
            key_list_px=timeline.KEY_LIST_PAGE_PX,
        )
        if state.follow_up:
            layer.mark_follow_up(fig, language, state.end)
        if state.since:
            layer.mark_since(fig, language, state.since)
        _chart(
            fig,
            "combined_timeline",
            alt_text(
                t("chart.timeline_title", language),
                events_sentence(combined, "lane", language, column="lane"),
                len(combined),
                language,
            ),
        )
        cited = combined.rename(columns={"source": "source_publisher"})
        source_line(cited, language, follow_up=state.follow_up)
        chart_downloads(
            fig,
            title=t("chart.timeline_title", language),
            rows=cited,
            language=language,
            key="combined_timeline",
        )
        table_view(
            cited.rename(columns={"url": "source_url"}),
            language,
            TIMELINE_TABLE,
            codes={"lane": "lane"},
            name="timeline",
            key="combined_timeline",
            raw=lambda: events.raw_rows(combined, limited),
            layers=Layers(
                state.follow_up,
                state.since,
                (combined["date"] > pd.Timestamp(AS_OF)).to_numpy(dtype=bool),
                (combined["date"] > pd.Timestamp(state.since or date.max)).to_numpy(dtype=bool),
            ),
        )


PANELS: dict[str, Callable[[ViewState, Lang], None]] = {
    name: ChartPanel(figure) for name, figure in FIGURES.items()
}
PANELS["combined_timeline"] = combined_timeline
#: Panels too wide to sit beside a paragraph; they follow it at full width.
WIDE = frozenset(name for name, figure in FIGURES.items() if figure.chart.wide)
