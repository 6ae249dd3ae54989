"""Static chart images (PNG, SVG) for the briefing exports and the per-chart downloads.

kaleido 1.x renders plotly figures in a headless Chromium. Starting that browser and loading
plotly.js into it costs a few seconds, so a :class:`ChartRenderer` starts it once and renders
every chart of an export through the same tab. The browser is Debian's ``chromium``:
``BROWSER_PATH`` (the variable kaleido's browser driver, choreographer, reads) points elsewhere,
otherwise ``/usr/bin/chromium`` or a ``chromium`` on ``PATH`` is used. Japanese labels need
``fonts-noto-cjk``; the charts name ``Noto Sans CJK JP`` first in their font family.

Every image carries its title, a source line and the data's as-of date on the picture itself, so
a chart pasted into another document keeps its provenance.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import fonts, geo
from dashboard.charts import theme
from dashboard.datasets.core import AS_OF
from dashboard.i18n import Lang, format_date, t

if TYPE_CHECKING:
    from dashboard.briefing.content import Briefing, SlideContent
    from dashboard.slides import Frames
    from dashboard.state import ViewState

Format = Literal["png", "svg"]
INSTALL_HINT = "apt-get install chromium fonts-noto-cjk"
DEFAULT_BROWSER = Path("/usr/bin/chromium")
#: Seconds to wait for the browser to start, and for one chart to render.
START_TIMEOUT = 60.0
RENDER_TIMEOUT = 60.0
#: The size a single downloaded chart is drawn at, in CSS pixels (PNG is drawn at twice that).
DOWNLOAD_SIZE = (1000, 600)
SOURCE_FONT_SIZE = 12
SOURCE_LINE_HEIGHT = 17  # px per line of the source text at SOURCE_FONT_SIZE
TITLE_FONT_SIZE = 20
TITLE_LINE_HEIGHT = 28
LEGEND_ROW_HEIGHT = 25
#: Room kept below the plot for the x-axis tick labels, above the source text.
AXIS_BAND = 58


class ChartRenderingUnavailable(RuntimeError):
    """Chart images cannot be made here: no usable Chromium. Text and data exports still work."""


def browser_path() -> Path | None:
    """The Chromium to drive: ``$BROWSER_PATH``, else Debian's, else ``chromium`` on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return Path(configured)
    if DEFAULT_BROWSER.exists():
        return DEFAULT_BROWSER
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def _unavailable(reason: str) -> ChartRenderingUnavailable:
    return ChartRenderingUnavailable(
        f"Chart images cannot be rendered: {reason}. Install Chromium and the CJK fonts "
        f"(`{INSTALL_HINT}`) or point BROWSER_PATH at a Chromium executable."
    )


