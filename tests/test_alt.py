"""Chart text alternatives are said from the rows a chart shows: every chart has a describer,
its sentences carry the data's own numbers and dates, and they follow the filters."""

from __future__ import annotations

import re
from datetime import date

import pytest

from dashboard.charts.alt import DESCRIBERS
from dashboard.figures import FIGURES
from dashboard.i18n import Lang, format_date
from dashboard.slides import CATALOGUE, load_frames
from dashboard.state import default_state
from dashboard.views import BRIEFING

FRAMES, _ = load_frames()  # every dataset: a chart may draw another's rows (the map's places)
CHARTS = [name for name, figure in FIGURES.items() if not figure.chart.table]


def said(name: str, lang: Lang, **changes: object) -> str:
    figure = FIGURES[name]
    state = default_state(BRIEFING, lang).with_(**changes)
    rows = figure.select(FRAMES[figure.dataset.id], state)
    return figure.describe(rows, lang, figure.select_extra(FRAMES, state))


def test_every_chart_builder_has_a_describer() -> None:
    builders = {FIGURES[name].chart.builder for name in CHARTS}
    assert builders - set(DESCRIBERS) == set()


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_chart_is_said_in_its_language(name: str, lang: Lang) -> None:
    text = said(name, lang)
    assert len(text) > 30, text
    assert text.endswith("。" if lang == "ja" else "."), text
    if lang == "ja":
        assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b", text)
    else:
        assert not re.search(r"[\u3040-\u30ff]", text), text  # no kana in English


def test_timeline_count_and_latest_event_come_from_the_rows() -> None:
    figure = FIGURES["sanctions_lanes"]
    state = default_state(BRIEFING, "en").with_(start=date(2024, 1, 1))
    rows = figure.select(FRAMES[figure.dataset.id], state)
    text = figure.describe(rows, "en")
    latest = rows.sort_values(["date", "id"]).iloc[-1]
    assert text.startswith(f"{len(rows)} entries from ")
    assert format_date(rows["date"].min(), "en") in text
    assert f"The latest, on {format_date(latest['date'], 'en')}: “{latest['title_en']}”" in text
    eu = int((rows["jurisdiction"] == "EU").sum())
    assert f"EU {eu}" in text


def test_the_sentences_follow_the_filters() -> None:
    assert said("sanctions_lanes", "en") != said("sanctions_lanes", "en", start=date(2025, 1, 1))
    only_japan = said("sanctions_lanes", "ja", selected={"jur": ("JP",)})
    assert "日本" in only_japan and "EU" not in only_japan


def test_gdp_is_said_with_rosstat_outturns_and_forecasts_apart() -> None:
    text = said("gdp_growth", "ja", start=date(2021, 1, 1))
    assert "ロススタットの実質GDP成長率（年次）は" in text
    assert "2025年7〜9月期 +0.6%" in text  # the latest quarterly outturn on the chapter's date
    assert "予測" in text and "白抜き" in text  # forecasts said apart, as drawn apart


def test_amounts_in_different_currencies_are_never_compared() -> None:
    text = said("japan_support_amounts", "en")
    assert "in US dollars (the largest" in text and "in yen (the largest" in text
    assert "never added" in text


CHART_SLIDES = [spec for spec in CATALOGUE.values() if spec.kind == "chart"]


@pytest.mark.parametrize("section", CHART_SLIDES, ids=lambda section: section.key)
def test_slide_pictures_carry_the_same_alternative(section) -> None:  # type: ignore[no-untyped-def]
    state = default_state(BRIEFING, "en")
    rows = section.select(FRAMES, state)
    alt = section.alt(rows, "en")
    title = FIGURES[section.chart].title("en")
    assert alt.startswith(title + ". ")
    assert re.search(r"\d", alt[len(title) :]), alt  # said from the data, not only the title


@pytest.mark.parametrize("name", ["sanctions_counts", "dprk_counts", "territory_gains"])
def test_bars_carry_a_pattern_and_an_outline_beside_their_colour(name: str) -> None:
    """Colour is never the only carrier: each category's bars have their own fill pattern,
    the same whatever is filtered, and a dark outline (a 3:1 edge for light fills)."""
    figure = FIGURES[name]

    def patterns(**changes: object) -> dict[str, str]:
        state = default_state(BRIEFING, "en").with_(start=date(2022, 1, 1), **changes)
        rows = figure.select(FRAMES[figure.dataset.id], state)
        drawn = figure.draw(rows, state, "en", extra=figure.select_extra(FRAMES, state))
        bars = [trace for trace in drawn.data if trace.type == "bar"]
        assert bars
        for bar in bars:
            assert bar.marker.line.color == "#333333" and bar.marker.line.width >= 0.8
        return {bar.name: bar.marker.pattern.shape or "" for bar in bars}

    every = patterns()
    if len(every) > 1:
        assert len(set(every.values())) == len(every), every  # one pattern per category
    if name == "sanctions_counts":
        assert patterns(selected={"jur": ("JP", "US")}) == {
            k: every[k] for k in ("Japan", "United States")
        }


def _contrast_on_white(colour: object) -> float | None:
    """WCAG contrast ratio of a ``#rrggbb`` or ``rgb(a)`` colour against white; None when the
    colour is not a single such value (lists, names) or fully transparent."""
    text = str(colour) if isinstance(colour, str) else ""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        channels = [int(text[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    elif text.startswith("rgb"):
        parts = [float(p) for p in text[text.index("(") + 1 : -1].split(",")]
        if len(parts) == 4 and parts[3] == 0:
            return None
        channels = [p / 255 for p in parts[:3]]
    else:
        return None
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("name", CHARTS)
def test_every_mark_has_a_3_to_1_fill_or_edge(name: str) -> None:
    """WCAG 1.4.11: each bar and marker of a single colour is 3:1 against the white plot, by
    its fill or by its outline."""
    figure = FIGURES[name]
    state = default_state(BRIEFING, "en").with_(start=date(2014, 1, 1))
    rows = figure.select(FRAMES[figure.dataset.id], state)
    drawn = figure.draw(rows, state, "en", extra=figure.select_extra(FRAMES, state))
    for trace in drawn.data:
        xs = trace.lon if trace.type == "scattergeo" else getattr(trace, "x", None)
        if trace.type == "choropleth":
            continue  # areas: each has a dark border (the oblasts' outlines), not a mark
        if xs is None or all(value is None for value in xs):
            continue  # a legend-only entry
        if trace.type != "bar" and "markers" not in (getattr(trace, "mode", "") or ""):
            continue
        fill = _contrast_on_white(trace.marker.color)
        edge = _contrast_on_white(trace.marker.line.color) if trace.marker.line.width else None
        if fill is None and edge is None:
            continue  # per-point colours (not one mark colour) or transparent marks
        assert (fill or 0) >= 3 or (edge or 0) >= 3, (name, trace.name, trace.marker.color)
