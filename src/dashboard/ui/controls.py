"""Filter widgets whose whole state lives in the URL.

On entering a page, the URL's query parameters are parsed (``dashboard.state.parse``) into the
widgets' session state, with a notice for anything unusable; after the widgets are drawn, the
state they hold is written back to the URL, so a copied link reproduces the view.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from dashboard.datasets.core import FIRST_DAY
from dashboard.i18n import Lang, label, t
from dashboard.state import (
    ASOF_LATEST,
    BRIEFING_PARAMS,
    SLIDE_PREFIXES,
    FilterSpec,
    Notice,
    ViewSpec,
    ViewState,
    briefing_query,
    parse,
    to_query,
)
from dashboard.ui import exports, presentation, share, viewport
from dashboard.ui.common import LANG_KEY, ensure_router, language_switch, page_language

PAGE_KEY = "_page"
JAPAN_KEY = "_japan_view"  # the Japan view, kept across pages
FOLLOW_KEY = "_follow_up"  # the follow-up layer (asof=latest), kept across pages
SINCE_KEY = "_since"  # the "new since" day, kept across pages
VIEWS_KEY = "_views"  # each page's last view (its query parameters), kept for the session
PLAN_KEY = "_briefing"  # the briefing's slide list, windows, talking points, footer and date
PLAN_FIELDS = ("deck", "mine", "windows", "talk", "footer", "briefing_date")
#: Parameters a remembered view leaves out: the language and the Japan view are the session's,
#: and presentation mode is entered on purpose, never by coming back to a page.
NOT_REMEMBERED = frozenset({"lang", "present", "slide", "japan", "asof", "since"})


def is_briefing_param(name: str) -> bool:
    return name in BRIEFING_PARAMS or name.startswith(SLIDE_PREFIXES)


QUICK_ALL = "__all__"
QUICK_NONE = "__none__"


def _key(spec: ViewSpec, name: str) -> str:
    return f"{spec.page}.{name}"


def _seed(spec: ViewSpec, state: ViewState) -> None:
    """Put a parsed state into the widgets' session state (before they are drawn)."""
    ss = st.session_state
    ss[_key(spec, "range")] = (state.start, state.end)
    ss[_key(spec, "from")] = state.start
    ss[_key(spec, "to")] = state.end
    ss[_key(spec, "q")] = state.query
    ss[_key(spec, "overlay")] = list(state.overlays)
    ss[_key(spec, "present")] = state.present
    ss[presentation.presenting_key(spec)] = state.present
    ss[_key(spec, "japan")] = state.japan
    ss[JAPAN_KEY] = state.japan
    ss[_key(spec, "asof")] = state.follow_up
    ss[FOLLOW_KEY] = state.follow_up
    ss[_key(spec, "since")] = state.since
    ss[SINCE_KEY] = state.since
    ss[_key(spec, "slide")] = state.slide
    ss[PLAN_KEY] = {name: getattr(state, name) for name in PLAN_FIELDS}
    for filter_spec in spec.filters:
        ss[_key(spec, filter_spec.param)] = list(state.codes(filter_spec.param))


def _entering(spec: ViewSpec) -> bool:
    return (
        st.session_state.get(PAGE_KEY) != spec.page or _key(spec, "range") not in st.session_state
    )


def begin(spec: ViewSpec) -> list[Notice]:
    """Call first on a page: on entry, seed widgets from the URL and return the notices."""
    notices: list[Notice] = []
    if _entering(spec):
        params = {name: st.query_params.get(name, "") for name in st.query_params}
        remembered = st.session_state.get(VIEWS_KEY, {}).get(spec.page)
        if remembered and not set(params) - {"lang"}:
            # Back on a page through the navigation, which drops the query: the reader's
            # last view of it in this session (a link with parameters always wins).
            params = {**remembered, **params}
        # The layer and the "new since" day follow the reader across pages, as the Japan
        # view does; a link that names them wins.
        if "asof" not in params and st.session_state.get(FOLLOW_KEY):
            params["asof"] = ASOF_LATEST
        if "since" not in params and st.session_state.get(SINCE_KEY):
            params["since"] = st.session_state[SINCE_KEY].isoformat()
        plan = st.session_state.get(PLAN_KEY)
        if plan and not any(is_briefing_param(name) for name in params):
            # The briefing being prepared follows the reader too (a link that names it wins).
            params.update(briefing_query(ViewState(lang="ja", start=spec.lo, end=spec.hi, **plan)))
        state, notices = parse(params, spec)
        if "japan" not in params and st.session_state.get(JAPAN_KEY):
            state = state.with_(japan=True)  # the Japan view follows the reader across pages
        _seed(spec, state)
        if "lang" in params and state.lang == params["lang"]:
            st.session_state[LANG_KEY] = state.lang
        st.session_state[PAGE_KEY] = spec.page
        st.session_state[_key(spec, "notices")] = notices
    return st.session_state.get(_key(spec, "notices"), notices)


