"""Streamlit building blocks every page shares: language, header, error boxes, source lines."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from dashboard.chapter import chapter
from dashboard.datasets.cached import follow_up_reach, load
from dashboard.datasets.core import CHECKED, LoadResult
from dashboard.evidence import Evidence
from dashboard.i18n import DEFAULT_LANG, LANGS, Lang, format_date, label, t
from dashboard.state import Notice, ViewState

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: str) -> str:
    """Text from data or the URL shown inside Markdown: every Markdown character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def as_code(text: str) -> str:
    """Untrusted text as an inline code span (literal, never linked or formatted)."""
    return "`" + (text.replace("`", "'") or " ") + "`"


LANG_KEY = "lang_choice"  # the session's language (plain state)
SWITCH_KEY = "ui_lang"  # the sidebar switch widget, kept in step with LANG_KEY


def ensure_router() -> None:
    """Make sure the router (app.py) is in charge, even for a deep link.

    Streamlit treats a ``pages/`` folder as a legacy multipage app until ``st.navigation`` has
    run once in the process. So when a fresh server's first visitor opens a shared link such as
    ``/sanctions?from=…``, the page file runs on its own, without the router, and the process
    stays in legacy mode. Switch the process to ``st.navigation`` and rerun: the router runs,
    and the same page opens with the same query parameters.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def lang() -> Lang:
    """The session's language: the switch's value, else ``?lang=`` from the URL, else Japanese."""
    value = st.session_state.get(LANG_KEY)
    if value not in LANGS:
        wanted = st.query_params.get("lang", DEFAULT_LANG)
        value = wanted if wanted in LANGS else DEFAULT_LANG
        st.session_state[LANG_KEY] = value
    return value  # type: ignore[return-value]


#: Constant stylesheet (no data in it): the date inputs' day, month and year fields are
#: targets of at least 24 × 24 px (WCAG 2.2 target size); the menu's links, page links and
#: date fields show a focus ring, which Streamlit leaves out (WCAG 2.4.7); on a screen narrower than
#: 1100 px (a 1024 px projector or laptop), a claim's text and its evidence stack instead of
#: squeezing the charts into a third of the page.
ACCESSIBLE_CSS = """
<style>
[data-testid="stDateInput"] [role="spinbutton"] {
  display: inline-block; min-width: 24px; min-height: 24px; line-height: 24px;
  text-align: center;
}
[data-testid="stSidebarNavLink"]:focus-visible,
[data-testid="stPageLink"] a:focus-visible,
[data-testid="stDateInput"] [role="spinbutton"]:focus-visible {
  outline: 3px solid #005A8C; outline-offset: 1px;
}
@media (max-width: 1100px) {
  [class*="st-key-segment_"] > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] {
    flex-wrap: wrap;
  }
  [class*="st-key-segment_"] > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]
    > [data-testid="stColumn"] {
    flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important;
  }
}
@media (max-width: 640px) { [class*="st-key-wide_table_"] { display: none !important; } }
@media (min-width: 641px) { [class*="st-key-cards_"] { display: none !important; } }
</style>
"""


#: Constant scripts (no data in them) that declare the page's language on <html lang>.
LANG_SCRIPT_JA = "<script>document.documentElement.lang = 'ja';</script>"
LANG_SCRIPT_EN = "<script>document.documentElement.lang = 'en';</script>"


#: Constant script: Enter in a date field applies the typed date, as leaving the field does.
#: Streamlit's date input commits a typed date only when focus leaves it after a press outside
#: (a bare blur() is ignored), so Enter does what a click beside the field does (a pointerdown
#: outside, then the blur) and puts the focus back where it was. Installed once per browser
#: tab; the listener survives reruns.
DATE_ENTER_SCRIPT = """<script>
if (!window.__dateEnter) {
  window.__dateEnter = true;
  document.addEventListener("keydown", (event) => {
    const segment = event.target;
    if (event.key !== "Enter" || !segment.closest) { return; }
    if (!segment.closest('[data-testid="stDateInput"]')) { return; }
    event.preventDefault();
    document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    segment.blur();
    setTimeout(() => segment.isConnected && segment.focus(), 0);
  }, true);
}
</script>"""


def page_language(language: Lang) -> None:
    """Declare the page's language on <html lang> (screen readers and JIS X 8341-3 /
    WCAG 3.1.1 need it; Streamlit's page says "en" whatever it shows). Only the two
    constant scripts above reach the page: ``language`` chooses between them."""
    st.sidebar.html(
        LANG_SCRIPT_EN if language == "en" else LANG_SCRIPT_JA, unsafe_allow_javascript=True
    )
    st.sidebar.html(ACCESSIBLE_CSS)
    st.sidebar.html(DATE_ENTER_SCRIPT, unsafe_allow_javascript=True)


def _switched() -> None:
    chosen = st.session_state.get(SWITCH_KEY)
    if chosen in LANGS:
        st.session_state[LANG_KEY] = chosen


def language_switch() -> Lang:
    """The sidebar switch; every page draws it, so the choice persists across pages."""
    current = lang()
    if st.session_state.get(SWITCH_KEY) != current:
        st.session_state[SWITCH_KEY] = current  # before the widget exists in this run
    st.sidebar.segmented_control(
        t("app.language", current),
        options=list(LANGS),
        format_func=lambda code: {"ja": "日本語", "en": "English"}[code],
        key=SWITCH_KEY,
        on_change=_switched,
        selection_mode="single",
        required=True,
        width="stretch",
    )
    return current


def as_of(language: Lang) -> str:
    return t("app.as_of", language, date=format_date(chapter().cutoff, language))


def header(title: str, state: ViewState, notices: list[Notice] | None = None) -> None:
    st.title(title)
    if state.follow_up:
        st.caption(
            t(
                "app.as_of_latest",
                state.lang,
                date=format_date(chapter().cutoff, state.lang),
                checked=format_date(CHECKED, state.lang),
            )
        )
    else:
        st.caption(as_of(state.lang))
    layer_notice(state)
    japan_notice(state.lang, state.japan)
    show_notices(notices or [], state.lang)


def layer_notice(state: ViewState) -> None:
    """On every page, which layer is shown: the chapter as of its cut-off (a quiet line saying
    how to add the rest), or the follow-up layer, in a box that says it is not the chapter's."""
    if not state.follow_up:
        st.caption(t("layer.chapter_view", state.lang))
        return
    reach = follow_up_reach()
    st.info(
        t(
            "layer.banner",
            state.lang,
            latest=format_date(reach, state.lang) if reach else "—",
            checked=format_date(CHECKED, state.lang),
        ),
        icon=":material/update:",
    )


