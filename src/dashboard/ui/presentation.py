"""Presentation mode: the briefing's slides one per screen, sized to the projector, no chrome.

Reached with the sidebar switch or ``?present=1&slide=N`` on any page; the page's language and
layer carry over, and the slide list is the deck's (``slides=``; the default list otherwise).
Each chart is drawn over its slide's own window unless the briefing says "use my filters".

- Fits 1280×720 and 1024×768 with no scrolling: the chart's height comes from the browser
  window's (reported by a small script), type is sized from the window's height, and the
  positions table shows one issue per screen.
- ArrowRight / PageDown / Space step forward, ArrowLeft / PageUp / Shift+Space back (what a
  presentation clicker sends); the buttons do the same.
- The URL follows the slide shown at every step, so a link copied mid-presentation opens it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.components.v2 import component

from dashboard import claims, geo, slides
from dashboard.briefing import describe_filters
from dashboard.briefing.content import key_numbers, layer_line, position_cell
from dashboard.briefing.deck import WIDE_CHARTS
from dashboard.chapter import author_name, chapter
from dashboard.datasets.ceasefire_positions import ACTORS, ISSUE_GROUPS
from dashboard.i18n import Lang, format_date, label, t
from dashboard.notes import of as notes_of
from dashboard.state import ViewSpec, ViewState
from dashboard.ui.common import as_code, dataset, md_escape, source_line

#: The issues in the order presentation mode shows them, one per screen.
ISSUE_ORDER = tuple(issue for _, _, _, issues in ISSUE_GROUPS for issue in issues)
#: The window height assumed until the browser has reported its own (a 720-line projector).
DEFAULT_HEIGHT = 720
#: What the screen holds besides the chart: caption, title, source line, controls, padding.
CHROME_PX = 285
MIN_CHART_PX = 300
TICK_PX = 18  # legends and tick labels, at least

#: Constant stylesheet (no data or parameters in it): hide the sidebar, header and toolbar, use
#: the full width, and size type from the window's height for the back of a room.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 0.6rem 2.2rem 0.4rem !important;
}
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] td,
[data-testid="stMain"] th {
  font-size: max(18px, 2.75vh) !important; line-height: 1.4;
}
[data-testid="stMain"] [data-testid="stCaptionContainer"] p {
  font-size: max(15px, 2.1vh) !important;
}
[data-testid="stMain"] h1 { font-size: max(26px, 4.4vh) !important; padding: 0.2rem 0 0.4rem; }
[data-testid="stMain"] h2 { font-size: max(22px, 3.4vh) !important; padding: 0.2rem 0; }
[data-testid="stMain"] [data-testid="stMetricValue"] { font-size: max(30px, 6vh) !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.45rem; }
[data-testid="stTable"] table { table-layout: fixed; width: 100%; }
[data-testid="stTable"] th, [data-testid="stTable"] td, [data-testid="stTable"] td *,
[data-testid="stTable"] th * { padding: 0.15rem 0.4rem !important; vertical-align: top;
  line-height: 1.3 !important; font-size: max(18px, 2.35vh) !important;
  white-space: normal !important; }
</style>
"""

KEYS_JS = """
export default function(component) {
  const { setStateValue, setTriggerValue } = component;
  let gone = false;
  const report = () => { if (!gone) setStateValue("height", window.innerHeight); };
  // The first report waits until the browser has drawn the run that mounted this script
  // (the app no longer says it is running, then one frame): a rerun asked for before the
  // hidden sidebar's widgets are in place makes Streamlit draw them at their defaults.
  let tries = 0;
  const whenDrawn = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute("data-test-script-state");
    if (state && state !== "notRunning" && tries++ < 100) { setTimeout(whenDrawn, 50); return; }
    requestAnimationFrame(() => setTimeout(report, 50));
  };
  whenDrawn();
  const typing = (target) =>
    target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
      || target.getAttribute("role") === "slider");
  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (typing(event.target)) return;
    // A focused button takes Space and Enter itself: that is a click, not a second step.
    const button = event.target && event.target.tagName === "BUTTON";
    if (button && (event.key === " " || event.key === "Enter")) return;
    let step = 0;
    if (event.key === "ArrowRight" || event.key === "PageDown") step = 1;
    else if (event.key === "ArrowLeft" || event.key === "PageUp") step = -1;
    else if (event.key === " " || event.key === "Spacebar") step = event.shiftKey ? -1 : 1;
    if (!step) return;
    event.preventDefault();
    setTriggerValue("step", step);
  };
  window.addEventListener("keydown", onKey);
  window.addEventListener("resize", report);
  return () => {
    gone = true;
    window.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", report);
  };
}
"""
_keys = component("dashboard.presentation_keys", js=KEYS_JS)


def _key(spec: ViewSpec) -> str:
    return f"{spec.page}.slide"


def _step(spec: ViewSpec, delta: int, total: int) -> None:
    current = int(st.session_state.get(_key(spec), 1))
    st.session_state[_key(spec)] = min(max(current + delta, 1), total)


