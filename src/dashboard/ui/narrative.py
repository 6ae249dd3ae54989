"""The chapter's paragraphs beside the evidence that supports them, with checkable footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import streamlit as st

from dashboard.chapter import SUPERSCRIPT, Paragraph, chapter, paragraphs
from dashboard.datasets.cached import evidence_index
from dashboard.evidence import Evidence
from dashboard.i18n import Lang, format_date, t
from dashboard.state import ViewState
from dashboard.ui.common import md_escape
from dashboard.ui.panels import PANELS, WIDE


def footnotes(paragraph: Paragraph, language: Lang, found: Mapping[str, Evidence]) -> None:
    """The paragraph's ``[[ref:…]]`` markers as numbered, linked source lines."""
    if not paragraph.refs:
        return
    lines = []
    for number, row_ids in paragraph.refs:
        mark = str(number).translate(SUPERSCRIPT)
        for row_id in row_ids:
            item = found.get(row_id)
            if item is None:
                lines.append(f"- {mark} `{row_id}` —")
                continue
            lines.append(
                f"- {mark} {format_date(item.when, language)} — {md_escape(item.statement)} — "
                f"[{md_escape(item.publisher)}: {md_escape(item.title)}]({item.url})"
            )
    st.caption(t("page.footnotes", language) + "\n\n" + "\n".join(lines))


def section(section_id: str, state: ViewState, language: Lang, *, with_title: bool = True) -> None:
    """Every paragraph of a section; a paragraph that names a panel gets it beside the text."""
    if with_title:
        st.header(chapter().section_titles[section_id][language], divider="gray")
    found = evidence_index(language)  # once per section: every footnote's row, by id
    for number, paragraph in enumerate(paragraphs(section_id, language), start=1):
        beside = [PANELS[name] for name in paragraph.charts if name in PANELS and name not in WIDE]
        below = [PANELS[name] for name in paragraph.charts if name in WIDE]
        _paragraph(section_id, number, paragraph, beside, state, language, found)
        for draw in below:
            draw(state, language)


def _paragraph(
    section_id: str,
    number: int,
    paragraph: Paragraph,
    draws: list[Callable[[ViewState, Lang], None]],
    state: ViewState,
    language: Lang,
    found: Mapping[str, Evidence],
) -> None:
    """One paragraph with its footnotes, and its evidence panels beside it when it has any."""
    text = paragraph.text
    if section_id == "recommendations":
        st.subheader(t("page.recommendation", language, n=number))
        text = text.removeprefix("- ")
    if not draws:
        st.markdown(text)
        footnotes(paragraph, language, found)
        return
    text_column, evidence_column = st.columns([5, 7], gap="large")
    with text_column:
        st.markdown(text)
        footnotes(paragraph, language, found)
    with evidence_column:
        if section_id == "recommendations":
            st.caption(t("page.rests_on", language))
        for draw in draws:
            draw(state, language)


def sentences(text: str, language: Lang) -> list[str]:
    if language == "ja":
        return [part + "。" for part in text.split("。") if part.strip()]
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]


def quote(section_id: str, terms: dict[str, str], language: Lang) -> None:
    """The chapter's sentences of ``section_id`` that mention ``terms[language]``, as a quote."""
    term = terms[language].casefold()
    found = [
        sentence
        for paragraph in paragraphs(section_id, language)
        for sentence in sentences(paragraph.text, language)
        if term in sentence.casefold()
    ]
    if not found:
        return
    title = chapter().section_titles[section_id][language]
    body = "\n".join(f"> {sentence}" for sentence in found)
    attribution = (
        f"{chapter().label[language]}「{title}」"
        if language == "ja"
        else f"{chapter().label[language]}, “{title}”"
    )
    st.markdown(body + f"\n>\n> — {attribution}")