def japan_notice(language: Lang, on: bool) -> None:
    """Says that the Japan view is on (it changes what every page shows)."""
    if on:
        st.info(t("filter.japan_on", language), icon=":material/flag:")


def show_notices(notices: list[Notice], language: Lang) -> None:
    if not notices:
        return
    lines = [t("notice.heading", language)]
    for notice in notices:
        # Names and values come from the URL: shown as code spans, so neither Markdown nor a
        # bare web address in a link becomes formatting or a clickable link.
        lines.append(
            "- "
            + t(
                notice.reason,
                language,
                param=as_code(notice.param),
                value=as_code(notice.value),
                fallback=as_code(notice.fallback),
            )
        )
    st.warning("\n".join(lines), icon=":material/warning:")


def dataset(dataset_id: str, language: Lang) -> pd.DataFrame | None:
    """The dataset's frame, or an error box naming file, line and column (and ``None``)."""
    result = load(dataset_id)
    if result.ok and result.frame is not None:
        return result.frame
    problems_box(result, language)
    return None


def problems_box(result: LoadResult, language: Lang) -> None:
    """An error box naming the file and each problem's line and column, and how to go on."""
    shown = result.problems[:25]
    lines = [t("app.error_box", language, path=result.path, count=len(result.problems))]
    lines += [f"- `{problem}`" for problem in shown]
    if len(result.problems) > len(shown):
        lines.append(f"- … (+{len(result.problems) - len(shown)})")
    lines.append(t("app.error_fix", language))
    st.error("\n".join(lines), icon=":material/error:")


def source_line(
    rows: pd.DataFrame, language: Lang, *, limit: int = 5, follow_up: bool = False
) -> None:
    """Under every chart: the publishers of the rows shown, and the as-of date (with the
    follow-up layer, the chapter's and the day its sources were checked)."""
    if rows is None or rows.empty:
        return
    counts = rows["source_publisher"].astype(str).value_counts()
    names = [md_escape(name) for name in counts.index[:limit]]  # publishers are data
    extra = len(counts) - len(names)
    text = ", ".join(names) if language == "en" else "、".join(names)
    if extra > 0:
        text += f" ほか{extra}" if language == "ja" else f" and {extra} more"
    key = "chart.source_line_latest" if follow_up else "chart.source_line"
    st.caption(
        t(
            key,
            language,
            sources=text,
            date=format_date(chapter().cutoff, language),
            checked=format_date(CHECKED, language),
        )
    )


@contextmanager
def panel(language: Lang) -> Iterator[None]:
    """Run one panel; an unexpected failure shows a message there and the page goes on."""
    try:
        yield
    except Exception:  # keep the rest of the page alive; details go to the server log
        logging.getLogger("dashboard").exception("panel failed")
        st.error(t("app.unexpected", language), icon=":material/error:")


def accessibility_link(language: Lang) -> None:
    """The link to the accessibility statement (a page kept out of the menu)."""
    st.subheader(t("nav.accessibility", language))
    st.page_link(
        "pages/accessibility.py",
        label=t("page.accessibility_link", language),
        icon=":material/accessibility_new:",
    )


def evidence_lines(
    row_ids: Iterable[str], found: Mapping[str, Evidence], language: Lang
) -> list[str]:
    """One Markdown list item per cited row: date — statement — publisher (linked, the page's
    title on hover) and the source's tier in the language's brackets."""
    lines = []
    for row_id in row_ids:
        item = found.get(row_id)
        if item is None:
            lines.append(f"- `{row_id}` —")
            continue
        tier = label("source_tier", item.tier, language)
        title = item.title.replace('"', "'")
        when = f"{format_date(item.when, language)} — " if item.when else ""
        lines.append(
            f"- {when}{md_escape(item.statement)} — "
            f'[{md_escape(item.publisher)}]({item.url} "{md_escape(title)}")'
            + (f"〔{md_escape(tier)}〕" if language == "ja" else f" ({md_escape(tier)})")
        )
    return lines
