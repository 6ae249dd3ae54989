"""Every page through Streamlit's AppTest: renders, narrative and chart present, filters work,
the URL round-trips, bad parameters give a notice, the language switch changes the text."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.chapter import chapter, paragraphs
from dashboard.paths import DATA_DIR, PROJECT_DIR

PAGES = {
    "overview": "pages/overview.py",
    "ceasefire": "pages/ceasefire.py",
    "war_economy": "pages/war_economy.py",
    "sanctions": "pages/sanctions.py",
    "dprk_russia": "pages/dprk_russia.py",
    "recommendations": "pages/recommendations.py",
    "data_sources": "pages/data_sources.py",
    "briefing": "pages/briefing.py",
}
NARRATIVE = {"ceasefire", "war_economy", "dprk_russia", "recommendations"}
SHOWING = re.compile(
    r"(?P<total_ja>\d+)件中(?P<shown_ja>\d+)件を表示|Showing (?P<shown>\d+) of (?P<total>\d+)"
    r"|全(?P<all_ja>\d+)件を表示|Showing all (?P<all>\d+)"
)


def open_page(page: str, **params: str) -> AppTest:
    """Open ``page`` as a shared link does: the router runs first, then the page with the URL."""
    at = AppTest.from_file(str(PROJECT_DIR / "app.py"), default_timeout=120)
    if page == "overview":
        for name, value in params.items():
            at.query_params[name] = value
        return at.run()
    if "lang" in params:
        at.query_params["lang"] = params["lang"]
    at.run()
    at.query_params.clear()
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(PAGES[page])
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader]
    return "\n".join(parts)


def shown_counts(at: AppTest) -> list[int]:
    """The 'showing N of M' numbers of every timeline panel on the page."""
    counts = []
    for caption in at.caption:
        match = SHOWING.search(caption.value)
        if match:
            every = match.group("all_ja") or match.group("all")
            counts.append(int(match.group("shown_ja") or match.group("shown") or every))
    return counts


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_as_of_and_no_error(page: str) -> None:
    at = open_page(page)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert "データ基準日：2025年12月31日" in texts(at)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ja", "第6章　田島理博（日本国際問題研究所研究員）　脱稿日：2025年12月31日"),
        (
            "en",
            "Chapter 6 · 田島理博 (name as published in Japanese; "
            "we found no published romanisation), "
            "Research Fellow, The Japan Institute of International Affairs · Cut-off 31 Dec 2025",
        ),
    ],
)
def test_overview_byline_names_the_author_as_published(lang: str, line: str) -> None:
    at = open_page("overview", lang=lang)
    assert line in [m.value for m in at.markdown]


@pytest.mark.parametrize("page", sorted(NARRATIVE))
def test_narrative_and_charts_are_present(page: str) -> None:
    at = open_page(page)
    body = texts(at)
    first = paragraphs(page, "ja")[0].claims[0].text_ja
    assert first[:25] in body
    assert chapter().section_titles[page]["ja"] in body
    charts = at.get("plotly_chart")
    assert len(charts) >= 1
    # a source line under every chart
    assert sum("出典：" in c.value for c in at.caption) >= len(charts)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", sorted(NARRATIVE))
def test_a_chapter_page_has_one_top_heading_and_names_the_section_in_text(
    page: str, lang: str
) -> None:
    """The page's title is its only heading above the text: the chapter's title of the section
    follows as a line of text, not as a second heading for the same thing."""
    from dashboard.i18n import t

    at = open_page(page, lang=lang)
    assert [h.value for h in at.title] == [t(f"nav.{page}", lang)]  # type: ignore[arg-type]
    assert [h.value for h in at.header] == []  # no heading straight under the title
    section = chapter().section_titles[page][lang]
    lines = [m.value.replace("\\", "") for m in at.markdown]
    assert any(section in line for line in lines), section


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sanctions_quote_carries_its_footnotes_as_the_section_page_does(lang: str) -> None:
    """The quoted sentences keep the war-economy section's footnote numbers, and the footnotes
    (each claim's note and the rows it cites) fold out under the quote."""
    from dashboard.chapter import paragraphs
    from dashboard.i18n import t

    cited = {
        number: claim
        for paragraph in paragraphs("war_economy", lang)  # type: ignore[arg-type]
        for segment in paragraph.segments
        for claim, number in zip(segment.claims, segment.numbers, strict=True)
        if number and "制裁" in claim.text_ja
    }
    assert set(cited) == {6, 9}  # the US oil sanctions; circumvention via the Global South
    at = open_page("sanctions", lang=lang)
    quote = next(m.value for m in at.markdown if m.value.startswith("> "))
    assert "⁶" in quote and "⁹" in quote
    assert ":gray[" not in quote  # grey on a quote's muted text falls below 4.5:1 (axe)
    label = t("page.footnotes_open", lang, marks="⁶˒⁹")  # type: ignore[arg-type]
    folded = [e for e in at.expander if e.label == label]
    assert len(folded) == 1
    at.session_state[folded[0].key] = True  # the reader opens the footnotes
    at.run()
    notes = "\n".join(m.value for m in at.markdown)
    for claim in cited.values():
        assert claim.note_in(lang)[:30] in notes.replace("\\", "")  # type: ignore[arg-type]
    assert "rosneft" in notes.casefold() or "ロスネフチ" in notes


@pytest.mark.parametrize(
    ("page", "key"),
    [
        ("sanctions", "sanctions"),
        ("dprk_russia", "dprk_russia"),
        ("ceasefire", "ceasefire"),
        ("overview", "overview"),
    ],
)
def test_date_filter_changes_events_and_url(page: str, key: str) -> None:
    at = open_page(page)
    before = shown_counts(at)
    assert before and before[0] > 0
    at.date_input(key=f"{key}.from").set_value(date(2025, 6, 1)).run()
    after = shown_counts(at)
    assert after[0] < before[0]
    assert at.query_params["from"] == "2025-06-01"
    assert at.slider(key=f"{key}.range").value == (date(2025, 6, 1), date(2025, 12, 31))


def test_url_parameters_round_trip() -> None:
    at = open_page("sanctions", **{"from": "2024-01-01", "to": "2024-12-31", "jur": "EU,US"})
    assert not at.warning, [w.value for w in at.warning]
    assert at.date_input(key="sanctions.from").value == date(2024, 1, 1)
    assert at.button_group(key="sanctions.jur").value == ["EU", "US"]
    shown = shown_counts(at)[0]
    params = {name: at.query_params[name] for name in at.query_params}
    assert params == {"from": "2024-01-01", "to": "2024-12-31", "jur": "EU,US"}
    again = open_page("sanctions", **params)
    assert shown_counts(again)[0] == shown
    assert again.button_group(key="sanctions.jur").value == ["EU", "US"]


def captions_matching(at: AppTest, pattern: str) -> list[str]:
    return [c.value for c in at.caption if re.search(pattern, c.value)]


def test_quick_select_picks_one_category_all_or_none_in_one_choice() -> None:
    at = open_page("sanctions", lang="en")
    every = shown_counts(at)[0]
    codes = at.button_group(key="sanctions.jur").value  # every jurisdiction, by default
    assert len(codes) > 2
    quick = at.selectbox(key="sanctions.jur.quick")
    assert quick.value is None  # a picker, not a state: it holds no choice
    assert "Only “Japan”" in quick.options

    quick.select("JP").run()
    assert at.button_group(key="sanctions.jur").value == ["JP"]
    assert at.query_params["jur"] == "JP"
    only_japan = shown_counts(at)[0]
    assert 0 < only_japan < every
    assert at.selectbox(key="sanctions.jur.quick").value is None  # ready for the next choice

    at.selectbox(key="sanctions.jur.quick").select("__none__").run()
    assert at.button_group(key="sanctions.jur").value == []
    assert shown_counts(at) == [0]  # nothing selected: zero shown, and the empty state
    assert at.info, "the empty result says so"

    at.selectbox(key="sanctions.jur.quick").select("__all__").run()
    assert sorted(at.button_group(key="sanctions.jur").value) == sorted(codes)
    assert shown_counts(at)[0] == every
    assert "jur" not in at.query_params  # all is the default, so the link drops it


def test_overview_default_shows_all_and_a_lane_toggle_keeps_the_total() -> None:
    at = open_page("overview", lang="en")
    (caption,) = captions_matching(at, r"^Showing")
    match = re.fullmatch(r"Showing all (\d+)", caption)
    assert match, caption  # the default view is not filtered and does not look it
    total = int(match.group(1))
    lanes = at.button_group(key="overview.lane")
    lanes.set_value([code for code in lanes.value if code != "ceasefire"]).run()
    (caption,) = captions_matching(at, r"^Showing")
    match = re.fullmatch(r"Showing (\d+) of (\d+)", caption)
    assert match, caption
    assert int(match.group(2)) == total  # same total; fewer shown
    assert 0 < int(match.group(1)) < total


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2025-13-45"},
        {"jur": "EU,Narnia"},
        {"lang": "fr"},
        {"colour": "red"},
        {"from": "2025-12-01", "to": "2024-01-01"},
        {"q": "<script>alert(1)</script>" * 10},
    ],
)
def test_bad_parameter_gives_a_notice_and_a_valid_view(params: dict[str, str]) -> None:
    at = open_page("sanctions", **params)
    assert not at.exception
    assert at.warning, "expected a notice"
    assert "URLの一部のパラメータは使用できない" in at.warning[0].value
    assert shown_counts(at), "the page still shows its timeline"