class ChartRenderer:
    """One headless Chromium with plotly.js loaded, rendering figures on request.

    Use as a context manager; ``render`` may be called from any thread (Streamlit runs scripts
    in threads) because the browser lives on this object's own event loop thread::

        with ChartRenderer() as renderer:
            png = renderer.render(fig, "png", width=880, height=560)
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else browser_path()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None
        self._lock = threading.Lock()

    def start(self) -> ChartRenderer:
        if self._kaleido is not None:
            return self
        if self.path is None:
            raise _unavailable("no Chromium was found")
        if not self.path.is_file() or not os.access(self.path, os.X_OK):
            raise _unavailable(f"no browser executable at {self.path}")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="chart-renderer", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread
        try:
            self._kaleido = self._call(self._open(self.path), START_TIMEOUT)
        except ChartRenderingUnavailable:
            self._stop_loop()
            raise
        except Exception as exc:  # the browser failed to start, crashed or timed out
            self._stop_loop()
            raise _unavailable(
                f"Chromium at {self.path} did not start ({_first_line(exc)})"
            ) from exc
        return self

    @staticmethod
    async def _open(path: Path) -> Any:
        import kaleido  # imported late: it patches plotly's JSON encoder into choreographer

        # mathjax=False: no LaTeX in our charts, and its default loads from a CDN we cannot reach.
        renderer = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False, path=str(path))
        try:
            await renderer.open()
        except BaseException:
            with contextlib.suppress(Exception):
                await renderer.close()  # end the browser process if it is still there
            raise
        return renderer

    def _call(self, coroutine: Any, timeout: float) -> Any:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise _unavailable(f"Chromium did not answer within {timeout:g} s") from None

    def render(
        self, fig: go.Figure, fmt: Format, *, width: int, height: int, scale: float = 1
    ) -> bytes:
        """``fig`` drawn at ``width`` × ``height`` CSS pixels; PNG pixels are multiplied by
        ``scale``. Raises :class:`ChartRenderingUnavailable` if the browser has gone away."""
        if self._kaleido is None:
            self.start()
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        # A map's outline files come from the shipped folder, never from a CDN.
        topojson = geo.GEO_DIR.as_uri() + "/" if geo.is_map(fig) else None
        with self._lock:  # one tab: one figure at a time
            try:
                call = self._kaleido.calc_fig(fig, opts=opts, topojson=topojson)
                data = self._call(call, RENDER_TIMEOUT + 5)
            except ChartRenderingUnavailable:
                raise
            except Exception as exc:
                if self._browser_gone():
                    raise _unavailable(
                        f"Chromium at {self.path} stopped ({_first_line(exc)})"
                    ) from exc
                raise
        return bytes(data)

    def _browser_gone(self) -> bool:
        process = getattr(self._kaleido, "subprocess", None)
        return process is not None and process.poll() is not None

    def close(self) -> None:
        if self._kaleido is not None and self._loop is not None:
            # Closing a browser that already died is not an error.
            with contextlib.suppress(Exception):
                self._call(self._kaleido.close(), 20)
            self._kaleido = None
        self._stop_loop()

    def _stop_loop(self) -> None:
        if self._loop is not None:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(_cancel_pending(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(10)
            self._loop.close()
        self._loop, self._thread = None, None

    def __enter__(self) -> ChartRenderer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


_shared: ChartRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> ChartRenderer:
    """One renderer for the whole process (the app's per-chart downloads), started on first
    use, started again if its browser has died, closed when the process exits. Raises
    :class:`ChartRenderingUnavailable` without Chromium."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared._kaleido is None or _shared._browser_gone():
            if _shared is not None:
                _shared.close()
            _shared = ChartRenderer().start()
            atexit.register(_shared.close)
        return _shared


async def _cancel_pending() -> None:
    """Cancel what the browser driver left running (its watchdog), so the loop closes cleanly."""
    current = asyncio.current_task()
    pending = [task for task in asyncio.all_tasks() if task is not current]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)


def _first_line(exc: BaseException) -> str:
    first = exc.args[0] if exc.args else ""
    text = str(first).strip().splitlines()[0] if str(first).strip() else type(exc).__name__
    return text


# --- Title, source line and as-of date on the picture -------------------------------------------


def text_width(text: str, size: float) -> float:
    """The drawn width of ``text`` at ``size`` in the charts' (and exports') font."""
    return fonts.text_width(text, size)


def listing(items: Sequence[str], lang: Lang, fits: Callable[[str], bool]) -> str:
    """``items`` joined in the language's list style; if that does not ``fit``, as many as do
    followed by "and N more" (at least one)."""
    separator = t("briefing.list_separator", lang)
    for count in range(len(items), 0, -1):
        text = separator.join(items[:count])
        if count < len(items):
            text += t("briefing.and_more", lang, n=len(items) - count)
        if count == 1 or fits(text):
            return text
    return t("briefing.no_sources", lang)


def source_line(sources: Sequence[str], lang: Lang, fits: Callable[[str], bool]) -> str:
    """``出典：A、Bほか3件。データ基準日：2025年12月31日。``, with as many publishers as ``fit``."""
    as_of = format_date(AS_OF, lang)
    names = list(dict.fromkeys(s for s in sources if s)) or [t("briefing.no_sources", lang)]

    def line(publishers: str) -> str:
        return t("chart.source_line", lang, sources=publishers, date=as_of)

    return line(listing(names, lang, lambda publishers: fits(line(publishers))))


def _category_labels(fig: go.Figure) -> list[str]:
    """The text tick labels of the main x axis (bar charts by period), if it has any."""
    labels: dict[str, None] = {}
    for trace in fig.data:
        if getattr(trace, "xaxis", None) not in (None, "x"):
            continue
        values = getattr(trace, "x", None)
        if values is None:
            continue
        if all(isinstance(value, str) for value in values):
            labels.update(dict.fromkeys(values))
    return list(labels)


def _axis_band(fig: go.Figure, width: int) -> int:
    """Room below the plot for the x tick labels. Text labels too long to sit side by side are
    turned to 45° (instead of plotly's automatic angle) so the room they take is known."""
    labels = _category_labels(fig)
    if not labels:
        return AXIS_BAND
    size = fig.layout.font.size or theme.BASE_FONT_SIZE
    longest = max(text_width(text, size) for text in labels)
    per_tick = (width - 120) / len(labels)
    if longest + 8 <= per_tick:
        return AXIS_BAND
    fig.update_layout(xaxis_tickangle=-45)
    return max(AXIS_BAND, round((longest + size) * 0.71) + 24)