def _stepped(spec: ViewSpec, total: int) -> None:
    """A key was pressed: the component's trigger says which way."""
    result = st.session_state.get("present.keys")
    step = getattr(result, "step", None) if result is not None else None
    if step in (1, -1):
        _step(spec, int(step), total)


def presenting_key(spec: ViewSpec) -> str:
    """Where the session keeps whether ``spec``'s page is presenting (not in a widget: the
    sidebar's switch only turns it on and off, see ``controls._present_switched``)."""
    return f"{spec.page}.presenting"


def start(spec: ViewSpec) -> None:
    """Present ``spec``'s page from its first slide (a callback: before the switch is drawn)."""
    st.session_state[presenting_key(spec)] = True
    st.session_state[f"{spec.page}.present"] = True
    st.session_state[_key(spec)] = 1


def _exit(spec: ViewSpec) -> None:
    st.session_state[presenting_key(spec)] = False
    st.session_state[f"{spec.page}.present"] = False


def _filters_text(state: ViewState) -> str:
    """The filters in words for the caption; the search text (from the URL) as a code span."""
    lines = list(describe_filters(state.with_(query=""), state.lang))
    if state.follow_up:  # which layer the slide holds, before the filters
        lines.insert(0, t("briefing.layer_latest_short", state.lang))
    if state.query and state.mine:
        lines = [line for line in lines if line != t("briefing.no_category_filters", state.lang)]
        lines.append(t("briefing.search", state.lang, query=as_code(state.query)))
    return "; ".join(lines)


def chart_height(window_height: int | None) -> int:
    """The chart's height for a browser window ``window_height`` px tall."""
    return max(MIN_CHART_PX, int(window_height or DEFAULT_HEIGHT) - CHROME_PX)


def show(spec: ViewSpec, state: ViewState) -> None:
    """Draw the current slide full screen, with the controls below it."""
    language = state.lang
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
    steps = spec.steps(state.follow_up, state.deck)
    total = len(steps)
    number = min(max(state.slide, 1), total)
    result = _keys(
        key="present.keys",
        on_step_change=lambda: _stepped(spec, total),
        on_height_change=lambda: None,
    )
    height = getattr(result, "height", None)
    key, part = steps[number - 1]
    slide = slides.CATALOGUE[key]
    _caption(state, number, total)
    if slide.kind == "title":
        _title_slide(state)
    elif slide.kind == "summary":
        _summary_slide(slide, language)
    elif slide.kind == "numbers":
        _numbers_slide(state)
    elif slide.kind in ("chart", "table"):
        _chart_slide(slide, state, chart_height(height))
    elif slide.kind == "positions":
        _positions_slide(slide, state, part)
    elif slide.kind == "text":
        st.title(slide.title(language))
        words = notes_of(key, language).slide
        bullets = [line.text for line in words] or list(slide.points(language))
        st.markdown("\n".join(f"- {md_escape(point)}" for point in bullets))
    elif slide.kind == "forecasts":
        _forecasts_slide(state)
    elif slide.kind == "sources":
        _sources_slide(state)
    _controls(spec, number, total, language)


def _caption(state: ViewState, number: int, total: int) -> None:
    """The chapter, the slide's place and the filters, above every slide."""
    language = state.lang
    info = chapter()
    st.caption(
        f"{info.label[language]} · "
        + t("present.position", language, n=number, total=total)
        + " · "
        + t("present.filters", language, filters=_filters_text(state))
    )


def _title_slide(state: ViewState) -> None:
    language = state.lang
    info = chapter()
    st.caption(t("app.title", language))
    st.title(info.title[language])
    st.markdown(
        md_escape(
            t(
                "briefing.byline",
                language,
                label=info.label[language],
                author=author_name(language),
                affiliation=info.affiliation[language],
            )
        )
    )
    st.markdown(md_escape(layer_line(state, language)))
    if state.briefing_date:
        date = format_date(state.briefing_date, language)
        st.markdown("**" + md_escape(t("briefing.date", language, date=date)) + "**")
    if state.footer:
        st.markdown("**" + md_escape(state.footer) + "**")


def _summary_slide(slide: slides.SlideSpec, language: Lang) -> None:
    st.title(slide.title(language))
    words = notes_of("summary", language)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(t("briefing.judgements", language))
        st.markdown("\n".join(f"- {md_escape(line.text)}" for line in words.judgements))
    with right:
        st.subheader(t("briefing.japan", language))
        st.markdown("\n".join(f"- {md_escape(line.text)}" for line in words.japan))
    st.caption(t("briefing.summary_note", language))


def _numbers_slide(state: ViewState) -> None:
    from dashboard.datasets import REGISTRY

    language = state.lang
    st.title(slides.CATALOGUE["numbers"].title(language))
    frames = {name: dataset(name, language) for name in REGISTRY}
    loaded = {name: frame for name, frame in frames.items() if frame is not None}
    metrics = key_numbers(loaded, state, language)  # the deck's own key numbers
    columns = st.columns(max(1, len(metrics)))
    for column, metric in zip(columns, metrics, strict=False):
        column.metric(metric.label, metric.value)
        column.caption(metric.note)
    note = "briefing.numbers_note_latest" if state.follow_up else "briefing.numbers_note"
    st.caption(t(note, language))


