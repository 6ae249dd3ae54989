"""What a briefing export says, independent of its file format: the cover (chapter, author,
as-of date, the filters applied in words) and, per slide of the briefing's list
(:func:`dashboard.slides.deck`), its title, chart or table, the words on it, the talking points
and anticipated questions for its notes, and the sources of the rows it shows.

Rows always come from ``spec.select(frames, state)``, the same selection presentation mode
uses, so an event outside a slide's window or the briefer's filters appears in no chart and no
source list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard import claims as chapter_claims
from dashboard import notes, selection, slides, views
from dashboard.chapter import author_name, chapter
from dashboard.datasets import REGISTRY
from dashboard.datasets.ceasefire_positions import ACTORS, ISSUE_GROUPS
from dashboard.datasets.core import AS_OF, CHECKED
from dashboard.i18n import Lang, format_date, label, t
from dashboard.slides import Frames, SlideSpec
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
class Metric:
    """A key number as the numbers slide states it."""

    label: str
    value: str
    note: str  # its delta and caption, in one line


@dataclass(frozen=True)
class PositionsGroup:
    """One issue group of the positions table: the actors' headers and a row per issue."""

    title: str
    columns: tuple[str, ...]  # the issue column's heading, then the four actors
    rows: tuple[tuple[str, ...], ...]  # issue, then each actor's position (publisher)


