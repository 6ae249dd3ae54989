"""URL state: examples of parse and to_query (the property-based sweep lives beside it)."""

from __future__ import annotations

from datetime import date

from dashboard.state import parse, to_query
from dashboard.views import CEASEFIRE, SANCTIONS, WAR_ECONOMY


def test_defaults_give_an_empty_query() -> None:
    state, notices = parse({}, SANCTIONS)
    assert notices == [] and to_query(state, SANCTIONS) == {}
    assert (state.start, state.end) == (date(2022, 2, 1), date(2025, 12, 31))
    assert state.codes("jur") == SANCTIONS.filters[0].codes


def test_valid_values_round_trip() -> None:
    query = {"lang": "en", "from": "2024-01-01", "to": "2024-06-30", "jur": "EU,JP", "q": "oil"}
    state, notices = parse(query, SANCTIONS)
    assert notices == []
    assert to_query(state, SANCTIONS) == query


def test_each_kind_of_bad_value_falls_back_with_its_notice() -> None:
    state, notices = parse(
        {"from": "2025-02-30", "to": "1999-01-01", "jur": "EU,XX", "lang": "de", "foo": "1"},
        SANCTIONS,
    )
    reasons = {(n.param, n.reason) for n in notices}
    assert ("from", "notice.bad_date") in reasons
    assert ("to", "notice.date_clamped") in reasons
    assert ("jur", "notice.unknown_codes") in reasons
    assert ("lang", "notice.bad_lang") in reasons
    assert ("foo", "notice.unknown_param") in reasons
    assert state.lang == "ja" and state.codes("jur") == ("EU",)
    assert SANCTIONS.lo <= state.start <= state.end <= SANCTIONS.hi


def test_reversed_range_is_swapped_and_empty_selection_is_kept() -> None:
    state, notices = parse({"from": "2025-06-01", "to": "2025-03-01", "party": ""}, CEASEFIRE)
    assert (state.start, state.end) == (date(2025, 3, 1), date(2025, 6, 1))
    assert [n.reason for n in notices] == ["notice.reversed"]
    assert state.codes("party") == ()
    assert to_query(state, CEASEFIRE)["party"] == ""


def test_search_text_is_cleaned_and_cut() -> None:
    state, notices = parse({"q": "a\x00b" + "x" * 200}, SANCTIONS)
    assert state.query.startswith("ab") and len(state.query) == 100
    assert [n.reason for n in notices] == ["notice.search_cut"]


def test_overlays_and_presentation() -> None:
    params = {"overlay": "sanctions,moon", "present": "1", "slide": "99"}
    state, notices = parse(params, WAR_ECONOMY)
    assert state.overlays == ("sanctions",) and state.present and state.slide == 1
    assert {n.param for n in notices} == {"overlay", "slide"}
    assert to_query(state, WAR_ECONOMY) == {"overlay": "sanctions", "present": "1"}


def test_the_briefing_lives_in_the_url() -> None:
    """A prepared briefing is a link: slides, windows, talking points, footer, date, "mine"."""
    params = {
        "slides": "title,gdp_growth,dprk_lanes,sources",
        "w.gdp_growth": "2021-01-01..2024-12-31",
        "tp.dprk_lanes": "First point\nSecond point",
        "footer": "取扱注意",
        "date": "2026-12-03",
        "mine": "1",
    }
    state, notices = parse(params, WAR_ECONOMY)
    assert notices == []
    assert state.deck == ("title", "gdp_growth", "dprk_lanes", "sources")
    assert state.windows == {"gdp_growth": (date(2021, 1, 1), date(2024, 12, 31))}
    assert state.talk == {"dprk_lanes": "First point\nSecond point"}
    assert (state.footer, state.briefing_date, state.mine) == ("取扱注意", date(2026, 12, 3), True)
    assert to_query(state, WAR_ECONOMY) == params
    assert WAR_ECONOMY.slide_count(False, state.deck) == 4


def test_bad_briefing_parameters_fall_back_with_notices() -> None:
    state, notices = parse(
        {
            "slides": "title,moon,forecasts",
            "w.gdp_growth": "2021-01-01",
            "w.dprk_lanes": "2021-01-01..2099-01-01",
            "date": "soon",
            "footer": "x" * 80,
            "slide": "3",
        },
        WAR_ECONOMY,
    )
    reasons = {(n.param, n.reason) for n in notices}
    assert ("slides", "notice.unknown_codes") in reasons
    assert ("slides", "notice.slide_needs_layer") in reasons  # forecasts need asof=latest
    assert ("w.gdp_growth", "notice.bad_window") in reasons
    assert ("w.dprk_lanes", "notice.date_clamped") in reasons
    assert ("date", "notice.bad_date") in reasons and ("footer", "notice.text_cut") in reasons
    assert ("slide", "notice.bad_slide") in reasons  # the list kept has one slide
    assert state.deck == ("title", "forecasts") and WAR_ECONOMY.deck_for(False, state.deck) == (
        "title",
    )
    assert "gdp_growth" not in state.windows
    assert state.windows["dprk_lanes"] == (date(2021, 1, 1), date(2025, 12, 31))
    assert len(state.footer) == 60 and state.briefing_date is None and state.slide == 1
    empty, notices = parse({"slides": "forecasts"}, WAR_ECONOMY)
    assert empty.deck == () and "notice.no_slides" in {n.reason for n in notices}
