"""The chapter's paragraphs beside the evidence that supports them, with checkable footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import evidence
from dashboard.chapter import SUPERSCRIPT, Paragraph, chapter, paragraphs
from dashboard.datasets import DATASET_IDS
from dashboard.datasets.cached import load
from dashboard.i18n import Lang, format_date, t
from dashboard.state import ViewState
from dashboard.ui.common import md_escape
from dashboard.ui.panels import PANELS, WIDE


@st.cache_data(show_spinner=False)
def _evidence_index(language: Lang) -> dict[str, evidence.Evidence]:
    frames: dict[str, pd.DataFrame] = {}
    for dataset_id in DATASET_IDS:
        result = load(dataset_id)
        if result.ok and result.frame is not None:
            frames[dataset_id] = result.frame
    return evidence.index(frames, language)


def footnotes(paragraph: Paragraph, language: Lang) -> None:
    if not paragraph.refs:
        return
    found = _evidence_index(language)
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
    for number, paragraph in enumerate(paragraphs(section_id, language), start=1):
        beside = [PANELS[name] for name in paragraph.charts if name in PANELS and name not in WIDE]
        below = [PANELS[name] for name in paragraph.charts if name in WIDE]
        _paragraph(section_id, number, paragraph, beside, state, language)
        for draw in below:
            draw(state, language)


def _paragraph(
    section_id: str,
    number: int,
    paragraph: Paragraph,
    draws: list[Callable[[ViewState, Lang], None]],
    state: ViewState,
    language: Lang,
) -> None:
    """One paragraph with its footnotes, and its evidence panels beside it when it has any."""
    text = paragraph.text
    if section_id == "recommendations":
        st.subheader(t("page.recommendation", language, n=number))
        text = text.removeprefix("- ")
    if not draws:
        st.markdown(text)
        footnotes(paragraph, language)
        return
    text_column, evidence_column = st.columns([5, 7], gap="large")
    with text_column:
        st.markdown(text)
        footnotes(paragraph, language)
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
