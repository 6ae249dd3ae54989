"""Presentation mode: the briefing sections one per screen, large type, no app chrome.

Reached with the sidebar switch or ``?present=1&slide=N`` on any page; the page's dates,
filters and language carry over. Previous / next step through ``dashboard.slides.SECTIONS``.
"""

from __future__ import annotations

import streamlit as st

from dashboard import claims, slides
from dashboard.briefing import describe_filters
from dashboard.chapter import chapter
from dashboard.i18n import Lang, format_date, t
from dashboard.state import ViewSpec, ViewState
from dashboard.ui.common import as_code, dataset, md_escape, panel, source_line

#: Constant stylesheet (no data or parameters in it): hide the sidebar, header and toolbar, use
#: the full width, and enlarge type for the back of a room.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 1.2rem 3rem 1rem !important;
}
[data-testid="stMain"] p, [data-testid="stMain"] li {
  font-size: 1.55rem !important; line-height: 1.45;
}
[data-testid="stMain"] h1 { font-size: 2.6rem !important; }
</style>
"""


def _step(spec: ViewSpec, delta: int, total: int) -> None:
    key = f"{spec.page}.slide"
    current = int(st.session_state.get(key, 1))
    st.session_state[key] = min(max(current + delta, 1), total)


def _exit(spec: ViewSpec) -> None:
    st.session_state[f"{spec.page}.present"] = False


def _filters_text(state: ViewState) -> str:
    """The filters in words for the caption; the search text (from the URL) as a code span."""
    lines = list(describe_filters(state.with_(query=""), state.lang))
    if state.follow_up:  # which layer the slide holds, before the filters
        lines.insert(0, t("briefing.layer_latest_short", state.lang))
    if state.query:
        lines = [line for line in lines if line != t("briefing.no_category_filters", state.lang)]
        lines.append(t("briefing.search", state.lang, query=as_code(state.query)))
    return "; ".join(lines)


def show(spec: ViewSpec, state: ViewState) -> None:
    """Draw the current section full screen, with its chart, key points and controls."""
    language = state.lang
    st.markdown(PRESENTATION_CSS, unsafe_allow_html=True)
    total = spec.slide_count(state.follow_up)
    number = min(max(state.slide, 1), total)
    if number > len(slides.SECTIONS):  # the follow-up layer's slide: the forecasts checked
        _forecasts_slide(state, number, total)
        _controls(spec, number, total, language)
        return
    section = slides.SECTIONS[number - 1]
    _caption(state, number, total)
    st.title(section.title(language))
    chart_column, points_column = st.columns([3, 2], gap="large")
    with chart_column, panel(language):
        frames = {name: dataset(name, language) for name in section.datasets}
        if all(frame is not None for frame in frames.values()):
            rows = section.select(frames, state)  # type: ignore[arg-type]
            if sum(len(frame) for frame in rows.values()) == 0:
                st.info(t("present.no_rows", language), icon=":material/search_off:")
            else:
                figure = section.figure(rows, state, language)
                figure.update_layout(height=600, title=None, font_size=20)
                figure.update_xaxes(tickfont_size=18)
                figure.update_yaxes(tickfont_size=18)
                st.plotly_chart(
                    figure,
                    width="stretch",
                    key=f"present.{section.key}",
                    theme=None,
                    alt=section.alt(rows, language),
                )
                for frame in rows.values():
                    source_line(frame, language, follow_up=state.follow_up)
    with points_column:
        st.subheader(t("present.points", language))
        st.markdown("\n".join(f"- {point}" for point in section.points(language)))
    _controls(spec, number, total, language)


def _caption(state: ViewState, number: int, total: int) -> None:
    """The chapter, the slide's place and the filters, above every slide."""
    language = state.lang
    info = chapter()
    st.caption(
        f"{info.label[language]} · {info.title[language]} · "
        + t("present.position", language, n=number, total=total)
        + " · "
        + t("present.filters", language, filters=_filters_text(state))
    )


def _forecasts_slide(state: ViewState, number: int, total: int) -> None:
    """Every forecast, its status and when it was judged, in large type."""
    language = state.lang
    _caption(state, number, total)
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
