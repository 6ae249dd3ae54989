"""The follow-up layer after the chapter's cut-off, the forecasts checked, and "new since".

The default view is exactly the chapter's: nothing dated or published after 31 December 2025 is
plotted, counted or listed. ``asof=latest`` adds the follow-up rows, marked as such on every
page, chart, table, download and export; ``since`` highlights what is new after a day.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import claims, selection
from dashboard.briefing import content
from dashboard.briefing.deck import deck_from
from dashboard.charts import layer
from dashboard.datasets import REGISTRY, read
from dashboard.datasets.core import AS_OF, CHECKED
from dashboard.figures import FIGURES
from dashboard.state import default_state, parse, to_query
from dashboard.ui.common import md_escape
from dashboard.ui.tables import Layers
from dashboard.views import ALL, BRIEFING, BY_PAGE
from tests.test_pages import open_page, texts

FRAMES = {name: read(name).frame for name in REGISTRY}
CHART_PAGES = ("ceasefire", "war_economy", "sanctions", "dprk_russia", "recommendations")


def _late(name: str) -> pd.DataFrame:
    frame = FRAMES[name]
    assert frame is not None
    return frame[selection.after_cutoff(REGISTRY[name], frame)]


# --- the data -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ceasefire_talks",
        "sanctions_timeline",
        "dprk_russia_milestones",
        "japan_track",
        "russian_economy",
        "russia_trade_partners",
        "territory_control",
    ],
)
def test_the_follow_up_layer_has_sourced_rows_in_the_datasets_the_issue_names(name: str) -> None:
    late = _late(name)
    assert len(late) >= 3
    assert late["source_url"].str.match(r"^https?://").all()
    assert (late["source_accessed"] <= pd.Timestamp(CHECKED)).all()


def test_an_event_after_the_cut_off_is_follow_up_by_its_date_and_a_figure_by_publication() -> None:
    talks = _late("ceasefire_talks")
    assert (talks["date"] > pd.Timestamp(AS_OF)).all()
    gdp = FRAMES["russian_gdp"]
    assert gdp is not None
    late = selection.after_cutoff(REGISTRY["russian_gdp"], gdp)
    first_2025 = gdp["id"] == "gdp_a_2025_first"  # about 2025, published in February 2026
    forecast_2026 = gdp["id"] == "gdp_a_2026_minek"  # about 2026, published in September 2025
    assert late[first_2025.to_numpy()].all()
    assert not late[forecast_2026.to_numpy()].any()


@pytest.mark.parametrize("spec", ALL, ids=lambda spec: spec.page)
def test_the_default_view_of_every_page_selects_nothing_after_the_cut_off(spec) -> None:  # type: ignore[no-untyped-def]
    state = default_state(spec)
    assert not state.follow_up and state.end <= AS_OF
    for name, frame in FRAMES.items():
        assert frame is not None
        shown = selection.select(name, frame, state)
        assert not selection.after_cutoff(REGISTRY[name], shown).any(), name
        later = state.with_(follow_up=True, end=spec.upper(True))
        if spec.lo < spec.hi and REGISTRY[name].filter_by_date:
            assert len(selection.select(name, frame, later)) >= len(shown)


# --- the URL ------------------------------------------------------------------------------------


def test_asof_and_since_round_trip_and_fall_back_with_notices() -> None:
    spec = BY_PAGE["ceasefire"]
    state, notices = parse({"asof": "latest", "since": "2026-01-15"}, spec)
    assert notices == [] and state.follow_up and state.since == date(2026, 1, 15)
    assert state.end == CHECKED  # the layer's own as-of date ends the default range
    assert to_query(state, spec) == {"asof": "latest", "since": "2026-01-15"}
    state, notices = parse({"asof": "tomorrow"}, spec)
    assert not state.follow_up and [n.reason for n in notices] == ["notice.bad_asof"]
    state, notices = parse({"since": "2026-01-15"}, spec)  # the chapter's layer ends at the cut-off
    assert state.since == AS_OF and [n.reason for n in notices] == ["notice.date_clamped"]
    state, notices = parse({"since": "1990-01-01", "asof": "latest"}, spec)
    assert state.since == date(2014, 1, 1) and notices[0].param == "since"
    state, notices = parse({"to": "2026-03-01"}, spec)  # later than the chapter: clamped
    assert state.end == AS_OF and notices[0].reason == "notice.date_clamped"


# --- charts -------------------------------------------------------------------------------------


def _shapes(fig: go.Figure) -> list[str]:
    return [str(shape.name) for shape in fig.layout.shapes if shape.name]


def test_the_band_and_its_legend_entry_appear_only_with_the_follow_up_layer() -> None:
    figure = FIGURES["ceasefire_timeline"]
    spec = BY_PAGE["ceasefire"]
    frame = FRAMES["ceasefire_talks"]
    chapter_state = default_state(spec)
    chapter_fig = figure.draw(figure.select(frame, chapter_state), chapter_state, "ja")
    band = "本章脱稿後<br>（編集部追記）"
    assert band not in {shape.name for shape in chapter_fig.layout.shapes}
    latest = parse({"asof": "latest"}, spec)[0]
    latest_fig = figure.draw(figure.select(frame, latest), latest, "ja")
    bands = [s for s in latest_fig.layout.shapes if s.name == band]
    assert len(bands) == 1 and not bands[0].legendgroup
    entries = [trace for trace in latest_fig.data if trace.name == band]
    assert len(entries) == 1 and entries[0].showlegend and list(entries[0].x) == [None]
    assert pd.Timestamp(bands[0].x0) > pd.Timestamp(AS_OF)
    assert pd.Timestamp(bands[0].x0) < pd.Timestamp(AS_OF) + pd.Timedelta(days=1)


def test_a_2025_figure_published_in_2026_gets_its_own_edge_and_legend_entry() -> None:
    figure = FIGURES["economy_defence"]
    spec = BY_PAGE["war_economy"]
    frame = FRAMES["russian_economy"]
    latest = parse({"asof": "latest"}, spec)[0]
    fig = figure.draw(figure.select(frame, latest), latest, "en")
    names = [trace.name.replace("<br>", " ") for trace in fig.data if trace.name]
    assert "Thick edge: after the chapter (editors' addition)" in names
    annual = next(
        trace for trace in fig.data if trace.type == "bar" and "2025" in list(trace.x or [])
    )
    widths = list(annual.marker.line.width)
    position = list(annual.x).index("2025")
    assert widths[position] == layer.LATE_EDGE_WIDTH
    assert all(width < layer.LATE_EDGE_WIDTH for i, width in enumerate(widths) if i != position)
    chapter = default_state(spec)
    plain = figure.draw(figure.select(frame, chapter), chapter, "en")
    assert not any(trace.name and "Thick edge" in trace.name for trace in plain.data)


def test_since_draws_a_dashed_line_where_the_new_rows_begin() -> None:
    figure = FIGURES["ceasefire_timeline"]
    spec = BY_PAGE["ceasefire"]
    state = parse({"asof": "latest", "since": "2026-02-01"}, spec)[0]
    fig = figure.draw(figure.select(FRAMES["ceasefire_talks"], state), state, "en")
    lines = [s for s in fig.layout.shapes if s.name == "After 1 Feb 2026"]
    assert len(lines) == 1 and lines[0].line.dash == "dash"


# --- tables and downloads -----------------------------------------------------------------------


def test_a_table_view_says_its_layer_per_row_and_in_its_csv_names() -> None:
    rows = pd.DataFrame({"id": ["a", "b", "c"], "x": [1, 2, 3]})
    shown = pd.DataFrame({"X": [1, 2, 3]})
    marks = Layers(
        True, date(2026, 2, 1), np.array([False, True, True]), np.array([False, False, True])
    )
    table = marks.shown(shown, "en")
    assert list(table.columns) == ["New", "Layer", "X"]
    assert list(table["Layer"]) == [
        "Chapter (to 31 Dec 2025)",
        "After the chapter (editors' addition)",
        "After the chapter (editors' addition)",
    ]
    assert list(table["New"]) == ["", "", "★"]
    raw = marks.raw(rows)
    assert list(raw["layer"]) == ["chapter", "follow_up", "follow_up"]
    assert list(raw["new_since"]) == [False, False, True]
    assert marks.suffix == "latest" and "2 follow-up rows" in marks.caption("en")
    chapter = Layers(False, None, np.zeros(3, dtype=bool), np.zeros(3, dtype=bool))
    assert list(chapter.shown(shown, "en").columns) == ["X"]
    assert chapter.suffix == "chapter" and "chapter's layer only" in chapter.caption("en")


# --- briefing exports ---------------------------------------------------------------------------


def test_the_deck_states_its_layer_and_adds_the_forecasts_slide_only_with_the_follow_up() -> None:
    import io

    from pptx import Presentation

    frames = {name: frame for name, frame in FRAMES.items() if frame is not None}
    for asof, expected in (("chapter", 0), ("latest", 1)):
        state = parse({"asof": asof, "lang": "en"}, BRIEFING)[0]
        briefing = content.compose(state, "en", frames)
        assert briefing.filters[0] == content.layer_line(state, "en")
        assert len(briefing.forecasts) == 6 * expected
        deck = Presentation(io.BytesIO(deck_from(briefing, {}, charts=False)))
        titles = [slide.shapes.title.text_frame.text for slide in deck.slides if slide.shapes.title]
        assert titles.count("How the chapter's forecasts fared (the editors' check)") == expected
    assert "follow-up" in briefing.as_of
    statuses = {item.status for item in briefing.forecasts}
    assert statuses <= {f"{claims.STATUS_SYMBOL[c]} {c}" for c in claims.STATUSES}


# --- pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", CHART_PAGES)
def test_default_pages_are_the_chapters_and_latest_adds_the_marked_layer(page: str) -> None:
    chapter_view = open_page(page, lang="en")
    said = texts(chapter_view)
    assert "This is the chapter as of 31 December 2025" in said
    assert "How the chapter's forecasts fared" not in said
    assert "editors' follow-up layer" not in said
    latest = open_page(page, lang="en", asof="latest")
    assert not latest.exception
    banner = " ".join(info.value for info in latest.info)
    assert "Showing the editors' follow-up layer" in banner and "1 Dec 2026" in banner
    said = texts(latest)
    section_forecasts = claims.forecasts(claims.of_section(page))
    # The sanctions page quotes the war-economy sentences on sanctions, forecasts included.
    expected = bool(section_forecasts) or page == "sanctions"
    assert ("How the chapter's forecasts fared" in said) == expected
    assert "(with the editors' follow-up after the chapter)" in said  # a chart holds new rows
    assert latest.query_params["asof"] in ("latest", ["latest"])


def test_overview_summarises_every_forecast_and_counts_against_the_layer_shown() -> None:
    latest = open_page("overview", lang="en", asof="latest")
    assert not latest.exception
    (table,) = [t.value for t in latest.table]
    assert len(table) == len(claims.forecasts()) == 6
    assert set(table["Status"]) <= {f"{claims.STATUS_SYMBOL[c]} {c}" for c in claims.STATUSES}


def test_since_lists_what_is_new_and_says_so_when_nothing_is() -> None:
    at = open_page("ceasefire", lang="en", asof="latest", since="2026-02-01")
    summary = " ".join(info.value for info in at.info)
    assert "New since 1 Feb 2026" in summary
    talks = _late("ceasefire_talks")
    count = int((talks["date"] > pd.Timestamp("2026-02-01")).sum())
    assert f": {count}" in summary
    at = open_page("ceasefire", lang="en", since="2025-12-30")
    summary = " ".join(info.value for info in at.info)
    assert "New since 30 Dec 2025" in summary or "Nothing on this page is new" in summary


def test_count_bars_after_the_cut_off_say_so_and_how_far_their_rows_reach() -> None:
    figure = FIGURES["dprk_counts"]
    spec = BY_PAGE["dprk_russia"]
    frame = FRAMES["dprk_russia_milestones"]
    latest = parse({"asof": "latest"}, spec)[0]
    fig = figure.draw(figure.select(frame, latest), latest, "ja")
    ticks = list(fig.data[0].x)
    last_month = int(_late("dprk_russia_milestones")["date"].max().month)
    assert ticks[-1] == f"2026年<br>（{last_month}月まで・追記）"  # not passed off as a full year
    assert all("追記" not in tick for tick in ticks[:-1])
    widths = list(fig.data[0].marker.line.width)
    assert widths[-1] == layer.LATE_EDGE_WIDTH and max(widths[:-1]) < layer.LATE_EDGE_WIDTH
    chapter = default_state(spec)
    plain = figure.draw(figure.select(frame, chapter), chapter, "ja")
    assert all("追記" not in tick for tick in plain.data[0].x)


def test_presentation_mode_adds_the_forecasts_slide_only_with_the_follow_up_layer() -> None:
    from dashboard.views import CEASEFIRE

    latest_steps = CEASEFIRE.steps(True)
    number = latest_steps.index(("forecasts", 1)) + 1
    at = open_page("ceasefire", lang="en", present="1", asof="latest", slide=str(number))
    assert not at.exception
    assert [title.value for title in at.title] == ["How the chapter's forecasts fared"]
    assert any("with the editors' follow-up layer" in c.value for c in at.caption)
    assert sum(md_escape(claim.text("en")) in texts(at) for claim in claims.forecasts()) == 6
    # The chapter's layer has one slide fewer: its last number falls back to the first.
    assert ("forecasts", 1) not in CEASEFIRE.steps(False)
    at = open_page("ceasefire", lang="en", present="1", slide=str(len(latest_steps)))
    assert at.title[0].value != "How the chapter's forecasts fared"
    assert at.query_params.get("slide") in (None, "", "1")
