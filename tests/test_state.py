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
    state, notices = parse({"overlay": "sanctions,moon", "present": "1", "slide": "9"}, WAR_ECONOMY)
    assert state.overlays == ("sanctions",) and state.present and state.slide == 1
    assert {n.param for n in notices} == {"overlay", "slide"}
    assert to_query(state, WAR_ECONOMY) == {"overlay": "sanctions", "present": "1"}
