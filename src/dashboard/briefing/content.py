"""What a briefing export says, independent of its file format: the cover (chapter, author,
as-of date, the filters applied in words) and, per section of :data:`dashboard.slides.SECTIONS`,
its title, chart, key points and the sources of the rows the view selects.

Rows always come from ``section.select(frames, state)``, the same selection the pages and
presentation mode use, so an event outside the date range or the category filters appears in no
chart, no key-point slide and no source list.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard import claims as chapter_claims
from dashboard import slides, views
from dashboard.chapter import author_name, chapter
from dashboard.datasets.core import AS_OF, CHECKED
from dashboard.i18n import Lang, format_date, label, t
from dashboard.slides import Frames, Section
from dashboard.state import ViewState


@dataclass(frozen=True)
class Source:
    """A source that was read, numbered by first use across the whole briefing."""

    number: int
    publisher: str
    title: str
    url: str

    @property
    def line(self) -> str:
        """``publisher — title — URL``, as in speaker notes and the sources list."""
        return f"{self.publisher} — {self.title} — {self.url}"


@dataclass(frozen=True)
class SectionContent:
    key: str
    title: str
    chart_title: str
    points: tuple[str, ...]
    sources: tuple[Source, ...]
    #: None when a dataset the section needs could not be loaded (see ``missing``).
    figure: go.Figure | None
    row_count: int
    missing: tuple[str, ...] = ()
    #: The section's claims as (kind in brackets, text), in order: the notes carry them.
    claims: tuple[tuple[str, str], ...] = ()
    #: The chart picture's text alternative, said from the rows it shows.
    alt: str = ""

    @property
    def publishers(self) -> list[str]:
        return list(dict.fromkeys(source.publisher for source in self.sources))


@dataclass(frozen=True)
class Briefing:
    lang: Lang
    kicker: str
    chapter_label: str
    title: str
    author: str  # the name as published (the files' metadata)
    affiliation: str
    #: Chapter, author and affiliation as the cover line reads, the same words as the overview's.
    byline: str
    publisher: str
    as_of: str
    filters: tuple[str, ...]
    sections: tuple[SectionContent, ...]
    sources: tuple[Source, ...]  # every section's sources, each once, by number
    #: With the follow-up layer: every forecast and how it fared (else empty).
    forecasts: tuple[ForecastContent, ...] = ()
    #: Which layer the briefing holds, in a line (the cover's first filter line says it).
    layer: str = ""

    def source_groups(self) -> list[tuple[str, tuple[Source, ...]]]:
        """(heading, sources) in order of first use: each section's, then the forecasts'."""
        groups = [(section.title, section.sources) for section in self.sections]
        if self.forecasts:
            used = tuple(dict.fromkeys(s for f in self.forecasts for s in f.sources))
            groups.append((t("briefing.forecasts_title", self.lang), used))
        return groups


@dataclass(frozen=True)
class ForecastContent:
    section: str
    text: str
    status: str  # symbol and word
    as_of: str
    why: str
    sources: tuple[Source, ...]

    def head(self, lang: Lang) -> str:
        """「○ 見通しどおり（2026年3月5日時点）　停戦交渉の行方」 / "○ supported (as of …) · …"."""
        if lang == "ja":
            return f"{self.status}（{self.as_of}時点）　{self.section}"
        return f"{self.status} (as of {self.as_of}) · {self.section}"


def describe_filters(state: ViewState, lang: Lang) -> tuple[str, ...]:
    """The filters in words: the date range, then each category filter that leaves something
    out, then the search text; a line saying there are none when there are none."""
    separator = t("briefing.list_separator", lang)
    lines = [
        t(
            "briefing.period",
            lang,
            start=format_date(state.start, lang),
            end=format_date(state.end, lang),
        )
    ]
    restricted = False
    for spec in views.BRIEFING.filters:
        if spec.param not in state.selected:
            continue  # this view has no such filter, so it shows everything
        codes = state.codes(spec.param)
        if set(codes) == set(spec.codes):
            continue
        restricted = True
        values = (
            separator.join(label(spec.field, code, lang) for code in spec.codes if code in codes)
            if codes
            else t("briefing.none_selected", lang)
        )
        lines.append(t("briefing.filter_item", lang, name=spec.title(lang), values=values))
    if state.query:
        restricted = True
        lines.append(t("briefing.search", lang, query=state.query))
    if state.japan:
        restricted = True
        lines.append(t("filter.japan_on", lang))
    if state.since:
        lines.append(t("briefing.since", lang, date=format_date(state.since, lang)))
    if not restricted:
        lines.append(t("briefing.no_category_filters", lang))
    return tuple(lines)


def layer_line(state: ViewState, lang: Lang) -> str:
    """Which layer a briefing holds: the chapter's alone, or with the editors' follow-up."""
    if state.follow_up:
        return t("briefing.layer_latest", lang, checked=format_date(CHECKED, lang))
    return t("briefing.layer_chapter", lang)


def _forecasts(
    state: ViewState, lang: Lang, frames: Frames, numbers: dict[str, Source]
) -> tuple[ForecastContent, ...]:
    """Every forecast with its status and the sources of the follow-up rows it rests on."""
    if not state.follow_up:
        return ()
    from dashboard import evidence

    found = evidence.index(frames, lang)
    out = []
    for claim in chapter_claims.forecasts():
        used = []
        for row_id in claim.status_evidence:
            item = found.get(row_id)
            if item is None:
                continue
            if item.url not in numbers:
                numbers[item.url] = Source(len(numbers) + 1, item.publisher, item.title, item.url)
            used.append(numbers[item.url])
        out.append(
            ForecastContent(
                section=label("section", claim.section, lang),
                text=claim.text(lang),
                status=claim.status_text(lang),
                as_of=format_date(claim.status_as_of, lang),
                why=claim.status_note(lang),
                sources=tuple(dict.fromkeys(used)),
            )
        )
    return tuple(out)


def _axis_state(section: Section, state: ViewState) -> ViewState:
    """The state the section's chart is drawn with: a timeline's date axis starts no earlier
    than its page's data do (the 2025 negotiation track is not drawn on a 2014–2025 axis)."""
    page = views.BY_PAGE.get(section.key)
    if page is None or state.start >= page.lo or page.lo > state.end:
        return state
    return state.with_(start=page.lo)


