"""Charts laid out again for a phone (``charts.fit.for_width``): every chart of the package, in
both languages and both layers, keeps its data and gets texts that fit the chart's width."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
import pytest

from dashboard.charts import fit, theme
from dashboard.charts.common import LEGEND_ENTRY_PAD_PX, text_px
from dashboard.charts.timeline import CIRCLED, KEY_LIST_SIZE
from dashboard.i18n import Lang
from tests.test_chart_layout import CHARTS, drawn

#: A 390 px phone: Streamlit's padding leaves the chart 358 px.
PHONE = 358


def _spec(figure: go.Figure) -> dict[str, Any]:
    return json.loads(figure.to_json())


def _data_of(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """What a trace draws: its values, colours and symbols (not its name or text)."""
    keep = ("type", "x", "y", "z", "locations", "lat", "lon", "marker", "line", "mode")
    return [{key: trace.get(key) for key in keep} for trace in spec["data"]]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_a_phone_chart_keeps_its_data_and_its_texts_fit(name: str, lang: Lang) -> None:
    figure = drawn(name, lang)
    assert figure is not None
    before = _spec(figure)
    fitted = _spec(fit.for_width(figure, PHONE))
    assert _spec(figure) == before  # the built figure is not changed
    drawn_before, drawn_after = _data_of(before), _data_of(fitted)
    for old, new in zip(drawn_before, drawn_after, strict=True):
        assert old["x"] == new["x"] and old["y"] == new["y"], name
        assert (old["marker"] or {}).get("color") == (new["marker"] or {}).get("color")
        assert (old["marker"] or {}).get("symbol") == (new["marker"] or {}).get("symbol")
    layout = fitted["layout"]
    frame = fit._Frame(layout, PHONE)
    legend = layout.get("legend") or {}
    if legend.get("orientation") == "h" and layout.get("showlegend") is not False:
        room = PHONE - frame.left - fit.EDGE_PX - LEGEND_ENTRY_PAD_PX
        for trace in fitted["data"]:
            if trace.get("showlegend") is False or not isinstance(trace.get("name"), str):
                continue
            for line in trace["name"].split("<br>"):
                assert text_px(line, theme.TICK_FONT_SIZE) <= room + 1, (name, line)
    for annotation in layout.get("annotations") or []:
        size = float((annotation.get("font") or {}).get("size") or theme.BASE_FONT_SIZE)
        room = max(80.0, frame.room(annotation))
        for line in str(annotation.get("text") or "").split("<br>"):
            assert text_px(line, size) <= room + 1, (name, line, room)
    for key, axis in layout.items():  # x axes: range unchanged (only ticks may be fewer)
        if key.startswith("xaxis") and "range" in (before["layout"].get(key) or {}):
            assert axis["range"] == before["layout"][key]["range"], (name, key)
    assert layout["height"] >= before["layout"]["height"], name  # never a squeezed plot


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_that_fits_is_left_as_it_is(name: str) -> None:
    """At a width as wide as the builder planned for, nothing needs fitting: same texts."""
    figure = drawn(name, "ja")
    assert figure is not None
    before, after = _spec(figure), _spec(fit.for_width(figure, 1400))
    assert [t.get("name") for t in after["data"]] == [t.get("name") for t in before["data"]]
    texts = [a.get("text") for a in before["layout"].get("annotations") or []]
    assert [a.get("text") for a in after["layout"].get("annotations") or []] == texts


def test_the_timeline_keeps_its_ends_and_drops_ticks_that_would_touch() -> None:
    figure = drawn("ceasefire_timeline", "ja")
    assert figure is not None
    axis = _spec(figure)["layout"]["xaxis"]
    fitted = _spec(fit.for_width(figure, PHONE))["layout"]["xaxis"]
    assert fitted["tickvals"][0] == axis["tickvals"][0]
    assert fitted["tickvals"][-1] == axis["tickvals"][-1]
    assert len(fitted["tickvals"]) <= len(axis["tickvals"])
    # Narrower still, the middle tick (2025年7月) would touch an end and goes.
    narrower = _spec(fit.for_width(figure, 300))["layout"]["xaxis"]
    assert len(narrower["tickvals"]) < len(axis["tickvals"])


def test_the_key_events_list_keeps_numbered_two_line_entries() -> None:
    figure = drawn("ceasefire_timeline", "ja")
    assert figure is not None
    annotation = _spec(fit.for_width(figure, PHONE))["layout"]["annotations"][-1]
    assert annotation["font"]["size"] == KEY_LIST_SIZE
    lines = annotation["text"].split("<br>")
    numbers = [line[0] for line in lines if line[:1] in CIRCLED]
    assert numbers == list(CIRCLED[: len(numbers)]) and numbers
    assert len(lines) <= 2 * len(numbers)  # each entry in at most two lines


def test_panels_side_by_side_stack_in_reading_order_on_a_phone() -> None:
    figure = drawn("economy_trade", "ja")
    assert figure is not None
    layout = _spec(fit.for_width(figure, PHONE))["layout"]
    panels = sorted((layout[key]["domain"][1], key) for key in layout if key.startswith("yaxis"))
    assert [key for _, key in reversed(panels)] == ["yaxis", "yaxis2", "yaxis3", "yaxis4"]
    for key in layout:
        if key.startswith("xaxis"):
            assert layout[key]["domain"] == [0.0, 1.0]
    titles = [a for a in layout["annotations"] if a.get("yanchor") == "bottom"]
    assert all(a["x"] == 0.5 for a in titles)
    # Each title stands at its panel's top, above the panel before it ends, in order.
    tops = sorted(layout[key]["domain"][1] for key in layout if key.startswith("yaxis"))
    assert sorted(a["y"] for a in titles) == pytest.approx(tops)
    # Wide enough for two panels a row, they stay side by side.
    wide = _spec(fit.for_width(figure, 600))["layout"]
    assert wide["xaxis"]["domain"] != [0.0, 1.0]


def test_a_bar_of_few_categories_keeps_every_label() -> None:
    figure = drawn("economy_trade", "ja")
    assert figure is not None
    layout = _spec(fit.for_width(figure, 300))["layout"]
    assert all("tickvals" not in layout[key] for key in layout if key.startswith("xaxis"))


def test_a_map_scale_goes_under_the_maps_and_the_legend_under_it() -> None:
    figure = drawn("oblast_control_map", "ja")
    assert figure is not None
    spec = _spec(fit.for_width(figure, PHONE))
    bars = [t["colorbar"] for t in spec["data"] if "colorbar" in t and t.get("showscale")]
    assert bars and all(bar["orientation"] == "h" for bar in bars)
    assert spec["layout"]["legend"]["y"] < bars[0]["y"]
