"""Nothing on screen misleads: every chart on every page, in both languages, inspected as the
browser receives it (figure JSON under AppTest).

* no axis carries a part period beside full years;
* Japanese views carry no English month names and no internal row ids in hovers, ticks or
  footnotes;
* every chart has a text alternative and uses its own theme;
* a category keeps its colour and symbol whatever is filtered;
* forecasts never sit on a line of outturns.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest

from dashboard.chapter import paragraphs
from dashboard.datasets import DATASET_IDS, read
from dashboard.i18n import Lang
from tests.test_pages import PAGES, open_page

FULL_YEAR = re.compile(r"^(\d{4}年?|FY\d{4}-\d{2})$")
PART_PERIOD = re.compile(
    r"(〜|–|-|月|H[12]|Q[1-4]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
ROW_IDS = {
    str(row_id)
    for dataset_id in DATASET_IDS
    for row_id in read(dataset_id).frame["id"]  # type: ignore[index]
}
TABLE_HINT = re.compile(
    r"図の下の「表で見る（出典付き）」に\d+行のデータと出典がある。"
    r"|The table view below it lists its \d+ rows with sources\."
)
CHART_PAGES = [page for page in PAGES if page not in ("data_sources", "briefing")]
NARRATIVE_PAGES = ["ceasefire", "war_economy", "dprk_russia", "recommendations"]


@cache
def rendered(
    page: str, lang: Lang, *, open_notes: bool = False
) -> tuple[list[dict[str, Any]], list[str], list[Any]]:
    """(figure JSON of every chart, every caption and Markdown text, the chart protos).

    With ``open_notes`` the footnote expanders under each claim are opened first, as a reader
    does (their text is built only while open)."""
    at = open_page(page, lang=lang)
    assert not at.exception
    if open_notes:
        keys = [
            f"notes.{segment.claims[0].id}"
            for paragraph in paragraphs(page, lang)
            for segment in paragraph.segments
            if any(segment.numbers)
        ]
        assert keys, f"{page}: no footnotes to open"
        for key in keys:
            at.session_state[key] = True
        at.run()
        assert not at.exception
    charts = at.get("plotly_chart")
    figures = [json.loads(chart.proto.spec) for chart in charts]
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for expander in at.expander:  # the footnotes folded under each claim
        texts += [m.value for m in expander.markdown]
    return figures, texts, [chart.proto for chart in charts]


def _axis_labels(figure: dict[str, Any]) -> dict[str, list[str]]:
    """Category labels of bar traces, per x axis."""
    found: dict[str, list[str]] = {}
    for trace in figure["data"]:
        if trace.get("type") != "bar" or not trace.get("x"):
            continue
        values = [str(x).split("<br>")[0] for x in trace["x"] if x is not None]
        if not values or all(re.match(r"^\d{4}-\d{2}-\d{2}", v) for v in values):
            continue  # dates, not categories
        found.setdefault(trace.get("xaxis", "x"), []).extend(values)
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    return []


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", CHART_PAGES)
def test_no_axis_puts_a_part_period_beside_full_years(page: str, lang: Lang) -> None:
    figures, _, _ = rendered(page, lang)
    assert figures
    for figure in figures:
        for axis, labels in _axis_labels(figure).items():
            full = [label for label in labels if FULL_YEAR.match(label)]
            part = [
                label
                for label in labels
                if not FULL_YEAR.match(label) and PART_PERIOD.search(label)
            ]
            assert not (full and part), (
                f"{page} {axis}: full years {full} beside part periods {part}"
            )


@pytest.mark.parametrize("page", CHART_PAGES)
def test_japanese_views_have_no_english_months_or_row_ids_in_charts(page: str) -> None:
    figures, _, _ = rendered(page, "ja")
    for figure in figures:
        shown = []
        for trace in figure["data"]:
            for key in ("hovertext", "customdata", "text", "name", "hovertemplate"):
                shown += _strings(trace.get(key))
        layout = figure["layout"]
        for key, axis in layout.items():
            if key.startswith(("xaxis", "yaxis")):
                shown += _strings(axis.get("ticktext")) + _strings(axis.get("title"))
        shown += _strings([a.get("text") for a in layout.get("annotations", [])])
        for text in shown:
            assert not ENGLISH_MONTH.search(text), f"{page}: English month in {text!r}"
            words = set(re.findall(r"[a-z0-9_]{6,}", text))
            assert not words & ROW_IDS, f"{page}: row id in {text!r}"


LINK_TARGET = re.compile(r'\]\(https?://[^\s)]+(?: "(?:\\.|[^"\\])*")?\)')
LINK_TEXT = re.compile(r"\[(?:\\.|[^\]\\])*$")


def _without_links(text: str) -> str:
    """The text without link targets and link texts (publishers and titles as published)."""
    pieces = LINK_TARGET.split(text)
    return "".join(LINK_TEXT.sub("", piece) for piece in pieces)


@pytest.mark.parametrize("page", NARRATIVE_PAGES)
def test_japanese_footnotes_have_no_english_months_or_row_ids(page: str) -> None:
    _, texts, _ = rendered(page, "ja", open_notes=True)
    footnotes = [text for text in texts if "—" in text]
    assert footnotes
    for text in footnotes:
        # Source titles and publishers are quoted as published (links); the rest is ours.
        plain = _without_links(text)
        assert not ENGLISH_MONTH.search(plain), f"{page}: English month in {plain[:200]!r}"
        assert not set(re.findall(r"[a-z0-9_]{6,}", plain)) & ROW_IDS, plain[:200]


@pytest.mark.parametrize("page", CHART_PAGES)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_chart_has_a_text_alternative_said_from_its_data_and_its_own_theme(
    page: str, lang: Lang
) -> None:
    """The text alternative says what the data show (a number or a date from them), in the
    page's language, not just the chart's title."""
    _, _, protos = rendered(page, lang)
    assert protos, page
    for proto in protos:
        alt = proto.alt.strip()
        _title, _, said = alt.partition("。" if lang == "ja" else ". ")
        said = TABLE_HINT.sub("", said)  # the fixed pointer to the table view does not count
        assert re.search(r"\d", said), f"{page}: {alt[:160]!r} says nothing from the data"
        if lang == "ja":
            assert not ENGLISH_MONTH.search(alt), alt[:200]
        else:
            assert not re.search(r"[\u3040-\u30ff]", alt), alt[:200]  # no kana in English
        assert proto.theme == "", f"{page}: Streamlit's chart theme would override ours"


@pytest.mark.parametrize("page", CHART_PAGES)
def test_ticks_and_legends_are_legible_on_a_projector(page: str) -> None:
    figures, _, _ = rendered(page, "en")
    for figure in figures:
        layout = figure["layout"]
        template = layout.get("template", {}).get("layout", {})
        for key in [k for k in (*layout, *template) if k.startswith(("xaxis", "yaxis"))]:
            size = (layout.get(key, {}).get("tickfont") or {}).get("size") or (
                (template.get(key, {}).get("tickfont") or {}).get("size")
            )
            assert size is None or size >= 14, (page, key, size)
        legend = (layout.get("legend", {}).get("font") or {}).get("size") or (
            template.get("legend", {}).get("font", {}).get("size")
        )
        assert legend is None or legend >= 14, (page, legend)


def test_hiding_a_category_leaves_every_other_colour_and_symbol() -> None:
    from dashboard import views
    from dashboard.figures import FIGURES
    from dashboard.state import default_state

    figure = FIGURES["sanctions_lanes"]
    rows = read("sanctions_timeline").frame
    everything = default_state(views.SANCTIONS, "en")
    codes = everything.codes("jur")
    without_us = everything.with_(
        selected={**everything.selected, "jur": tuple(c for c in codes if c != "US")}
    )

    def encodings(state):  # type: ignore[no-untyped-def]
        fig = figure.draw(figure.select(rows, state), state, "en")
        return {trace.name: (trace.marker.color, trace.marker.symbol) for trace in fig.data}

    before, after = encodings(everything), encodings(without_us)
    assert "United States" in before and "United States" not in after
    assert len(after) >= 3
    for name, encoding in after.items():
        assert before[name] == encoding, name


def test_forecasts_are_never_on_the_line_of_outturns() -> None:
    figures, _, _ = rendered("war_economy", "en")
    gdp = next(f for f in figures if any(t.get("name") == "Rosstat: annual" for t in f["data"]))
    annual = next(t for t in gdp["data"] if t.get("name") == "Rosstat: annual")
    assert not any(str(x).startswith("2025") for x in annual["x"])
    forecasts = [t for t in gdp["data"] if str(t.get("name", "")).startswith("Forecast: ")]
    assert forecasts and all(t["marker"]["symbol"].endswith("-open") for t in forecasts)
