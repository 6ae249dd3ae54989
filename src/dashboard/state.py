"""The view state of a page, and its round trip through the URL's query parameters.

Everything a briefer sees (language, date range, category filters, search text, overlays,
presentation mode and slide) is a :class:`ViewState`. ``parse`` reads it from query parameters and
never raises: every value it cannot use falls back to the page default and yields a
:class:`Notice` for the page to show. ``to_query`` writes the state back, leaving out defaults so
links stay short.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from dashboard.datasets.core import AS_OF, CHECKED, FIRST_DAY
from dashboard.i18n import DEFAULT_LANG, LANGS, Lang

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_SEARCH_LENGTH = 100
MAX_VALUE_LENGTH = 2000
#: Query parameters Streamlit itself uses; they are left alone.
FRAMEWORK_PARAMS = frozenset({"embed", "embed_options"})
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
#: ``asof``: the chapter as of its cut-off (the default), or with the follow-up layer added.
ASOF_CHAPTER = "chapter"
ASOF_LATEST = "latest"
ASOF_VALUES = (ASOF_CHAPTER, ASOF_LATEST)
#: The briefing's own parameters: the slide list, "use my filters", the marking on every slide
#: and the briefing's date; per slide, its window (``w.KEY``) and talking points (``tp.KEY``).
BRIEFING_PARAMS = ("slides", "mine", "footer", "date")
WINDOW_PREFIX = "w."
TALK_PREFIX = "tp."
SLIDE_PREFIXES = (WINDOW_PREFIX, TALK_PREFIX)
MAX_FOOTER_LENGTH = 60
MAX_TALK_LENGTH = 600
LAST_BRIEFING_DAY = date(2100, 12, 31)


@dataclass(frozen=True)
class FilterSpec:
    """A category filter: URL parameter ``param`` selects codes of the column ``field``."""

    param: str
    field: str
    codes: tuple[str, ...]
    label: tuple[str, str] = ("", "")  # (Japanese, English), as the sidebar names the filter

    def title(self, lang: Lang) -> str:
        return self.label[0] if lang == "ja" else self.label[1]


@dataclass(frozen=True)
class ViewSpec:
    """What a page lets the user choose, and its defaults."""

    page: str
    lo: date
    hi: date
    filters: tuple[FilterSpec, ...] = ()
    search: bool = False
    overlays: tuple[str, ...] = ()
    default_overlays: tuple[str, ...] = ()
    #: Every slide key the briefing may hold (``dashboard.slides.CATALOGUE``), the default list
    #: in each layer, the keys shown only with the follow-up layer, and how many steps a slide
    #: takes in presentation mode when it has parts (the positions table's issue groups).
    catalogue: tuple[str, ...] = ()
    deck: tuple[str, ...] = ()
    follow_up_deck: tuple[str, ...] = ()
    follow_up_only: frozenset[str] = frozenset()
    parts: Mapping[str, int] = field(default_factory=dict)
    default_from: date | None = None
    default_to: date | None = None

    @property
    def start(self) -> date:
        return self.default_from or self.lo

    @property
    def end(self) -> date:
        return self.default_to or self.hi

    def upper(self, follow_up: bool) -> date:
        """The latest date the view can reach: the cut-off, or with the follow-up layer the
        day the editors last checked sources (a page without a date range keeps its own)."""
        return max(self.hi, CHECKED) if follow_up and self.lo < self.hi else self.hi

    def end_for(self, follow_up: bool) -> date:
        """The default end of the range: with the follow-up layer, the layer's as-of date."""
        return self.upper(follow_up) if follow_up and not self.default_to else self.end

    def deck_for(self, follow_up: bool, chosen: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The slide keys of a briefing: the chosen ones (else the layer's default list), less
        those that need the follow-up layer when it is off."""
        keys = chosen or (self.follow_up_deck if follow_up else self.deck)
        return tuple(key for key in keys if follow_up or key not in self.follow_up_only)

    def steps(self, follow_up: bool, chosen: tuple[str, ...] = ()) -> tuple[tuple[str, int], ...]:
        """Presentation mode's screens: (slide key, part) for each part of each slide."""
        return tuple(
            (key, part)
            for key in self.deck_for(follow_up, chosen)
            for part in range(1, self.parts.get(key, 1) + 1)
        )

    def slide_count(self, follow_up: bool, chosen: tuple[str, ...] = ()) -> int:
        return max(1, len(self.steps(follow_up, chosen)))

    @staticmethod
    def since_upper(follow_up: bool) -> date:
        """The latest "new since" day: the end of the layer shown."""
        return CHECKED if follow_up else AS_OF

    def params(self) -> frozenset[str]:
        names = {"lang", "present", "slide", "japan", "asof", "since"}
        if self.catalogue:
            names |= set(BRIEFING_PARAMS)
            names |= {f"{prefix}{key}" for key in self.catalogue for prefix in SLIDE_PREFIXES}
        if self.lo < self.hi:
            names |= {"from", "to"}
        if self.search:
            names.add("q")
        if self.overlays:
            names.add("overlay")
        names |= {spec.param for spec in self.filters}
        return frozenset(names)


@dataclass(frozen=True)
class ViewState:
    lang: Lang
    start: date
    end: date
    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    query: str = ""
    overlays: tuple[str, ...] = ()
    present: bool = False
    slide: int = 1
    #: Show rows dated or published after the chapter's cut-off (the follow-up layer,
    #: ``asof=latest``). Off by default: the chapter as of its cut-off.
    follow_up: bool = False
    #: Highlight rows dated after this day ("new since"), in either layer; ``None``: none.
    since: date | None = None
    #: The Japan view: Japan's measures beside the G7's, the EU's and the US's, on every page.
    japan: bool = False
    #: The briefing's slide keys in order (empty: the default list of the layer).
    deck: tuple[str, ...] = ()
    #: Every slide drawn with the dates and filters above, not its own window.
    mine: bool = False
    #: Per slide key, the window the briefer set for it.
    windows: Mapping[str, tuple[date, date]] = field(default_factory=dict)
    #: Per slide key, the briefer's own talking points (lines).
    talk: Mapping[str, str] = field(default_factory=dict)
    #: A marking on every slide and page (e.g. 取扱注意), and the briefing's date.
    footer: str = ""
    briefing_date: date | None = None

    def codes(self, param: str) -> tuple[str, ...]:
        return self.selected.get(param, ())

    def with_(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Notice:
    """A query parameter that could not be used as given. ``reason`` is a strings.toml key."""

    param: str
    value: str
    reason: str
    fallback: str


def default_state(spec: ViewSpec, lang: Lang = DEFAULT_LANG) -> ViewState:
    return ViewState(
        lang=lang,
        start=spec.start,
        end=spec.end,
        selected={f.param: f.codes for f in spec.filters},
        overlays=spec.default_overlays,
    )


def _clean(value: str) -> str:
    """Drop control and format characters; keep letters of every script."""
    return "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")


def _short(value: str) -> str:
    value = _clean(value)
    return value if len(value) <= 40 else value[:37] + "..."


def parse(params: Mapping[str, str], spec: ViewSpec) -> tuple[ViewState, list[Notice]]:
    """Read a page's view state from query parameters; fall back per parameter, with notices."""
    state = default_state(spec)
    notices: list[Notice] = []
    allowed = spec.params()

    def notice(param: str, value: str, reason: str, fallback: str) -> None:
        notices.append(Notice(param, _short(value), reason, fallback))

    values: dict[str, str] = {}
    for raw_name, raw_value in params.items():
        name, value = str(raw_name), str(raw_value)
        if name in FRAMEWORK_PARAMS:
            continue
        if name not in allowed:
            notice(_short(name), value, "notice.unknown_param", "")
            continue
        if len(value) > MAX_VALUE_LENGTH:
            notice(name, value, "notice.too_long", "")
            continue
        values[name] = value

    lang = state.lang
    if "lang" in values:
        if values["lang"] in LANGS:
            lang = values["lang"]  # type: ignore[assignment]
        else:
            notice("lang", values["lang"], "notice.bad_lang", DEFAULT_LANG)

    follow_up = False
    if "asof" in values:
        word = values["asof"].strip().lower()
        if word in ASOF_VALUES:
            follow_up = word == ASOF_LATEST
        else:
            notice("asof", values["asof"], "notice.bad_asof", ASOF_CHAPTER)
    hi = spec.upper(follow_up)

    start, end = state.start, spec.end_for(follow_up)
    if "from" in values:
        start = _date_param("from", values["from"], spec.lo, hi, spec.start, notice)
    if "to" in values:
        end = _date_param("to", values["to"], spec.lo, hi, end, notice)
    if start > end:
        notice("to", f"{values.get('from', '')}…{values.get('to', '')}", "notice.reversed", "")
        start, end = end, start

    selected = dict(state.selected)
    for filter_spec in spec.filters:
        if filter_spec.param not in values:
            continue
        raw = values[filter_spec.param]
        codes = [code.strip() for code in raw.split(",") if code.strip()]
        known = tuple(dict.fromkeys(code for code in codes if code in filter_spec.codes))
        unknown = [code for code in codes if code not in filter_spec.codes]
        if unknown:
            notice(filter_spec.param, ",".join(unknown), "notice.unknown_codes", "")
        if known or not unknown:
            # An empty value is a deliberate "none selected"; only unusable codes fall back.
            selected[filter_spec.param] = known

    query = ""
    if "q" in values:
        query = _clean(values["q"]).strip()
        if len(query) > MAX_SEARCH_LENGTH:
            notice("q", query, "notice.search_cut", str(MAX_SEARCH_LENGTH))
            query = query[:MAX_SEARCH_LENGTH]

    overlays = state.overlays
    if "overlay" in values:
        raw = values["overlay"]
        codes = [code.strip() for code in raw.split(",") if code.strip()]
        unknown = [code for code in codes if code not in spec.overlays]
        if unknown:
            notice("overlay", ",".join(unknown), "notice.unknown_codes", "")
        overlays = tuple(dict.fromkeys(code for code in codes if code in spec.overlays))

    flags = {"present": False, "japan": False}
    for name in flags:
        if name in values:
            word = values[name].strip().lower()
            if word in TRUE_WORDS:
                flags[name] = True
            elif word not in FALSE_WORDS:
                notice(name, values[name], "notice.bad_flag", "0")
    present = flags["present"]

    since = None
    if values.get("since", "").strip():
        # Any day the data cover, in the layer shown (a page without a date range included).
        last = spec.since_upper(follow_up)
        since = _date_param("since", values["since"], FIRST_DAY, last, None, notice)

    briefing = _briefing_params(values, spec, follow_up, notice)
    slide = 1
    if "slide" in values:
        raw = values["slide"].strip()
        count = spec.slide_count(follow_up, briefing["deck"])
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= count:
            slide = int(raw)
        else:
            notice("slide", values["slide"], "notice.bad_slide", "1")

    return (
        ViewState(
            lang=lang,
            start=start,
            end=end,
            selected=selected,
            query=query,
            overlays=overlays,
            present=present,
            slide=slide,
            follow_up=follow_up,
            since=since,
            japan=flags["japan"],
            **briefing,
        ),
        notices,
    )


def _briefing_params(values, spec, follow_up, notice):  # type: ignore[no-untyped-def]
    """The slide list, "use my filters", footer, date, and each slide's window and talking
    points, from the query; anything unusable falls back with a notice."""
    deck: tuple[str, ...] = ()
    if "slides" in values:
        keys = [key.strip() for key in values["slides"].split(",") if key.strip()]
        unknown = [key for key in keys if key not in spec.catalogue]
        if unknown:
            notice("slides", ",".join(unknown), "notice.unknown_codes", "")
        deck = tuple(dict.fromkeys(key for key in keys if key in spec.catalogue))
        needs_layer = [key for key in deck if key in spec.follow_up_only and not follow_up]
        if needs_layer:
            notice("slides", ",".join(needs_layer), "notice.slide_needs_layer", "")
        if not spec.deck_for(follow_up, deck):
            notice("slides", values["slides"], "notice.no_slides", "")
            deck = ()
    mine = False
    if "mine" in values:
        word = values["mine"].strip().lower()
        if word in TRUE_WORDS:
            mine = True
        elif word not in FALSE_WORDS:
            notice("mine", values["mine"], "notice.bad_flag", "0")
    footer = _clean(values.get("footer", "")).strip()
    if len(footer) > MAX_FOOTER_LENGTH:
        notice("footer", footer, "notice.text_cut", str(MAX_FOOTER_LENGTH))
        footer = footer[:MAX_FOOTER_LENGTH]
    briefing_date = None
    if values.get("date", "").strip():
        briefing_date = _date_param(
            "date", values["date"], FIRST_DAY, LAST_BRIEFING_DAY, None, notice
        )
    windows: dict[str, tuple[date, date]] = {}
    talk: dict[str, str] = {}
    hi = spec.since_upper(follow_up)  # a window may reach the end of the layer shown
    for key in spec.catalogue:
        raw = values.get(f"{WINDOW_PREFIX}{key}", "").strip()
        if raw:
            window = _window(f"{WINDOW_PREFIX}{key}", raw, hi, notice)
            if window:
                windows[key] = window
        text = values.get(f"{TALK_PREFIX}{key}", "")
        text = "\n".join(_clean(line).strip() for line in text.splitlines()).strip()
        if len(text) > MAX_TALK_LENGTH:
            notice(f"{TALK_PREFIX}{key}", text, "notice.text_cut", str(MAX_TALK_LENGTH))
            text = text[:MAX_TALK_LENGTH]
        if text:
            talk[key] = text
    return {
        "deck": deck,
        "mine": mine,
        "windows": windows,
        "talk": talk,
        "footer": footer,
        "briefing_date": briefing_date,
    }


def _window(name: str, raw: str, hi: date, notice):  # type: ignore[no-untyped-def]
    """``YYYY-MM-DD..YYYY-MM-DD`` inside the data's range (clamped), or None with a notice."""
    first, sep, last = raw.partition("..")
    if not sep:
        notice(name, raw, "notice.bad_window", "")
        return None
    start = _date_param(name, first, FIRST_DAY, hi, None, notice)
    end = _date_param(name, last, FIRST_DAY, hi, None, notice)
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def _date_param(name: str, raw: str, lo: date, hi: date, fallback, notice):  # type: ignore[no-untyped-def]
    """A YYYY-MM-DD parameter inside ``lo``..``hi`` (clamped, with a notice); else ``fallback``."""
    text = raw.strip()
    try:  # strictly YYYY-MM-DD: fromisoformat alone would also take week dates like 2025-W01-1
        value = date.fromisoformat(text) if ISO_DAY.fullmatch(text) else None
    except ValueError:
        value = None
    if value is None:
        notice(name, raw, "notice.bad_date", fallback.isoformat() if fallback else "—")
        return fallback
    if value < lo:
        notice(name, raw, "notice.date_clamped", lo.isoformat())
        return lo
    if value > hi:
        notice(name, raw, "notice.date_clamped", hi.isoformat())
        return hi
    return value


def to_query(state: ViewState, spec: ViewSpec) -> dict[str, str]:
    """The query parameters that reproduce ``state``; defaults are left out."""
    query: dict[str, str] = {}
    if state.lang != DEFAULT_LANG:
        query["lang"] = state.lang
    if state.follow_up:
        query["asof"] = ASOF_LATEST
    if state.start != spec.start:
        query["from"] = state.start.isoformat()
    if state.end != spec.end_for(state.follow_up):
        query["to"] = state.end.isoformat()
    if state.since:
        query["since"] = state.since.isoformat()
    for filter_spec in spec.filters:
        codes = state.codes(filter_spec.param)
        if set(codes) != set(filter_spec.codes):
            query[filter_spec.param] = ",".join(c for c in filter_spec.codes if c in codes)
    if state.query:
        query["q"] = state.query
    if spec.overlays and tuple(state.overlays) != tuple(spec.default_overlays):
        query["overlay"] = ",".join(c for c in spec.overlays if c in state.overlays)
    if state.japan:
        query["japan"] = "1"
    if spec.catalogue:
        query.update(briefing_query(state))
    if state.present:
        query["present"] = "1"
        if state.slide != 1:
            query["slide"] = str(state.slide)
    return query


def briefing_query(state: ViewState) -> dict[str, str]:
    """The briefing's own parameters of ``state`` (defaults left out)."""
    query: dict[str, str] = {}
    if state.deck:
        query["slides"] = ",".join(state.deck)
    if state.mine:
        query["mine"] = "1"
    if state.footer:
        query["footer"] = state.footer
    if state.briefing_date:
        query["date"] = state.briefing_date.isoformat()
    for key, (start, end) in state.windows.items():
        query[f"{WINDOW_PREFIX}{key}"] = f"{start.isoformat()}..{end.isoformat()}"
    for key, text in state.talk.items():
        query[f"{TALK_PREFIX}{key}"] = text
    return query