def _date_span(fig: go.Figure) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The main x axis's date range: its set range, else the span of the traces' dates."""
    axis = fig.layout.xaxis
    if axis.range:
        low, high = (pd.Timestamp(value) for value in axis.range)
        return low, high
    values: list[object] = []
    for trace in fig.data:
        xs = getattr(trace, "x", None)
        if xs is not None:
            values.extend(xs)
    if not values or not all(isinstance(x, date | datetime | np.datetime64) for x in values):
        return None  # text (category) labels, numbers or nothing: not a date axis
    dates = pd.to_datetime(pd.Series(values))
    return dates.min(), dates.max()


def _month_ticks(fig: go.Figure, width: int) -> None:
    """On a month-labelled date axis spanning under two years, one tick every 1, 2, 3 or 6
    months, as many as fit side by side. (plotly's own choice for a few months is a tick every
    couple of weeks, which a month format prints as the same month twice, turned on its side.)"""
    axis = fig.layout.xaxis
    fmt = axis.tickformat or ""
    if axis.tickmode == "array":  # explicit ticks (first and last date labelled) stay
        return
    if axis.dtick is not None or "%Y" not in fmt or "%d" in fmt or "%-d" in fmt:
        return
    span = _date_span(fig)
    if span is None:
        return
    low, high = span
    months = (high.year - low.year) * 12 + high.month - low.month + 1
    if months > 24:
        return
    size = fig.layout.font.size or theme.BASE_FONT_SIZE
    label = text_width(low.strftime(fmt.replace("%-", "%")), size) + size
    fitting = max(1, int((width - 120) / label))
    step = next((step for step in (1, 2, 3, 6, 12) if months / step <= fitting), 12)
    fig.update_xaxes(dtick=f"M{step}", tick0=f"{low.year}-01-01", tickangle=0)


def _notes_below(fig: go.Figure) -> int:
    """Pixels taken by text the figure places under its plot (e.g. a timeline's numbered list
    of key events), so the source line goes below it rather than over it."""
    lines = 0
    for annotation in fig.layout.annotations or ():
        if annotation.yref == "paper" and (annotation.y or 0) <= 0 and annotation.text:
            lines = max(lines, str(annotation.text).count("<br>") + 1)
    return lines * 20 + (16 if lines else 0)


def _legend_height(fig: go.Figure, width: int) -> int:
    """Pixels a horizontal legend above the plot needs (rows × row height), 0 if none shows.
    Generous per item (swatch, gap, padding), so the estimate errs towards an extra row."""
    if fig.layout.showlegend is False:
        return 0
    names = [str(trace.name) for trace in fig.data if trace.name and trace.showlegend is not False]
    if len(names) < 2 and fig.layout.showlegend is not True:
        return 0
    size = (fig.layout.legend.font.size if fig.layout.legend.font else None) or (
        fig.layout.font.size or theme.BASE_FONT_SIZE
    )
    rows, used = 1, 0.0
    for name in names:
        item = text_width(name, size) + 56
        if used and used + item > width - 20:
            rows, used = rows + 1, 0.0
        used += item
    return rows * LEGEND_ROW_HEIGHT + 6


def decorate(
    fig: go.Figure, *, title: str, sources: Sequence[str], lang: Lang, width: int, height: int
) -> go.Figure:
    """A copy of ``fig`` sized ``width`` × ``height`` with ``title`` above the plot and the
    source line with the as-of date at the bottom, in the theme's fonts."""
    decorated = go.Figure(fig)
    _month_ticks(decorated, width)
    margin = decorated.layout.margin
    # The source line is placed in plot coordinates: it must fit the plot's own width.
    usable = width - int(margin.l or 10) - max(int(margin.r or 0), 20) - 20

    def measure(line: str) -> float:
        return text_width(line, SOURCE_FONT_SIZE)

    text = source_line(sources, lang, lambda line: len(fonts.wrap(line, usable, measure)) <= 2)
    lines = fonts.wrap(text, usable, measure)
    text_height = SOURCE_LINE_HEIGHT * len(lines)
    bottom = _axis_band(decorated, width) + _notes_below(decorated) + text_height + 12
    title_lines = fonts.wrap(title, width - 30, lambda line: text_width(line, TITLE_FONT_SIZE))
    title_height = 14 + TITLE_LINE_HEIGHT * len(title_lines)
    legend_height = _legend_height(decorated, width)
    decorated.update_layout(
        width=width,
        height=height,
        font_family=theme.FONT_FAMILY,
        title={
            "text": "<br>".join(title_lines),
            "x": 0.012,
            "xanchor": "left",
            "xref": "container",
            "y": 1 - 8 / height,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": TITLE_FONT_SIZE, "family": theme.FONT_FAMILY, "color": "#1a1a1a"},
        },
        # Title, then the legend in the band below it (placed by the container, so the two
        # can never overlap however many rows the legend takes), then the plot.
        margin={
            "t": title_height + legend_height + 12,
            "b": bottom,
            "l": margin.l or 10,
            "r": max(int(margin.r or 0), 20),
        },
    )
    if legend_height:
        decorated.update_layout(
            legend={
                "orientation": "h",
                "xref": "container",
                "x": 0.012,
                "xanchor": "left",
                "yref": "container",
                "y": 1 - title_height / height,
                "yanchor": "top",
            }
        )
    decorated.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        xanchor="right",
        yanchor="top",
        yshift=-(bottom - text_height - 8),
        align="left",
        showarrow=False,
        font={"size": SOURCE_FONT_SIZE, "color": "#444444", "family": theme.FONT_FAMILY},
    )
    return decorated


