"""How a dataset declares itself: one ``DATASET = Dataset(...)`` in its own module.

The declaration is everything the layers above need to know about a dataset: its schema and
vocabularies (codes with their labels, colours and symbols), the column the date filter uses,
the URL filters and search columns, how rows become timeline events and footnotes, its lane on
the overview, its table view and its charts. Loading, selection, events, footnotes, figures,
panels, the overview and the briefing iterate ``dashboard.datasets.REGISTRY`` and never name a
dataset, so adding one means its CSV, its package resource, its module and the page or section
that shows it.

Nothing here imports Streamlit or the chart code: charts are named by ``"module:function"``
under ``dashboard.charts`` and resolved by ``dashboard.figures``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
import pandera.pandas as pa

if TYPE_CHECKING:
    from dashboard.i18n import Lang

#: A text in both languages: (Japanese, English).
Text = tuple[str, str]


def in_lang(text: Text, lang: Lang) -> str:
    return text[0] if lang == "ja" else text[1]


@dataclass(frozen=True)
class Code:
    """One code of a vocabulary with its labels and, for charts, its fixed colour and symbol."""

    code: str
    ja: str
    en: str
    colour: str | None = None
    symbol: str | None = None

    def label(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en


@dataclass(frozen=True)
class Vocabulary:
    """The allowed codes of a column, in display order. ``multi``: ';'-separated codes."""

    field: str
    codes: tuple[Code, ...]
    multi: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(code.code for code in self.codes)

    def get(self, code: object) -> Code | None:
        return next((item for item in self.codes if item.code == str(code)), None)


def vocabulary(field_name: str, *codes: tuple[str, ...], multi: bool = False) -> Vocabulary:
    """``vocabulary("domain", ("military", "軍事", "Military", "#D55E00"), …)``."""
    return Vocabulary(field_name, tuple(Code(*entry) for entry in codes), multi=multi)


@dataclass(frozen=True)
class Filter:
    """A category filter in the sidebar and the URL: ``?param=CODE,CODE`` on column ``field``."""

    param: str
    field: str
    label: Text


#: Row text of an event: a column stem (``"title"`` -> ``title_ja`` / ``title_en``) or a function.
EventText = str | Callable[[pd.DataFrame, "Lang"], Sequence[str]]


@dataclass(frozen=True)
class Events:
    """How rows become timeline events: lanes by the codes of ``group``, title and detail text."""

    group: str
    title: EventText = "title"
    detail: EventText = "summary"


@dataclass(frozen=True)
class Lane:
    """The dataset as one lane of the overview's combined timeline.

    ``overlay``: the lane may also be drawn as markers on the economy charts, keeping only the
    rows in ``overlay_where`` (column -> codes), with ``overlay_label`` as its name there.
    """

    code: str
    label: Text
    colour: str
    order: int
    overlay: bool = False
    overlay_label: Text | None = None
    overlay_where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Shown in the Japan view (the dataset's ``japan_view`` rows only).
    japan: bool = False


@dataclass(frozen=True)
class Chart:
    """One chart (or table) of the dataset, drawn by ``builder`` = ``"module:function"`` under
    ``dashboard.charts``, called as ``function(rows, lang, context, **options)``.

    ``where`` keeps only some rows (column -> codes) on top of the view's filters; ``counted``
    shows "N of M" above it; ``wide`` puts it below a paragraph instead of beside it;
    ``table`` means the builder returns a DataFrame shown as a table; ``overlays`` means it
    takes other datasets' events as markers on its date axis.
    """

    name: str
    title: Text
    builder: str
    options: Mapping[str, Any] = field(default_factory=dict)
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    counted: bool = False
    wide: bool = False
    table: bool = False
    overlays: bool = False
    caption: Text | None = None
    #: Other datasets the chart draws beside its own (selected by the same view), passed to the
    #: builder as ``extra`` (dataset id -> rows).
    with_datasets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Metric:
    """A key figure as the overview shows it."""

    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class KeyFigure:
    """A key figure of the overview, computed from the dataset's loaded rows."""

    name: str
    compute: Callable[[pd.DataFrame, Lang], Metric | None]


#: A table view column: (column, strings.toml key or a Text); ``_LANG`` becomes ``_ja``/``_en``.
TableColumn = tuple[str, "str | Text"]
#: A footnote's statement of one row (date comes from ``cite_date``).
Cite = Callable[[Mapping[str, Any], "Lang"], str]


@dataclass(frozen=True)
class Dataset:
    """Everything the dashboard knows about one dataset, declared in its module."""

    id: str
    schema: type[pa.DataFrameModel]
    date: str
    page: str
    order: int
    vocabularies: tuple[Vocabulary, ...] = ()
    search: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    events: Events | None = None
    lane: Lane | None = None
    cite: Cite | None = None
    cite_date: str | None = None
    table: tuple[TableColumn, ...] = ()
    charts: tuple[Chart, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    #: False: the view's date range does not limit the rows (a table of standing positions).
    filter_by_date: bool = True
    #: False: the rows describe no moment (a gazetteer of places) and belong to both layers.
    layered: bool = True
    #: The column with the day a figure was first made public. A row published after the
    #: chapter's cut-off belongs to the follow-up layer and stays out of the chapter's view.
    published: str | None = None
    #: Where ``date`` is empty, the view's date range applies to this column instead.
    date_fallback: str | None = None
    #: The rows the Japan view keeps (column -> codes), e.g. Japan's, the G7's, the EU's and
    #: the US's sanctions; None: the Japan view leaves the dataset as it is.
    japan_view: Mapping[str, tuple[str, ...]] | None = None

    def vocabulary(self, field_name: str) -> Vocabulary:
        for item in self.vocabularies:
            if item.field == field_name:
                return item
        raise KeyError(f"{self.id} has no vocabulary {field_name!r}")

    @property
    def categories(self) -> dict[str, tuple[str, ...]]:
        """Single-code columns that load as pandas categoricals (fixed order and colour)."""
        return {item.field: item.values for item in self.vocabularies if not item.multi}

    def statement(self, row: Mapping[str, Any], lang: Lang) -> str:
        """What a footnote citing ``row`` says."""
        if self.cite is not None:
            return self.cite(row, lang)
        return str(row[f"title_{lang}"])