def _present_switched(spec: ViewSpec) -> None:
    """The sidebar's presentation switch changed. Presentation mode itself is a plain session
    value, not the switch's: while presenting, the sidebar is hidden and nobody can touch the
    switch, so a change reported then comes from a browser that drew the switch before it had
    its value (a rerun that arrived before the first run was drawn). Keep presenting and put
    the switch back; otherwise the switch turns presentation mode on or off."""
    ss = st.session_state
    if ss.get(presentation.presenting_key(spec)):
        ss[_key(spec, "present")] = True
    else:
        ss[presentation.presenting_key(spec)] = bool(ss.get(_key(spec, "present")))


def _range_changed(spec: ViewSpec) -> None:
    start, end = st.session_state[_key(spec, "range")]
    st.session_state[_key(spec, "from")] = start
    st.session_state[_key(spec, "to")] = end


def _dates_changed(spec: ViewSpec) -> None:
    start = st.session_state[_key(spec, "from")] or spec.start
    end = st.session_state[_key(spec, "to")] or spec.end_for(
        bool(st.session_state.get(_key(spec, "asof")))
    )
    if start > end:
        start, end = end, start
        st.session_state[_key(spec, "from")] = start
        st.session_state[_key(spec, "to")] = end
    st.session_state[_key(spec, "range")] = (start, end)


def _japan_changed(spec: ViewSpec) -> None:
    st.session_state[JAPAN_KEY] = bool(st.session_state.get(_key(spec, "japan")))


def _layer_changed(spec: ViewSpec) -> None:
    """The follow-up layer switched: a range that ended at the old layer's end follows it to
    the new one's, and a range beyond the chapter's cut-off comes back inside it."""
    ss = st.session_state
    follow_up = bool(ss.get(_key(spec, "asof")))
    ss[FOLLOW_KEY] = follow_up
    start, end = ss.get(_key(spec, "range"), (spec.start, spec.end_for(not follow_up)))
    hi = spec.upper(follow_up)
    if end == spec.end_for(not follow_up) or end > hi:
        end = spec.end_for(follow_up)
    start = min(start, end)
    ss[_key(spec, "range")] = (start, end)
    ss[_key(spec, "from")] = start
    ss[_key(spec, "to")] = end
    since = ss.get(_key(spec, "since"))
    if isinstance(since, date) and since > spec.since_upper(follow_up):
        ss[_key(spec, "since")] = ss[SINCE_KEY] = spec.since_upper(follow_up)


def _since_changed(spec: ViewSpec) -> None:
    value = st.session_state.get(_key(spec, "since"))
    st.session_state[SINCE_KEY] = value if isinstance(value, date) else None


def _reset(spec: ViewSpec) -> None:
    """Back to the page's defaults, in the layer the reader chose."""
    follow_up = bool(st.session_state.get(FOLLOW_KEY))
    state = parse({"asof": ASOF_LATEST} if follow_up else {}, spec)[0]
    _seed(spec, state.with_(**st.session_state.get(PLAN_KEY, {})))  # the briefing stays


def _quick(spec: ViewSpec, filter_spec: FilterSpec) -> None:
    """All, none or only one category of a filter, chosen in one step; the picker then
    empties again, ready for the next choice."""
    picker = _key(spec, f"{filter_spec.param}.quick")
    choice = st.session_state.get(picker)
    if choice == QUICK_ALL:
        chosen = list(filter_spec.codes)
    elif choice == QUICK_NONE:
        chosen = []
    elif choice in filter_spec.codes:
        chosen = [choice]
    else:
        return
    st.session_state[_key(spec, filter_spec.param)] = chosen
    st.session_state[picker] = None


def _quick_label(filter_spec: FilterSpec, language: Lang) -> Callable[[str], str]:
    def text(choice: str) -> str:
        if choice == QUICK_ALL:
            return t("filter.quick_all", language)
        if choice == QUICK_NONE:
            return t("filter.quick_none", language)
        return t("filter.quick_only", language, name=label(filter_spec.field, choice, language))

    return text


def _labeller(field: str, language: Lang) -> Callable[[str], str]:
    return lambda code: label(field, code, language)