@dataclass(frozen=True)
class SlideContent:
    """One slide of the briefing, whatever the format: what stands on it and in its notes."""

    key: str
    kind: str
    title: str
    #: The chapter section it belongs to, by title (empty for the briefing's own slides).
    section: str = ""
    chart_title: str = ""
    #: The dates the slide is drawn over, in words (chart slides).
    window: str = ""
    #: What stands on the slide beside the chart (curated, else the section's key points).
    bullets: tuple[str, ...] = ()
    #: The briefer's own talking points (from the deck builder), then the curated ones.
    own_talking: tuple[str, ...] = ()
    talking: tuple[str, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()
    sources: tuple[Source, ...] = ()
    #: None when a dataset the slide needs could not be loaded (see ``missing``).
    figure: go.Figure | None = None
    row_count: int = 0
    missing: tuple[str, ...] = ()
    #: The section's claims as (kind in brackets, text), in order.
    claims: tuple[tuple[str, str], ...] = ()
    #: The chart picture's text alternative, said from the rows it shows.
    alt: str = ""
    groups: tuple[PositionsGroup, ...] = ()
    metrics: tuple[Metric, ...] = ()
    #: The summary's judgements and what Japan should do.
    judgements: tuple[str, ...] = ()
    japan: tuple[str, ...] = ()

    @property
    def publishers(self) -> list[str]:
        return list(dict.fromkeys(source.publisher for source in self.sources))

    @property
    def has_notes(self) -> bool:
        return bool(self.own_talking or self.talking or self.questions)


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
    slides: tuple[SlideContent, ...]
    sources: tuple[Source, ...]  # every slide's sources, each once, by number
    #: With the follow-up layer: every forecast and how it fared (else empty).
    forecasts: tuple[ForecastContent, ...] = ()
    #: Which layer the briefing holds, in a line (the cover's first filter line says it).
    layer: str = ""
    #: The marking on every slide and page (e.g. 取扱注意), and the briefing's date in words.
    footer: str = ""
    date: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(slide.key for slide in self.slides)

    def source_groups(self) -> list[tuple[str, tuple[Source, ...]]]:
        """(heading, sources) in order of first use: each slide's, then the forecasts'."""
        groups = [(slide.title, slide.sources) for slide in self.slides if slide.sources]
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
    out, then the search text; a line saying there are none when there are none. A briefing
    whose slides keep their own windows says so instead of one date range."""
    if not state.mine:
        lines = [t("briefing.own_windows", lang)]
        if state.since:
            lines.append(t("briefing.since", lang, date=format_date(state.since, lang)))
        return tuple(lines)
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


def _window_text(start: date, end: date, lang: Lang) -> str:
    return t("briefing.window", lang, start=format_date(start, lang), end=format_date(end, lang))


def _number(numbers: dict[str, Source], publisher: str, title: str, url: str) -> Source:
    if url not in numbers:
        numbers[url] = Source(len(numbers) + 1, publisher, title, url)
    return numbers[url]


def position_cell(row: Any, lang: Lang) -> str:
    """A cell of the positions table: the position, its source's publisher in brackets."""
    text, publisher = getattr(row, f"position_{lang}"), row.source_publisher
    return f"{text}（{publisher}）" if lang == "ja" else f"{text} ({publisher})"


def _positions(rows: pd.DataFrame, lang: Lang) -> tuple[PositionsGroup, ...]:
    """The positions table cut into its issue groups (issues no source addresses left out)."""
    cells = {(str(r.issue), str(r.actor)): r for r in rows.itertuples(index=False)}
    missing = t("table.not_stated", lang)
    columns = (t("table.issue", lang), *(label("actor", actor, lang) for actor in ACTORS))
    groups = []
    for _, title_ja, title_en, issues in ISSUE_GROUPS:
        table = []
        for issue in issues:
            if not any((issue, actor) in cells for actor in ACTORS):
                continue
            line = [label("issue", issue, lang)]
            for actor in ACTORS:
                row = cells.get((issue, actor))
                line.append(missing if row is None else position_cell(row, lang))
            table.append(tuple(line))
        if table:
            groups.append(
                PositionsGroup(title_ja if lang == "ja" else title_en, columns, tuple(table))
            )
    return tuple(groups)


def key_numbers(frames: Frames, state: ViewState, lang: Lang) -> tuple[Metric, ...]:
    """The overview's key figures, from the rows of the layer shown."""
    out = []
    for spec in REGISTRY.values():
        if spec.id not in frames:
            continue
        rows = selection.in_layer(spec, frames[spec.id], state.follow_up)
        for figure in spec.key_figures:
            metric = None if rows.empty else figure.compute(rows, lang)
            if metric is None:
                continue
            note = " ".join(part for part in (metric.delta, metric.caption) if part)
            out.append(Metric(metric.label, metric.value, note))
    return tuple(out)


def _slide(
    spec: SlideSpec, state: ViewState, lang: Lang, frames: Frames, numbers: dict[str, Source]
) -> SlideContent:
    curated = notes.of(spec.key, lang)
    base: dict[str, object] = {
        "key": spec.key,
        "kind": spec.kind,
        "title": spec.title(lang),
        "section": spec.section_title(lang),
        "bullets": tuple(line.text for line in curated.slide) or spec.points(lang),
        "own_talking": tuple(
            line.strip() for line in state.talk.get(spec.key, "").splitlines() if line.strip()
        ),
        "talking": tuple(line.text for line in curated.talking),
        "questions": tuple((q.question.text, q.answer.text) for q in curated.questions),
        "claims": tuple(
            (_kind_mark(claim.kind_label(lang), lang), claim.text(lang))
            for claim in (chapter_claims.of_section(spec.section) if spec.section else ())
        ),
    }
    if spec.kind == "summary":
        base["judgements"] = tuple(line.text for line in curated.judgements)
        base["japan"] = tuple(line.text for line in curated.japan)
    if spec.kind == "numbers":
        base["metrics"] = key_numbers(frames, state, lang)
    if spec.chart is None:
        return SlideContent(**base)  # type: ignore[arg-type]
    missing = tuple(name for name in spec.datasets if name not in frames)
    base["chart_title"] = spec.figure_spec.title(lang)
    if missing:
        return SlideContent(**base, missing=missing)  # type: ignore[arg-type]
    rows = spec.select(frames, state)
    used = [_number(numbers, *source) for source in slides.sources(rows)]
    base["sources"] = tuple(used)
    base["row_count"] = sum(len(frame) for frame in rows.values())
    if spec.kind == "positions":
        base["groups"] = _positions(rows[spec.figure_spec.dataset.id], lang)
        return SlideContent(**base)  # type: ignore[arg-type]
    start, end = spec.window(state)
    if spec.figure_spec.dataset.filter_by_date:  # standing positions have no window
        base["window"] = _window_text(start, end, lang)
    if spec.kind == "table":  # a declared table (officials' statements): its rows, as text
        table = spec.figure(rows, state, lang)
        if isinstance(table, pd.DataFrame) and not table.empty:
            cells = tuple(
                tuple("" if pd.isna(value) else str(value) for value in line)
                for line in table.itertuples(index=False)
            )
            columns = tuple(str(column) for column in table.columns)
            base["groups"] = (PositionsGroup(spec.title(lang), columns, cells),)
        return SlideContent(**base)  # type: ignore[arg-type]
    base["figure"] = spec.figure(rows, state, lang)
    base["alt"] = spec.alt(rows, lang)
    return SlideContent(**base)  # type: ignore[arg-type]


def compose(state: ViewState, lang: Lang, frames: Frames | None = None) -> Briefing:
    """Everything the deck, handout and HTML briefing show for ``state`` in ``lang``: the
    slides of ``slides.deck(state)`` in order. ``frames`` are the loaded datasets by id (read
    from data/ when omitted); a slide whose dataset is missing keeps its title and words and
    says its data could not be loaded."""
    chosen = slides.deck(state)
    if frames is None:
        frames, _ = slides.load_frames(slides.datasets_of(chosen))
    meta = chapter()
    numbers: dict[str, Source] = {}
    contents = [_slide(spec, state, lang, frames, numbers) for spec in chosen]
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
        slides=tuple(contents),
        forecasts=forecasts if "forecasts" in slides.deck_keys(state) else (),
        sources=tuple(numbers.values()),
        layer=layer_line(state, lang),
        footer=state.footer,
        date=t("briefing.date", lang, date=format_date(state.briefing_date, lang))
        if state.briefing_date
        else "",
    )


def _kind_mark(kind: str, lang: Lang) -> str:
    """The claim's kind in the brackets of the language: 〔評価〕, (assessment)."""
    return f"〔{kind}〕" if lang == "ja" else f"({kind})"