def _chart_slide(slide: slides.SlideSpec, state: ViewState, height: int) -> None:
    language = state.lang
    st.title(slide.title(language))
    start, end = slide.window(state)
    frames = {name: dataset(name, language) for name in slide.datasets}
    if any(frame is None for frame in frames.values()):
        return  # the dataset's own message has been shown
    rows = slide.select(frames, state)  # type: ignore[arg-type]
    words = [line.text for line in notes_of(slide.key, language).slide] or list(
        slide.points(language)
    )
    if sum(len(frame) for frame in rows.values()) == 0:
        st.info(t("present.no_rows", language), icon=":material/search_off:")
        return
    figure = slide.figure(rows, state, language)
    wide = slide.key in WIDE_CHARTS  # several panels: across the screen, the words below
    if geo.is_map(figure):
        height -= 45  # a map draws on two datasets: a second source line below it
    if wide:
        chart_column = points_column = st.container()
        height -= 40
    else:
        chart_column, points_column = st.columns([3, 2], gap="large")
    with chart_column:
        if slide.kind == "table":
            st.dataframe(figure, hide_index=True, height=height)
        else:
            figure.update_layout(height=height, title=None, font_size=TICK_PX)
            figure.update_layout(legend_font_size=TICK_PX)
            figure.update_xaxes(tickfont_size=TICK_PX)
            figure.update_yaxes(tickfont_size=TICK_PX)
            st.plotly_chart(
                figure,
                width="stretch",
                key=f"present.{slide.key}",
                theme=None,
                alt=slide.alt(rows, language),
                config=geo.plotly_config({"displaylogo": False, "displayModeBar": False}),
            )
        for frame in rows.values():
            source_line(frame, language, follow_up=state.follow_up)
    window = t(
        "briefing.window",
        language,
        start=format_date(start, language),
        end=format_date(end, language),
    )
    if not slide.figure_spec.dataset.filter_by_date:
        window = ""  # standing positions: no window to state
    with points_column:
        if wide:
            st.caption("　".join(filter(None, [window, " / ".join(map(md_escape, words))])))
        elif window:
            st.caption(window)
            st.markdown("\n".join(f"- {md_escape(point)}" for point in words))


def _positions_slide(slide: slides.SlideSpec, state: ViewState, part: int) -> None:
    """One issue per screen: the four actors' positions, each with its source."""
    language = state.lang
    issue = ISSUE_ORDER[min(max(part, 1), len(ISSUE_ORDER)) - 1]
    st.title(
        f"{slide.title(language)}：{label('issue', issue, language)}"
        if language == "ja"
        else f"{slide.title(language)}: {label('issue', issue, language)}"
    )
    frame = dataset("ceasefire_positions", language)
    if frame is None:
        return
    by_actor = {str(row.actor): row for row in frame[frame["issue"] == issue].itertuples()}
    missing = t("table.not_stated", language)
    cells = [
        position_cell(by_actor[actor], language) if actor in by_actor else missing
        for actor in ACTORS
    ]
    table = pd.DataFrame([cells], columns=[label("actor", a, language) for a in ACTORS])
    st.table(table.style.hide(axis="index"))  # the issue is the slide's title
    st.caption(t("briefing.positions_note", language))


def _forecasts_slide(state: ViewState) -> None:
    """Every forecast, its status and when it was judged, in large type."""
    language = state.lang
    st.title(t("forecast.heading", language))
    st.caption(t("forecast.caption", language))
    lines = []
    for claim in claims.forecasts():
        when = format_date(claim.status_as_of, language)
        judged = f"（{when}）" if language == "ja" else f" ({when})"
        lines.append(
            f"- **{claim.status_text(language)}**{judged} {md_escape(claim.text(language))}"
        )
    st.markdown("\n".join(lines))


def _sources_slide(state: ViewState) -> None:
    language = state.lang
    st.title(t("briefing.sources_title", language))
    st.markdown(md_escape(t("present.sources_where", language)))


def _controls(spec: ViewSpec, number: int, total: int, language: Lang) -> None:
    back, forward, leave = st.columns([1, 1, 1])
    back.button(
        t("present.previous", language),
        on_click=_step,
        args=(spec, -1, total),
        disabled=number == 1,
        icon=":material/arrow_back:",
        width="stretch",
        key="present.previous",
    )
    forward.button(
        t("present.next", language),
        on_click=_step,
        args=(spec, 1, total),
        disabled=number == total,
        icon=":material/arrow_forward:",
        width="stretch",
        key="present.next",
    )
    leave.button(
        t("present.exit", language),
        on_click=_exit,
        args=(spec,),
        icon=":material/close:",
        width="stretch",
        key="present.exit",
    )