# --- The per-chart download API ------------------------------------------------------------------


@dataclass(frozen=True)
class ChartRequest:
    """One chart to draw: the figure, its title and the publishers of the rows it shows."""

    fig: go.Figure
    title: str
    sources: Sequence[str]


def chart_image(
    fig: go.Figure,
    *,
    title: str,
    sources: list[str],
    lang: Lang,
    fmt: Format,
    size: tuple[int, int] = DOWNLOAD_SIZE,
    renderer: ChartRenderer | None = None,
) -> bytes:
    """One chart as PNG (drawn at twice ``size`` for sharp print) or SVG bytes, with its title,
    source line and as-of date on the image. Starts a browser for this call unless a running
    ``renderer`` is given. Raises :class:`ChartRenderingUnavailable` without Chromium."""
    return chart_images(
        [ChartRequest(fig, title, sources)], lang=lang, fmt=fmt, size=size, renderer=renderer
    )[0]


def chart_images(
    charts: Sequence[ChartRequest],
    *,
    lang: Lang,
    fmt: Format,
    size: tuple[int, int] = DOWNLOAD_SIZE,
    renderer: ChartRenderer | None = None,
) -> list[bytes]:
    """Many charts, in order, with one browser start (or through ``renderer`` if given)."""
    if renderer is None:
        with ChartRenderer() as own:
            return chart_images(charts, lang=lang, fmt=fmt, size=size, renderer=own)
    width, height = size
    scale = 2 if fmt == "png" else 1
    return [
        renderer.render(
            decorate(
                chart.fig,
                title=chart.title,
                sources=chart.sources,
                lang=lang,
                width=width,
                height=height,
            ),
            fmt,
            width=width,
            height=height,
            scale=scale,
        )
        for chart in charts
    ]


def slide_images(
    sections: Sequence[SlideContent],
    *,
    lang: Lang,
    size: tuple[int, int],
    renderer: ChartRenderer | None = None,
    sizes: Mapping[str, tuple[int, int]] | None = None,
) -> dict[str, bytes]:
    """PNG pictures of the briefing's chart slides by slide key, rendered with one browser
    start (``sizes``: a slide's own size, else ``size``). Slides without rows or without data
    get none (the export says why instead)."""
    if renderer is None:
        with ChartRenderer() as own:
            return slide_images(sections, lang=lang, size=size, renderer=own, sizes=sizes)
    drawable = [s for s in sections if s.figure is not None and s.row_count]
    pictures = {}
    for slide in drawable:
        request = ChartRequest(slide.figure, slide.chart_title, slide.publishers)  # type: ignore[arg-type]
        own_size = (sizes or {}).get(slide.key, size)
        pictures[slide.key] = chart_images(
            [request], lang=lang, fmt="png", size=own_size, renderer=renderer
        )[0]
    return pictures


def composed(
    state: ViewState,
    lang: Lang,
    frames: Frames | None,
    *,
    size: tuple[int, int],
    with_charts: bool,
    renderer: ChartRenderer | None,
    sizes: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[Briefing, dict[str, bytes]]:
    """The briefing's content and, unless ``with_charts`` is off, its chart pictures."""
    from dashboard.briefing.content import compose  # content imports nothing from here

    briefing = compose(state, lang, frames)
    pictures: dict[str, bytes] = {}
    if with_charts:
        pictures = slide_images(
            briefing.slides, lang=lang, size=size, renderer=renderer, sizes=sizes
        )
    return briefing, pictures