def filters(spec: ViewSpec, language: Lang) -> ViewState:
    """Draw the page's filters in the sidebar and return the resulting view state."""
    ss = st.session_state
    side = st.sidebar
    side.toggle(
        t("present.toggle", language),
        key=_key(spec, "present"),
        help=t("present.toggle_help", language),
        on_change=_present_switched,
        args=(spec,),
    )
    side.toggle(
        t("filter.japan", language),
        key=_key(spec, "japan"),
        help=t("filter.japan_help", language),
        on_change=_japan_changed,
        args=(spec,),
    )
    side.toggle(
        t("layer.toggle", language),
        key=_key(spec, "asof"),
        help=t("layer.toggle_help", language),
        on_change=_layer_changed,
        args=(spec,),
    )
    follow_up = bool(ss.get(_key(spec, "asof")))
    hi = spec.upper(follow_up)
    if spec.lo < spec.hi:
        side.subheader(t("filter.date_range", language))
        side.slider(
            t("filter.date_range", language),
            min_value=spec.lo,
            max_value=hi,
            key=_key(spec, "range"),
            format="YYYY-MM-DD",
            on_change=_range_changed,
            args=(spec,),
            label_visibility="collapsed",
        )
        side.date_input(
            t("filter.from", language),
            min_value=spec.lo,
            max_value=hi,
            key=_key(spec, "from"),
            format="YYYY/MM/DD",
            on_change=_dates_changed,
            args=(spec,),
        )
        side.date_input(
            t("filter.to", language),
            min_value=spec.lo,
            max_value=hi,
            key=_key(spec, "to"),
            format="YYYY/MM/DD",
            on_change=_dates_changed,
            args=(spec,),
        )
    side.date_input(
        t("layer.since", language),
        min_value=FIRST_DAY,
        max_value=spec.since_upper(follow_up),
        key=_key(spec, "since"),
        format="YYYY/MM/DD",
        help=t("layer.since_help", language),
        on_change=_since_changed,
        args=(spec,),
    )
    for filter_spec in spec.filters:
        side.pills(
            filter_spec.title(language),
            options=list(filter_spec.codes),
            format_func=_labeller(filter_spec.field, language),
            selection_mode="multi",
            key=_key(spec, filter_spec.param),
        )
        side.selectbox(
            t("filter.quick", language, name=filter_spec.title(language)),
            options=[QUICK_ALL, QUICK_NONE, *filter_spec.codes],
            index=None,
            format_func=_quick_label(filter_spec, language),
            placeholder=t("filter.quick_placeholder", language),
            key=_key(spec, f"{filter_spec.param}.quick"),
            on_change=_quick,
            args=(spec, filter_spec),
        )
    if spec.overlays:
        side.pills(
            t("filter.overlays", language),
            options=list(spec.overlays),
            format_func=lambda code: label("overlay", code, language),
            selection_mode="multi",
            key=_key(spec, "overlay"),
        )
    if spec.search:
        side.text_input(
            t("filter.search", language),
            key=_key(spec, "q"),
            max_chars=100,
            help=t("filter.search_help", language),
        )
    if spec.filters or spec.search or spec.lo < spec.hi:
        side.button(t("filter.reset", language), on_click=_reset, args=(spec,))

    start, end = ss.get(_key(spec, "range"), (spec.start, spec.end_for(follow_up)))
    since = ss.get(_key(spec, "since"))
    state = ViewState(
        lang=language,
        start=start if isinstance(start, date) else spec.start,
        end=end if isinstance(end, date) else spec.end,
        selected={f.param: tuple(ss.get(_key(spec, f.param)) or ()) for f in spec.filters},
        query=str(ss.get(_key(spec, "q")) or "").strip(),
        overlays=tuple(ss.get(_key(spec, "overlay")) or ()),
        present=bool(ss.get(presentation.presenting_key(spec), False)),
        japan=bool(ss.get(_key(spec, "japan"), False)),
        follow_up=follow_up,
        since=since if isinstance(since, date) else None,
        slide=int(ss.get(_key(spec, "slide"), 1)),
        **ss.get(PLAN_KEY, {}),
    )
    write_url(state, spec)
    return state


def write_url(state: ViewState, spec: ViewSpec) -> None:
    """Mirror the view state into the URL (only when it changed, to avoid needless updates)."""
    wanted = to_query(state, spec)
    views = st.session_state.setdefault(VIEWS_KEY, {})
    views[spec.page] = {
        k: v for k, v in wanted.items() if k not in NOT_REMEMBERED and not is_briefing_param(k)
    }
    current = {name: st.query_params.get(name, "") for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def page_state(spec: ViewSpec) -> tuple[ViewState, list[Notice]]:
    """The usual start of a page: URL -> widgets on entry, language switch, filters.

    Returns the view state and the notices about unusable URL parameters (for the header).
    """
    ensure_router()
    notices = begin(spec)
    language = language_switch()
    page_language(language)
    viewport.watch()
    state = filters(spec, language)
    exports.briefing_downloads(state, spec.page)
    share.share(state, spec)
    if state.present:
        presentation.show(spec, state)
        st.stop()
    return state, notices
