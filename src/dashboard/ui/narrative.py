"""The chapter's claims beside the evidence that supports them, with checkable footnotes.

A section is drawn segment by segment: the claims before a panel marker on the left, the panels
beside them on the right. Each claim shows its kind in a small grey bracket, and its footnote
(generated from the claims table) gives the claim's note and every row it cites with date,
statement, source and the source's tier. On the recommendations page the right-hand column is
"today" (現状): what Japan does now, charted from its own track.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from dashboard.chapter import SUPERSCRIPT, Paragraph, Segment, chapter, paragraphs
from dashboard.claims import Claim, kind_note, of_section, summary
from dashboard.datasets import REGISTRY
from dashboard.datasets.cached import evidence_index
from dashboard.evidence import Evidence
from dashboard.i18n import Lang, t
from dashboard.paths import NARRATIVE_DIR
from dashboard.state import ViewState
from dashboard.ui import forecasts
from dashboard.ui.common import evidence_lines, md_escape
from dashboard.ui.panels import PANELS, WIDE
from dashboard.ui.since import since_panel
from dashboard.ui.tables import lazy_expander


def kind_tag(claim: Claim, language: Lang, *, grey: bool = True) -> str:
    """The claim's kind as a small bracket after its text, grey unless it stands in a quote
    (a quote's text is already muted: grey on top of it would fall below 4.5:1 contrast)."""
    name = claim.kind_label(language)
    tag = f"〔{name}〕" if language == "ja" else f"({name})"
    return f" :gray[{tag}]" if grey else f" {tag}"


def segment_text(segment: Segment, language: Lang, *, quoted: bool = False) -> str:
    """The claims with footnote numbers and kind tags, as Markdown."""
    separator = "" if language == "ja" else " "
    parts = []
    for claim, number in zip(segment.claims, segment.numbers, strict=True):
        mark = str(number).translate(SUPERSCRIPT) if number else ""
        tag = kind_tag(claim, language, grey=not quoted)
        parts.append(md_escape(claim.text(language)) + mark + tag)
    return separator.join(parts)


def footnotes(
    segment: Segment, language: Lang, found: Mapping[str, Evidence], *, key: str = "notes"
) -> None:
    """Each claim's note and the rows it cites, folded under one line; a fact or assessment
    without evidence says so, with the reason, in plain view. ``key`` names the expander's
    state (a quote elsewhere keeps its own)."""
    lines = []
    for claim, number in zip(segment.claims, segment.numbers, strict=True):
        head = claim.kind_label(language)
        if not number:
            if claim.kind in ("fact", "assessment"):
                why = md_escape(claim.note_in(language))
                none = t("page.unbacked", language)
                st.caption(
                    f"{none}（{head}）：{why}" if language == "ja" else f"{none} ({head}): {why}"
                )
            continue
        mark = str(number).translate(SUPERSCRIPT)
        lines.append(f"- {mark} **{head}** — {md_escape(claim.note_in(language))}")
        lines += ["    " + line for line in evidence_lines(claim.evidence, found, language)]
    if lines:
        numbers = [n for n in segment.numbers if n]
        marks = [str(n).translate(SUPERSCRIPT) for n in numbers]
        consecutive = numbers == list(range(numbers[0], numbers[-1] + 1))
        # ¹–³ for a run; ⁶˒⁹ where a quote's footnotes skip numbers (never a range that hides it)
        span = f"{marks[0]}–{marks[-1]}" if len(marks) > 1 and consecutive else "˒".join(marks)
        # Built only while open: a page has a dozen of these, and their text is long.
        state = f"{key}.{segment.claims[0].id}"
        with lazy_expander(t("page.footnotes_open", language, marks=span), key=state) as shown:
            if shown:  # body text, not a caption: grey caption links fall short of 4.5:1
                st.markdown("\n".join(lines))


def section(section_id: str, state: ViewState, language: Lang) -> None:
    """Every paragraph of a section, segment by segment, with its panels beside it.

    The page's title is the one heading above it: the chapter's own title of the section is
    named in a line of text (a second heading straight under the first would say the same
    thing twice to a screen reader and to the eye).
    """
    info = chapter()
    name = t(
        "page.section_name",
        language,
        label=info.label[language],
        title=info.section_titles[section_id][language],
    )
    st.markdown(md_escape(t("page.from_section", language, section=name)))
    st.caption(summary(of_section(section_id), language) + "　" + kind_note(language))
    since_panel(
        [spec.id for spec in REGISTRY.values() if spec.page == section_id], state, key=section_id
    )
    forecasts.section(section_id, state)
    found = evidence_index(language)  # once per section: every footnote's row, by id
    recommendations = section_id == "recommendations"
    for number, paragraph in enumerate(paragraphs(section_id, language), start=1):
        if recommendations:
            st.subheader(t("page.recommendation", language, n=number))
        for segment in paragraph.segments:
            beside = [
                PANELS[name] for name in segment.charts if name in PANELS and name not in WIDE
            ]
            below = [PANELS[name] for name in segment.charts if name in WIDE]
            _segment(segment, beside, state, language, found, recommendations)
            for draw in below:
                draw(state, language)


def _segment(
    segment: Segment,
    draws: list[Callable[[ViewState, Lang], None]],
    state: ViewState,
    language: Lang,
    found: Mapping[str, Evidence],
    recommendations: bool,
) -> None:
    """The segment's claims with their footnotes, and its evidence panels beside them."""
    if not draws:
        st.markdown(segment_text(segment, language))
        footnotes(segment, language, found)
        return
    # Keyed so that the stylesheet can stack text and evidence on a narrow screen (1024 px).
    holder = st.container(key=f"segment_{segment.claims[0].id}")
    text_column, evidence_column = holder.columns([5, 7], gap="large")
    proposal = recommendations and any(c.kind == "recommendation" for c in segment.claims)
    with text_column:
        if proposal:
            st.markdown(f"**{t('page.proposal', language)}**")
        st.markdown(segment_text(segment, language))
        footnotes(segment, language, found)
    with evidence_column:
        # 現状 heads only what Japan does beside a recommendation; a fact's panel is its evidence.
        if recommendations:
            heading = "page.today" if proposal else "page.evidence_beside"
            st.markdown(f"**{t(heading, language)}**")
        for draw in draws:
            draw(state, language)


def sentences(paragraph: Paragraph) -> list[Segment]:
    """The paragraph's sentences, each as the claims that make it up with their footnote
    numbers (a sentence ends with the claim whose Japanese ends in 。; the English claims
    follow the same cut, so both languages quote the same sentences)."""
    found: list[Segment] = []
    claims: list[Claim] = []
    numbers: list[int | None] = []
    for segment in paragraph.segments:
        for claim, number in zip(segment.claims, segment.numbers, strict=True):
            claims.append(claim)
            numbers.append(number)
            if claim.text_ja.endswith("。"):
                found.append(Segment(tuple(claims), (), tuple(numbers)))
                claims, numbers = [], []
    if claims:
        found.append(Segment(tuple(claims), (), tuple(numbers)))
    return found


def quote(section_id: str, terms: dict[str, str], language: Lang) -> None:
    """The chapter's sentences of ``section_id`` that mention ``terms[language]``, quoted as
    the section's page shows them: footnote numbers (the section's own) and kinds after each
    claim, and the footnotes with every row they cite folded under the quote."""
    term = terms[language].casefold()
    separator = "" if language == "ja" else " "
    found = [
        sentence
        for paragraph in paragraphs(section_id, language)
        for sentence in sentences(paragraph)
        if term in separator.join(claim.text(language) for claim in sentence.claims).casefold()
    ]
    if not found:
        return
    title = chapter().section_titles[section_id][language]
    body = "\n>\n".join(f"> {segment_text(sentence, language, quoted=True)}" for sentence in found)
    attribution = t("page.section_name", language, label=chapter().label[language], title=title)
    st.markdown(body + f"\n>\n> — {md_escape(attribution)}")
    quoted = Segment(
        tuple(claim for sentence in found for claim in sentence.claims),
        (),
        tuple(number for sentence in found for number in sentence.numbers),
    )
    footnotes(quoted, language, evidence_index(language), key=f"quote.{section_id}")


def statement(name: str, language: Lang) -> None:
    """A page of the editors' own prose (``narrative/<name>.<lang>.md``), shown as written."""
    st.markdown((NARRATIVE_DIR / f"{name}.{language}.md").read_text(encoding="utf-8"))
