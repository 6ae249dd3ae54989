"""Figure builders are pure: inspect traces, labels, colours and axes without Streamlit."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from dashboard import events, selection
from dashboard.charts import economy, positions, theme, timeline
from dashboard.datasets import REGISTRY, read

SANCTIONS = read("sanctions_timeline").frame
#: The chapter's layer (figures published by its cut-off), as its default view shows them.
GDP = selection.in_layer(REGISTRY["russian_gdp"], read("russian_gdp").frame, False)
POSITIONS = read("ceasefire_positions").frame


def test_event_lanes_one_trace_per_present_category_with_fixed_colours() -> None:
    rows = SANCTIONS[SANCTIONS["jurisdiction"].isin(["EU", "JP"])]
    fig = timeline.event_lanes(
        events.of("sanctions_timeline", rows, "ja"),
        "ja",
        field="jurisdiction",
        order=("EU", "US", "JP"),
    )
    assert [trace.name for trace in fig.data] == ["EU", "日本"]
    assert [trace.marker.color for trace in fig.data] == [theme.BLUE, theme.ORANGE]
    assert sum(len(trace.x) for trace in fig.data) == len(rows)
    assert fig.layout.xaxis.tickformat == "%Y年%-m月"
    hover = fig.data[0].hovertext[0]
    first = events.of("sanctions_timeline", rows, "ja").query("group == 'EU'").iloc[0]
    assert f"{first['date']:%Y}年{first['date'].month}月{first['date'].day}日" in hover
    assert "出典" in hover and first["id"] not in hover  # no internal ids in hovers


def test_event_lanes_in_english_use_english_labels_and_dates() -> None:
    fig = timeline.event_lanes(
        events.of("sanctions_timeline", SANCTIONS, "en"), "en", field="jurisdiction", order=("US",)
    )
    assert [trace.name for trace in fig.data] == ["United States"]
    assert fig.layout.xaxis.tickformat == "%b %Y"
    assert "Source: " in fig.data[0].hovertext[0]
    assert fig.data[0].hovertemplate == "%{hovertext}<extra></extra>"


def test_counts_by_period_sum_to_the_rows() -> None:
    fig = timeline.counts_by_period(
        events.of("sanctions_timeline", SANCTIONS, "en"),
        "en",
        field="jurisdiction",
        order=tuple(SANCTIONS["jurisdiction"].cat.categories),
        freq="Q",
    )
    assert sum(sum(trace.y) for trace in fig.data) == len(SANCTIONS)
    assert fig.layout.barmode == "stack"


def test_gdp_chart_keeps_forecasts_and_estimates_apart_from_outturns() -> None:
    """Outturns, the WDI estimates and each forecast are separate traces named in the legend,
    with who forecast it and when; no forecast sits on the line of outturns."""
    fig = economy.gdp_growth(GDP, "en")
    names = [trace.name for trace in fig.data]
    annual = next(trace for trace in fig.data if trace.name == "Rosstat: annual")
    forecasts = GDP[GDP["estimate_type"] == "forecast"]
    assert len(forecasts) >= 1
    years_on_line = {pd.Timestamp(x).year for x in annual.x}
    assert 2025 not in years_on_line  # 2025 has only forecasts by the cut-off
    forecast_traces = [trace for trace in fig.data if str(trace.name).startswith("Forecast: ")]
    assert len(forecast_traces) == len(forecasts)
    for trace in forecast_traces:
        assert trace.marker.symbol.endswith("-open")
        # the forecast's date is in the legend, and (forecasts for 2025 and 2026) its year
        assert trace.name.replace("<br>", " ").endswith(" 2025)")
        assert re.match(r"Forecast: 20(25|26), ", trace.name)
    assert "World Bank WDI: annual (estimates)" in names
    wdi = next(trace for trace in fig.data if trace.name.startswith("World Bank WDI"))
    assert wdi.line.dash == "dash"
    overlays = events.combined({"sanctions_timeline": SANCTIONS.head(3)}, "en")
    with_events = economy.gdp_growth(GDP, "en", overlays)
    assert len(with_events.data) == len(fig.data) + 1
    assert with_events.data[-1].xaxis == "x2"


def test_positions_matrix_marks_missing_cells() -> None:
    table = positions.matrix(POSITIONS, "en")
    assert list(table.columns)[1:] == [
        "US 28-point plan (Nov 2025)",
        "20-point revision (Dec 2025)",
        "Russia",
        "Ukraine",
    ]
    issues = set(POSITIONS["issue"].astype(str))
    assert len(table) == len(issues)
    cells = table.iloc[:, 1:].to_numpy().ravel()
    assert sum(cell == "Not stated in the sources" for cell in cells) == 4 * len(issues) - len(
        POSITIONS
    )


def test_combined_timeline_keeps_lanes_and_order() -> None:
    small = SANCTIONS[SANCTIONS["date"] >= pd.Timestamp(date(2025, 10, 1))]
    combined = events.combined({"sanctions_timeline": small}, "ja")
    assert set(combined["lane"]) == {"sanctions"}
    assert combined["date"].is_monotonic_increasing


def test_hover_wrap_breaks_long_text_and_caps_lines() -> None:
    english = "word " * 40
    wrapped = timeline._wrap(english, 20)
    assert all(len(line) <= 24 for line in wrapped.split("<br>")[:-1])
    assert wrapped.count("<br>") == 3 and wrapped.endswith("…")
    japanese = "あ" * 100
    assert timeline._wrap(japanese, 30).split("<br>")[:3] == ["あ" * 30] * 3
    assert timeline._wrap("short", 20) == "short"


def test_event_lanes_switch_to_webgl_only_for_large_timelines() -> None:
    small = events.of("sanctions_timeline", SANCTIONS, "en")
    fig = timeline.event_lanes(small, "en", field="jurisdiction", order=("EU", "US"))
    assert {trace.type for trace in fig.data} == {"scatter"}
    big = pd.concat([small] * (timeline.WEBGL_FROM // len(small) + 1), ignore_index=True)
    fig = timeline.event_lanes(big, "en", field="jurisdiction", order=("EU", "US"))
    assert {trace.type for trace in fig.data} == {"scattergl"}
    assert sum(len(trace.x) for trace in fig.data) == big["group"].isin(["EU", "US"]).sum()
