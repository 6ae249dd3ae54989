"""Charts read at 1280 × 720 in the column beside the text: panel titles and legend names are
wrapped to the room they have, nothing is clipped by the top margin, tick labels stay level."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import selection, views
from dashboard.charts import theme
from dashboard.charts.common import (
    LEGEND_ENTRY_PAD_PX,
    LEGEND_FULL_PX,
    LEGEND_HALF_PX,
    TITLE_PX,
    WIDE_SCALE,
    legend_below,
    text_px,
    wrap_for_two_a_row,
    wrap_title,
)
from dashboard.charts.timeline import CIRCLED, KEY_LIST_PX, KEY_LIST_SIZE, key_entry
from dashboard.datasets import read
from dashboard.figures import FIGURES
from dashboard.i18n import Lang
from dashboard.state import default_state

CLOSING = set("）」』、。：:;,.)")


@cache
def drawn(name: str, lang: Lang) -> go.Figure | None:
    """The chart ``name`` as the default view draws it (None for a table)."""
    spec = FIGURES[name]
    page = views.BY_PAGE.get(spec.dataset.page, views.RECOMMENDATIONS)
    state = default_state(page, lang)
    rows = spec.select(read(spec.dataset.id).frame, state)
    extra = {
        other: selection.select(other, read(other).frame, state)
        for other in spec.chart.with_datasets
    }
    figure = spec.draw(rows, state, lang, None, extra)
    return figure if isinstance(figure, go.Figure) else None


CHARTS = [name for name in FIGURES if drawn(name, "ja") is not None]


def _panel_titles(figure: go.Figure) -> list[Any]:
    return [
        a
        for a in figure.layout.annotations
        if a.xref == "paper" and a.yref == "paper" and a.yanchor == "bottom" and not a.showarrow
    ]


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Federal budget balance: Jan–Aug, same months (RUB trn)", 196),
        ("連邦予算の石油・ガス歳入：1〜5月の比較（兆ルーブル）", 196),
        ("インドのロシア産原油輸入（日量百万バレル、Kpler）", 196),
        ("制裁指定された「影の船団」（船舶数、累計）", 160),
        ("Share of Ukraine under Russian control (%, at dated points)", 360),
    ],
)
def test_wrapped_titles_keep_their_text_and_fit(text: str, width: float) -> None:
    wrapped = wrap_title(text, width)
    lines = wrapped.split("<br>")
    assert len(lines) > 1  # every example is too wide for one line
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # A line may pass the width only by closing punctuation kept with its word (kinsoku).
        assert text_px(line.rstrip("".join(CLOSING))) <= width, line
        assert line[0] not in CLOSING, wrapped


def test_titles_break_after_a_colon_or_before_a_bracket_first() -> None:
    assert wrap_title("Goods exports: Jan–Jul, USD bn", 196) == "Goods exports:<br>Jan–Jul, USD bn"
    assert wrap_title("消費者物価上昇率（前年同月比）", 196) == "消費者物価上昇率<br>（前年同月比）"
    assert wrap_title("制裁指定された「影の船団」", 196) == "制裁指定された<br>「影の船団」"
    # Legend names (no preferred breaks): the words simply fill the line.
    assert wrap_title("① 3 Mar 2025: US pauses military aid", 196, colon=False).startswith(
        "① 3 Mar 2025: US pauses"
    )


def test_legend_lists_one_entry_a_row_when_a_name_is_too_wide_for_half() -> None:
    short = [{"name": "EU"}, {"name": "United States"}]
    long = [*short, {"name": "Europe (countries and EU institutions): total aid"}]
    hidden = [*short, {"name": "Europe (countries and EU institutions)", "showlegend": False}]
    # Entries as wide as the longest name (plus its symbol), in pixels: as many a row as the
    # plot holds, two at 1280 px, fewer on a narrower screen, never drawn over each other.
    entry = round(text_px("United States", 15) + LEGEND_ENTRY_PAD_PX)
    assert legend_below(short)["entrywidth"] == entry
    assert legend_below(short)["entrywidthmode"] == "pixels"
    assert entry <= LEGEND_HALF_PX + LEGEND_ENTRY_PAD_PX  # so two a row where half fits
    assert legend_below(long)["entrywidth"] == 1.0
    assert legend_below(long)["entrywidthmode"] == "fraction"
    assert legend_below(hidden)["entrywidth"] == entry
    assert legend_below(short)["maxheight"] == 1.0  # never a scrolled legend


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_titles_and_legend_names_fit_the_room_they_have(name: str, lang: Lang) -> None:
    figure = drawn(name, lang)
    assert figure is not None
    scale = WIDE_SCALE if FIGURES[name].chart.wide else 1
    titles = _panel_titles(figure)
    if titles:
        top = max(a.y for a in titles)
        first_row = [a for a in titles if a.y == top]
        lines = max(a.text.count("<br>") + 1 for a in first_row)
        assert figure.layout.margin.t >= 14 + 20 * lines, (name, lines, figure.layout.margin.t)
        columns = len(first_row)
        width = TITLE_PX.get(columns, TITLE_PX[3]) * scale
        for annotation in titles:
            for line in annotation.text.split("<br>"):
                single = len(line.split()) == 1 and not re.search(r"[^\x00-\x7f]", line)
                assert single or text_px(line.rstrip("".join(CLOSING))) <= width, (name, line)
    legend_size = theme.TICK_FONT_SIZE
    for trace in figure.data:
        if trace.showlegend is False or not trace.name:
            continue
        for line in trace.name.split("<br>"):
            fits = text_px(line.rstrip("".join(CLOSING)), legend_size) <= LEGEND_FULL_PX * scale
            assert fits or len(line.split()) == 1, (name, line)
    if figure.layout.legend.entrywidth == 0.5:  # two a row: every name fits half the width
        for trace in figure.data:
            if trace.showlegend is not False and trace.name:
                lines = trace.name.split("<br>")
                widest = max(text_px(line, legend_size) for line in lines)
                assert widest <= LEGEND_HALF_PX * scale, (name, trace.name)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    "name", ["economy_defence", "economy_trade", "economy_oil", "economy_prices"]
)
def test_bar_panels_label_each_bar_once_and_level(name: str, lang: Lang) -> None:
    figure = drawn(name, lang)
    assert figure is not None
    bars = [trace for trace in figure.data if trace.type == "bar" and trace.x and trace.x[0]]
    assert bars
    for trace in bars:
        labels = [str(x) for x in trace.x]
        assert len(set(labels)) == len(labels), labels  # a plan and an outturn: told apart
        axis = figure.layout[f"xaxis{trace.xaxis[1:]}"]
        assert axis.tickangle == 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_year_with_two_bars_names_their_kinds(lang: Lang) -> None:
    defence = drawn("economy_defence", lang)
    assert defence is not None
    labels = [str(x) for trace in defence.data if trace.type == "bar" for x in (trace.x or [])]
    twice = [text for text in labels if text.startswith("2023") and "<br>" in text]
    assert len(twice) == 2, labels  # 2023 has an estimate and a plan
    kinds = (
        {"実績", "推計", "計画", "予測"} if lang == "ja" else {"outturn", "est.", "plan", "fcst."}
    )
    assert all(text.split("<br>")[1] in kinds for text in twice), twice
    years = [text for text in labels if text[:4].isdigit() and "<br>" not in text]
    assert years and all(re.fullmatch(r"\d{4}年?", text) for text in years), years


def _key_lists(figure: go.Figure) -> list[str]:
    """The numbered lists of key events below a timeline."""
    return [
        str(a.text)
        for a in figure.layout.annotations
        if a.xref == "paper" and a.yanchor == "top" and str(a.text or "")[:1] in CIRCLED
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_key_event_lists_fit_the_plot_beside_the_text(name: str, lang: Lang) -> None:
    """Every line of a key-event list fits the plot width of a timeline in the 450 px column,
    and the bottom margin holds all its lines."""
    figure = drawn(name, lang)
    assert figure is not None
    for text in _key_lists(figure):
        lines = text.split("<br>")
        for line in lines:
            assert text_px(line, KEY_LIST_SIZE) <= KEY_LIST_PX, (name, line)
        assert figure.layout.margin.b >= 50 + 20 * len(lines) - 1, name


def test_a_long_key_event_title_takes_two_lines_and_says_it_runs_on() -> None:
    entry = "① 2023年3月21日　" + "岸田首相がキーウを訪問し、ゼレンスキー大統領と会談した" * 2
    lines = key_entry(entry).split("<br>")
    assert len(lines) == 2 and lines[1].endswith("…") and lines[0].startswith("① 2023年3月21日")
    assert key_entry("② 2024年2月19日　東京で会議") == "② 2024年2月19日　東京で会議"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_inner_date_ticks_keep_clear_of_the_full_end_dates(lang: Lang) -> None:
    """On a 300 px plot (a timeline beside the text), no year tick touches an end date."""
    ticks = theme.date_ticks("2022-02-01", "2025-12-31", lang)
    values = [pd.Timestamp(v) for v in ticks["tickvals"]]
    first, last = values[0], values[-1]
    px = 300 / (last - first).days
    for value, text in zip(values[1:-1], ticks["ticktext"][1:-1], strict=True):
        for end, end_text in ((first, ticks["ticktext"][0]), (last, ticks["ticktext"][-1])):
            room = abs((value - end).days) * px
            needed = (
                text_px(text, theme.TICK_FONT_SIZE) + text_px(end_text, theme.TICK_FONT_SIZE)
            ) / 2
            assert room > needed, (text, end_text, room, needed)
    assert len(values) >= 3  # an inner tick is left between the ends


def test_timelines_on_the_pages_name_their_key_events() -> None:
    """The list checks above have lists to check."""
    for lang in ("ja", "en"):
        assert sum(len(_key_lists(drawn(name, lang))) for name in CHARTS) >= 3  # type: ignore[arg-type]


def test_long_legend_names_break_where_a_word_ends_to_keep_two_a_row() -> None:
    traces = [
        {"name": "ウクライナ国防省情報総局"},
        {"name": "韓国・合同参謀本部"},
        {"name": "その他（注記参照）"},
        {"name": "米国政府"},
        {"name": "North Korean authorities"},
        {"name": "hidden and much too long to matter here", "showlegend": False},
    ]
    wrap_for_two_a_row(traces, 108)
    assert [trace["name"] for trace in traces[:5]] == [
        "ウクライナ<br>国防省情報総局",
        "韓国・<br>合同参謀本部",
        "その他<br>（注記参照）",
        "米国政府",
        "North Korean<br>authorities",
    ]
    assert legend_below(traces, 108)["entrywidthmode"] == "pixels"  # two a row still fit
    assert legend_below(traces, 108)["entrywidth"] <= 108 + LEGEND_ENTRY_PAD_PX
    three_lines = [{"name": "あ" * 30}, {"name": "米国政府"}]
    wrap_for_two_a_row(three_lines, 108)
    assert three_lines[0]["name"] == "あ" * 30  # left whole: one entry a row instead
    assert legend_below(three_lines, 108)["entrywidth"] == 1.0