def test_empty_filter_result_says_so() -> None:
    at = open_page("sanctions", q="zzzz-no-such-measure")
    assert any("該当する項目はありません" in info.value for info in at.info)
    assert not at.get("plotly_chart")


def test_language_switch_changes_the_text() -> None:
    at = open_page("ceasefire")
    assert "停戦交渉の行方" in texts(at)
    at.button_group(key="ui_lang").set_value("en").run()
    body = texts(at)
    assert "Where the ceasefire negotiations stand" in body
    assert "Data as of 31 Dec 2025" in body
    assert "停戦交渉の行方" not in body
    assert at.query_params["lang"] == "en"


def test_language_from_url() -> None:
    at = open_page("war_economy", lang="en")
    assert "What sustains Russia's ability to continue the war" in texts(at)


def test_broken_dataset_shows_error_box_and_other_pages_work(
    data_copy, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.broken import CASES

    path = data_copy / "sanctions_timeline.csv"
    path.write_bytes(CASES[5].make(path.read_bytes()))  # unknown jurisdiction on line 3
    monkeypatch.setattr("dashboard.paths.DATA_DIR", data_copy)
    monkeypatch.setattr("dashboard.datasets.DATA_DIR", data_copy)
    from dashboard.datasets.cached import load

    load.clear()
    try:
        broken = open_page("sanctions")
        assert not broken.exception
        message = broken.error[0].value
        assert "sanctions_timeline.csv" in message
        assert 'sanctions_timeline.csv:3: column "jurisdiction": "Mars"' in message
        fine = open_page("ceasefire")
        assert not fine.exception and not fine.error
        assert fine.get("plotly_chart")
    finally:
        load.clear()


def test_presentation_mode_steps_through_the_briefings_slides() -> None:
    from dashboard.slides import CATALOGUE
    from dashboard.views import SANCTIONS

    at = open_page("sanctions", present="1", lang="en")
    assert not at.exception
    steps = SANCTIONS.steps(False)
    assert at.query_params["present"] == "1"
    for number in range(2, 8):  # title, summary, numbers, the talks, the positions by issue
        at.button(key="present.next").click().run()
        assert not at.exception
        key, _ = steps[number - 1]
        assert at.title[0].value.startswith(CATALOGUE[key].title("en"))
        assert at.query_params["slide"] == str(number)
    assert len(at.get("table")) == 1  # the positions: one issue, the four actors
    at.button(key="present.previous").click().run()
    assert at.query_params["slide"] == "6"
    at.button(key="present.exit").click().run()
    assert "present" not in at.query_params
    assert any(t.value == "Sanctions timeline" for t in at.title)


def test_presentation_survives_a_browser_that_drew_the_hidden_switch_at_its_default() -> None:
    """Under load a browser can draw the sidebar's switch after a second run has replaced the
    first run's element, so it shows (and reports) the default, off, though the link said
    present=1. The reader cannot touch the hidden switch while presenting: that report must
    not end the presentation. Off the presentation, the switch still turns it on and off."""
    at = open_page("ceasefire", present="1", lang="en")
    at.button(key="present.next").click().run()
    assert at.query_params["slide"] == "2"
    at.toggle(key="ceasefire.present").set_value(False).run()  # the stale report
    assert not at.exception
    assert at.query_params["present"] == "1" and at.query_params["slide"] == "2"
    assert at.toggle(key="ceasefire.present").value is True  # the switch is put back
    at.button(key="present.next").click().run()
    assert at.query_params["slide"] == "3"
    at.button(key="present.exit").click().run()
    assert "present" not in at.query_params
    assert at.toggle(key="ceasefire.present").value is False
    at.toggle(key="ceasefire.present").set_value(True).run()  # the reader turns it on
    assert at.query_params["present"] == "1"
    assert at.button(key="present.next").disabled is False
    at.button(key="present.exit").click().run()
    assert "present" not in at.query_params


def test_presentation_shows_a_chart_over_its_own_window_and_the_last_slide_stops() -> None:
    from dashboard.views import CEASEFIRE

    number = CEASEFIRE.steps(False).index(("gdp_growth", 1)) + 1
    at = open_page("ceasefire", present="1", slide=str(number), **{"from": "2025-06-01"})
    assert not at.exception
    assert at.title[0].value == "ロシアの実質GDP成長率"
    assert len(at.get("plotly_chart")) == 1
    captions = "\n".join(c.value for c in at.caption)
    assert "期間：2014年1月1日～2025年12月31日" in captions  # not the page's June start
    assert at.query_params["slide"] == str(number) and at.query_params["from"] == "2025-06-01"
    last = open_page("ceasefire", present="1", slide=str(CEASEFIRE.slide_count(False)))
    assert last.button(key="present.next").disabled


def test_presentation_mode_follows_a_prepared_briefing() -> None:
    at = open_page("overview", present="1", slides="gdp_growth,dprk_lanes", lang="en")
    assert not at.exception
    assert at.title[0].value == "Russia's real GDP growth"
    at.button(key="present.next").click().run()
    assert at.title[0].value.startswith("Russia–DPRK milestones")
    assert at.query_params["slides"] == "gdp_growth,dprk_lanes"
    assert at.button(key="present.next").disabled


def test_rerun_after_a_filter_change_reads_no_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaders are cached once per process: changing a filter must not touch the disk."""
    import builtins
    import io
    import pathlib

    at = open_page("sanctions")
    project = str(PROJECT_DIR)
    reads: list[str] = []
    real_open, real_io_open = builtins.open, io.open

    def spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).startswith(project) and not str(file).endswith(".py"):
            reads.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: reads.append(str(self)) or b"")
    at.date_input(key="sanctions.from").set_value(date(2025, 1, 1)).run()
    monkeypatch.setattr(builtins, "open", real_open)
    monkeypatch.setattr(io, "open", real_io_open)
    assert reads == []
    assert not at.exception
    assert shown_counts(at)[0] > 0


@pytest.mark.parametrize("page", ["sanctions", "war_economy", "overview"])
def test_every_chart_offers_png_svg_and_csv_and_the_page_offers_deck_and_handout(
    page: str,
) -> None:
    raw_csv = "Rows shown — raw data (codes, both languages), CSV"
    shown_csv = "Table as shown (English), CSV"
    at = open_page(page, lang="en")
    closed = [button.proto.label for button in at.get("download_button")]
    assert raw_csv not in closed and shown_csv not in closed  # closed table views build nothing
    for expander in at.expander:
        if expander.key and expander.key.startswith("table."):
            at.session_state[expander.key] = True  # the user opens every table view
    at.run()
    labels = [button.proto.label for button in at.get("download_button")]
    charts = len(at.get("plotly_chart"))
    tables = len(at.table)  # table panels (e.g. officials' statements) have a table view too
    assert charts >= 1
    assert len(at.dataframe) == charts + tables
    assert labels.count("Chart as PNG") == charts
    assert labels.count("Chart as SVG") == charts
    # Each table view: the raw rows and the table as shown, and a line saying which is which.
    assert labels.count(raw_csv) == charts + tables
    assert labels.count(shown_csv) == charts + tables
    notes = [caption.value for caption in at.caption if caption.value.startswith("Raw data:")]
    assert len(notes) == charts + tables
    assert labels.count("Download briefing deck (PPTX)") == 1
    assert labels.count("Download handout (PDF, A4)") == 1


def test_a_table_view_in_japanese_names_its_two_downloads_in_japanese() -> None:
    at = open_page("sanctions")
    for expander in at.expander:
        if expander.key and expander.key.startswith("table."):
            at.session_state[expander.key] = True
    at.run()
    labels = [button.proto.label for button in at.get("download_button")]
    assert "表示中の行（元データ：コード・日英両言語）をCSVで" in labels
    assert "表示中の表（画面のとおり・日本語）をCSVで" in labels
    assert any(caption.value.startswith("元データ：") for caption in at.caption)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_errata_table_shows_each_correction_in_words_and_nothing_else(lang: str) -> None:
    """Where, kind, as received, now reads, why: one row per correction, no ids, no empty row,
    the received Markdown escaped so it shows as written (never as a heading in a cell)."""
    from dashboard.chapter import errata
    from dashboard.i18n import t

    at = open_page("data_sources", lang=lang)
    assert not at.exception
    shown = at.table[0].value
    assert len(shown) == len(errata())
    assert list(shown.columns) == [
        t(f"page.errata_{key}", lang)  # type: ignore[arg-type]
        for key in ("place", "kind", "original", "corrected", "explanation")
    ]
    assert shown.map(lambda cell: bool(str(cell).strip())).all().all()
    received = shown[t("page.errata_original", lang)]  # type: ignore[arg-type]
    assert received.iloc[0].startswith("\\#\\# ")  # "## 第6章 …" shown literally
    assert "chapter.toml" not in shown.to_string()


def test_field_tables_name_columns_as_the_tables_do_in_the_page_language() -> None:
    at = open_page("data_sources")  # Japanese, the default
    at.session_state["fields.sanctions_timeline"] = True  # the reader opens "項目"
    at.run()
    tables = [table.value for table in at.table if "項目（表での名称）" in table.value.columns]
    assert len(tables) == 1  # a static table: every cell is read in full
    shown = tables[0].set_index("CSVの列名")  # each column name as code, as the CSV spells it
    assert shown.loc["`jurisdiction`", "項目（表での名称）"] == "法域"
    assert shown.loc["`title_ja`", "項目（表での名称）"] == "タイトル（日本語）"
    assert "米国（US）" in shown.loc["`jurisdiction`", "値の条件"]
    assert shown.loc["`date`", "型"] == "日付（年\\-月\\-日）"  # Markdown-escaped


def test_data_sources_lists_every_dataset_with_its_sources_and_downloads() -> None:
    from dashboard.datasets import DATASET_IDS, read
    from dashboard.ui.sources import sources_table

    at = open_page("data_sources", lang="en")
    assert not at.exception
    downloads = [button.proto.label for button in at.get("download_button")]
    for dataset_id in DATASET_IDS:  # downloads of the whole CSVs show while tables are closed
        assert any(dataset_id in text for text in downloads), dataset_id
    assert len(at.dataframe) == 1  # the tier summary; the rest wait to be opened
    assert len(at.table) == 1  # the errata, a static table
    for expander in at.expander:
        if expander.key and expander.key.startswith(("fields.", "sources.", "table.")):
            at.session_state[expander.key] = True
    at.run()
    assert len(at.dataframe) == 1 + len(DATASET_IDS) + 2  # sources; publishers and claims
    assert len(at.table) == 1 + len(DATASET_IDS)  # the errata; the fields of each dataset

    rows = read("sanctions_timeline").frame
    table = sources_table(rows, "en")
    first = table[table["First / second source"] == "1"]
    assert first["rows"].sum() == len(rows)
    ids = [row_id for cell in first["id"] for row_id in cell.split(", ")]
    assert sorted(ids) == sorted(rows["id"])
    assert table["rows"].sum() == len(rows) + rows["source_2_url"].notna().sum()
    assert not table.duplicated(subset=["Source", "Title", "Link", "First / second source"]).any()
    assert set(table["Source tier"]) <= {"Official", "News agency", "Press", "Secondary"}
    assert table["Accessed"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_overview_key_figures_show_the_latest_measured_quarter_and_rate() -> None:
    from dashboard import selection
    from dashboard.datasets import REGISTRY, read

    # The overview's key figures are the chapter's (its layer: published by the cut-off).
    gdp = selection.in_layer(REGISTRY["russian_gdp"], read("russian_gdp").frame, False)
    rates = selection.in_layer(REGISTRY["russian_key_rate"], read("russian_key_rate").frame, False)
    measured = gdp[
        (gdp["frequency"] == "quarterly")
        & (gdp["estimator"] == "rosstat")
        & gdp["estimate_type"].isin(["first_estimate", "second_estimate", "revision"])
    ]
    newest = measured.sort_values(["period_start", "published"]).iloc[-1]
    last_rate = rates.sort_values("decision_date").iloc[-1]
    at = open_page("overview", lang="en")
    metrics = {metric.label: metric.value for metric in at.metric}
    quarter = newest["period"].split("Q")
    gdp_label = next(name for name in metrics if f"Q{quarter[1]} {quarter[0]}" in name)
    assert metrics[gdp_label] == f"{newest['real_gdp_growth_pct']:+.1f}%"
    assert newest["estimate_type"] != "forecast"
    assert f"{last_rate['key_rate_pct']:g}%" in metrics.values()
    milestones = selection.in_layer(
        REGISTRY["dprk_russia_milestones"], read("dprk_russia_milestones").frame, False
    )
    latest_year = int(milestones["date"].dt.year.max())
    year_label = next(name for name in metrics if "Russia–DPRK" in name)
    assert str(latest_year) in year_label  # the big number is what the label says
    assert metrics[year_label] == str(int((milestones["date"].dt.year == latest_year).sum()))


def test_japan_view_sets_japan_beside_g7_eu_and_us_and_follows_the_reader() -> None:
    """One switch: the sanctions page keeps Japan's, the G7's, the EU's and the US's measures;
    the overview keeps the Japan and sanctions lanes; the link carries it; other pages keep it."""
    at = open_page("sanctions", japan="1", lang="en")
    assert not at.exception
    assert any("Japan view" in info.value for info in at.info)
    assert at.query_params["japan"] == "1"
    lanes = at.get("plotly_chart")[0]
    import json

    names = {trace["name"] for trace in json.loads(lanes.proto.spec)["data"]}
    assert names == {"EU", "United States", "Japan", "G7 / price-cap coalition"}
    at.switch_page("pages/overview.py").run()
    assert at.toggle(key="overview.japan").value is True  # followed the reader
    timeline = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {trace["name"] for trace in timeline["data"]} == {"Japan", "Sanctions"}
    at.toggle(key="overview.japan").set_value(False).run()
    timeline = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(timeline["data"]) > 2 and "japan" not in at.query_params


def test_claims_show_their_kind_and_each_section_counts_its_backed_claims() -> None:
    at = open_page("war_economy")
    body = texts(at)
    assert "〔事実〕" in body and "〔評価〕" in body and "〔予測〕" in body
    assert "この節の主張" in body and "根拠データあり" in body
    english = open_page("recommendations", lang="en")
    assert "(recommendation)" in texts(english)
    assert "No evidence row (assessment)" in texts(english)  # the unbacked claim says why


def test_recommendations_head_japans_track_only_beside_a_recommendation() -> None:
    """現状 (what Japan does) heads the panels beside a recommendation; the panel beside a
    fact is headed as its evidence, not as something Japan does."""
    at = open_page("recommendations")
    bold = [m.value for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")]
    headings = [
        value for value in bold if value in ("**現状（日本の取り組み）**", "**根拠データ**")
    ]
    proposals = bold.count("**提言**")
    assert headings[0] == "**根拠データ**"  # 提言 1 opens with a fact beside EU listings
    assert headings.count("**現状（日本の取り組み）**") == proposals > 0


def test_the_overview_timeline_lists_its_key_events_across_the_page() -> None:
    """The overview's timeline spans the page: its key-event list uses that width (fewer lines
    than in a column), and still fits it at 1024 px."""
    import json

    from dashboard.charts.common import text_px
    from dashboard.charts.timeline import KEY_LIST_PAGE_PX, KEY_LIST_PX, KEY_LIST_SIZE

    at = open_page("overview")
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    lists = [a["text"] for a in figure["layout"]["annotations"] if a.get("yanchor") == "top"]
    assert len(lists) == 1
    widths = [text_px(line, KEY_LIST_SIZE) for line in lists[0].split("<br>")]
    assert max(widths) <= KEY_LIST_PAGE_PX and max(widths) > KEY_LIST_PX


def test_the_publisher_registry_table_shows_the_registry_the_validator_uses() -> None:
    import pandas as pd

    at = open_page("data_sources")
    at.session_state["table.publishers"] = True
    at.run()
    assert not at.exception
    on_disk = pd.read_csv(DATA_DIR / "publishers.csv", dtype=str, keep_default_na=False)
    tables = [d.value for d in at.dataframe if "ウェブサイトのホスト名" in d.value.columns]
    assert len(tables) == 1 and len(tables[0]) == len(on_disk) > 300
    assert list(tables[0].columns) == [
        "発行者",
        "ウェブサイトのホスト名",
        "出典の区分",
        "出典としての適否",
        "注記",
    ]
    assert set(tables[0]["出典の区分"]) == {"公式", "通信社", "報道機関", "二次資料"}
    assert "出典として使用可（fit）" in set(tables[0]["出典としての適否"])