def compose(state: ViewState, lang: Lang, frames: Frames | None = None) -> Briefing:
    """Everything the deck and handout show for ``state`` in ``lang``. ``frames`` are the loaded
    datasets by id (read from data/ when omitted); a section whose dataset is missing keeps its
    title and key points and says its data could not be loaded."""
    if frames is None:
        frames, _ = slides.load_frames()
    meta = chapter()
    numbers: dict[str, Source] = {}
    sections = []
    for section in slides.SECTIONS:
        missing = tuple(name for name in section.datasets if name not in frames)
        figure = None
        row_count = 0
        alt = ""
        used: list[Source] = []
        if not missing:
            rows = section.select(frames, state)
            row_count = sum(len(frame) for frame in rows.values())
            figure = section.figure(rows, _axis_state(section, state), lang)
            alt = section.alt(rows, lang)
            for publisher, title, url in slides.sources(rows):
                if url not in numbers:
                    numbers[url] = Source(len(numbers) + 1, publisher, title, url)
                used.append(numbers[url])
        sections.append(
            SectionContent(
                key=section.key,
                title=section.title(lang),
                chart_title=slides.chart_title(section, lang),
                points=section.points(lang),
                sources=tuple(used),
                figure=figure,
                row_count=row_count,
                missing=missing,
                claims=tuple(
                    (_kind_mark(claim.kind_label(lang), lang), claim.text(lang))
                    for claim in chapter_claims.of_section(section.key)
                ),
                alt=alt,
            )
        )
    forecasts = _forecasts(state, lang, frames, numbers)  # their sources join the numbering
    return Briefing(
        lang=lang,
        kicker=t("app.title", lang),
        chapter_label=meta.label[lang],
        title=meta.title[lang],
        author=meta.author[lang],
        affiliation=meta.affiliation[lang],
        byline=t(
            "briefing.byline",
            lang,
            label=meta.label[lang],
            author=author_name(lang),
            affiliation=meta.affiliation[lang],
        ),
        publisher=meta.publisher[lang],
        as_of=t(
            "app.as_of_latest" if state.follow_up else "app.as_of",
            lang,
            date=format_date(AS_OF, lang),
            checked=format_date(CHECKED, lang),
        ),
        filters=(layer_line(state, lang), *describe_filters(state, lang)),
        sections=tuple(sections),
        forecasts=forecasts,
        sources=tuple(numbers.values()),
        layer=layer_line(state, lang),
    )


def _kind_mark(kind: str, lang: Lang) -> str:
    """The claim's kind in the brackets of the language: 〔評価〕, (assessment)."""
    return f"〔{kind}〕" if lang == "ja" else f"({kind})"
