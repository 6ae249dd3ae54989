"""The deck builder: the slide list, its order, windows and talking points go into the URL and
from there into every export and presentation mode; a bad template is refused with a message."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.slides import DEFAULT_DECK
from dashboard.state import parse
from dashboard.ui.builder import _table, apply_edits
from dashboard.views import BRIEFING
from tests.test_pages import open_page, texts


def test_the_builder_lists_the_default_slides_and_offers_the_three_downloads() -> None:
    at = open_page("briefing", lang="en")
    assert not at.exception, [e.message for e in at.exception]
    assert at.multiselect(key="builder.slides").value == list(DEFAULT_DECK)
    labels = [button.label for button in at.get("download_button")]
    assert "Download the HTML briefing (one file, works offline)" in labels
    assert "Download briefing deck (PPTX)" in labels and "Download handout (PDF, A4)" in labels
    assert "Share this view (link, QR code)" in [expander.label for expander in at.expander]


def test_choosing_slides_puts_them_in_the_url_and_presentation_mode_follows() -> None:
    at = open_page("briefing", lang="en")
    at.multiselect(key="builder.slides").set_value(["title", "dprk_lanes", "gdp_growth"]).run()
    assert not at.exception
    assert at.query_params["slides"] == "title,dprk_lanes,gdp_growth"
    at.text_input(key="builder.footer").input("OFFICIAL").run()
    assert at.query_params["footer"] == "OFFICIAL"
    at.toggle(key="builder.mine").set_value(True).run()
    assert at.query_params["mine"] == "1"
    at.button(key="builder.present").click().run()
    assert at.query_params["present"] == "1"
    assert at.title[0].value.startswith("Will Russia")  # the list's first slide: the title
    at.button(key="present.next").click().run()
    assert at.title[0].value.startswith("Russia–DPRK milestones")


def test_the_briefing_follows_the_reader_to_another_page() -> None:
    at = open_page("briefing", lang="en", slides="title,gdp_growth", footer="OFFICIAL")
    at.switch_page("pages/sanctions.py").run()
    assert not at.exception
    assert at.query_params["slides"] == "title,gdp_growth"
    assert at.query_params["footer"] == "OFFICIAL"


def test_table_edits_reorder_set_windows_and_add_talking_points() -> None:
    state = parse({"lang": "en", "slides": "title,gdp_growth,dprk_lanes,sources"}, BRIEFING)[0]
    base = _table(state)
    assert list(base["key"]) == ["title", "gdp_growth", "dprk_lanes", "sources"]
    assert pd.isna(base.loc[0, "start"]) and base.loc[1, "start"] == date(2014, 1, 1)
    plan = apply_edits(
        state,
        base,
        {
            2: {"order": 1.5},  # dprk_lanes before gdp_growth
            1: {"start": "2021-01-01", "end": "2030-01-01", "talk": "First; second"},
            0: {"start": "2021-01-01"},  # not a chart: no window
        },
    )
    assert plan["deck"] == ("title", "dprk_lanes", "gdp_growth", "sources")
    assert plan["windows"] == {"gdp_growth": (date(2021, 1, 1), date(2025, 12, 31))}
    assert plan["talk"] == {"gdp_growth": "First\nsecond"}
    # back to the slide's own window and no words: nothing kept
    again = state.with_(windows=plan["windows"], talk=plan["talk"])
    undone = apply_edits(
        again, _table(again), {1: {"start": "2014-01-01", "end": "2025-12-31", "talk": ""}}
    )
    assert undone["windows"] == {} and undone["talk"] == {}


def test_a_prepared_briefing_link_opens_with_its_windows_and_talking_points() -> None:
    at = open_page(
        "briefing",
        lang="en",
        slides="title,gdp_growth",
        **{"w.gdp_growth": "2021-01-01..2024-12-31", "tp.gdp_growth": "Say this"},
    )
    assert not at.exception and not at.warning
    assert "Some URL parameters could not be used" not in texts(at)
    assert at.query_params["w.gdp_growth"] == "2021-01-01..2024-12-31"
    assert at.query_params["tp.gdp_growth"] == "Say this"
