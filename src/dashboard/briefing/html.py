"""The briefing as one self-contained HTML file: the slides' narrative, interactive charts
(plotly.js inline, once), the positions table, talking points and anticipated questions, and
every source with its URL. It opens from a USB stick on any laptop: no server, no network, and
nothing is loaded from outside the file (no fonts, scripts, styles or pictures by URL).

    build_html(state, lang, frames=None) -> bytes
"""

from __future__ import annotations

import html
import json
from functools import cache

import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboard import geo
from dashboard.briefing.content import Briefing, SlideContent, Source, compose
from dashboard.charts.theme import FONT_FAMILY
from dashboard.i18n import Lang, t
from dashboard.slides import Frames
from dashboard.state import ViewState

LANG_TAGS = {"ja": "ja", "en": "en"}
#: The charts' toolbar: no logo, no links out, a PNG download at twice the size.
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showLink": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
CHART_HEIGHT = 520
#: Nothing may be fetched: no network, no other file; scripts and styles are the file's own.
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:"
)

STYLE = """
:root { --ink: #1a1a1a; --muted: #555; --accent: #0072b2; --panel: #f2f4f7; --line: #c9ced6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: FONT; line-height: 1.6; font-size: 17px; }
a { color: #005a8c; }
a:focus-visible, summary:focus-visible { outline: 3px solid #005a8c; outline-offset: 2px; }
header.cover, main, footer.page { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header.cover { padding-top: 24px; }
.kicker { color: var(--accent); font-weight: 700; margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.3; margin: .3rem 0 .6rem; }
h2 { font-size: 1.45rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem;
  margin-top: 2.4rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.meta { margin: .1rem 0; }
.marking { display: inline-block; border: 2px solid #b00020; color: #b00020; font-weight: 700;
  padding: 0 .5rem; margin: .4rem 0; }
.filters { background: var(--panel); border-left: 4px solid var(--accent); padding: .6rem 1rem; }
.filters ul { margin: .2rem 0; }
nav.contents ol { columns: 2; }
.muted { color: var(--muted); font-size: .92rem; }
.chart { border: 1px solid var(--line); padding: 6px; margin: .6rem 0; }
figure { margin: 0; }
figcaption { font-size: .92rem; color: var(--muted); margin-top: .3rem; }
.points li { margin-bottom: .3rem; }
.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.metric { background: var(--panel); padding: .8rem 1rem; }
.metric .value { font-size: 2rem; font-weight: 700; color: var(--accent); display: block; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .6rem 0; }
caption { text-align: left; font-weight: 700; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top;
  text-align: left; }
thead th { background: var(--panel); }
details { background: #fafbfc; border: 1px solid var(--line); padding: .4rem .8rem;
  margin: .8rem 0; }
summary { cursor: pointer; font-weight: 700; }
dl.qa dt { font-weight: 700; margin-top: .5rem; }
dl.qa dd { margin-left: 1.5rem; }
ol.sources li { margin-bottom: .3rem; word-break: break-word; }
footer.page { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: .6rem;
  padding-bottom: 2rem; }
@media print { details { display: block; } .chart { break-inside: avoid; } }
""".replace("FONT", FONT_FAMILY)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@cache
def _plotly_js() -> str:
    """plotly.js, inline, with any ``</script`` in it broken so the file's script stays whole."""
    return get_plotlyjs().replace("</script", "<\\/script")


def _refs(sources: tuple[Source, ...]) -> str:
    return ", ".join(f'<a href="#src-{s.number}">[{s.number}]</a>' for s in sources)


def _chart(slide: SlideContent, lang: Lang) -> str:
    if slide.figure is None or not slide.row_count:
        if slide.missing:
            reason = t("briefing.data_missing", lang, datasets=", ".join(slide.missing))
        else:
            reason = t("briefing.no_rows", lang)
        return f'<p class="muted">{_e(reason)}</p>'
    figure = slide.figure
    figure.update_layout(height=CHART_HEIGHT, width=None, autosize=True)
    div_id = f"chart-{slide.key}"
    data = pio.to_json(figure, validate=False, pretty=False, engine="json").replace("</", "<\\/")
    script = (
        f"(function(){{var f={data};"
        f"Plotly.newPlot({json.dumps(div_id)}, f.data, f.layout, {json.dumps(CONFIG)});}})();"
    )
    caption = " ".join(
        part
        for part in (
            slide.window,
            t("briefing.sources", lang) + ("：" if lang == "ja" else ": ") + _refs(slide.sources),
        )
        if part
    )
    return (
        f'<figure class="chart"><div id="{div_id}" role="img" aria-label="{_e(slide.alt)}"'
        f' style="height:{CHART_HEIGHT}px"></div>'
        f"<script>{script}</script>"
        f"<figcaption>{_e(slide.alt)}<br>{caption}</figcaption>"
        "</figure>"
    )


def _list(items: tuple[str, ...], css: str = "points") -> str:
    if not items:
        return ""
    return f'<ul class="{css}">' + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _notes(slide: SlideContent, lang: Lang) -> str:
    if not slide.has_notes:
        return ""
    parts = [f"<details><summary>{_e(t('briefing.notes_summary', lang))}</summary>"]
    if slide.own_talking:
        parts.append(f"<h3>{_e(t('briefing.talking_own', lang))}</h3>{_list(slide.own_talking)}")
    if slide.talking:
        parts.append(f"<h3>{_e(t('briefing.talking_editors', lang))}</h3>{_list(slide.talking)}")
    if slide.questions:
        parts.append(f'<h3>{_e(t("briefing.questions", lang))}</h3><dl class="qa">')
        ask, answer = t("briefing.ask", lang), t("briefing.answer", lang)
        colon = "：" if lang == "ja" else ": "
        for question, reply in slide.questions:
            parts.append(
                f"<dt>{_e(ask + colon + question)}</dt><dd>{_e(answer + colon + reply)}</dd>"
            )
        parts.append("</dl>")
    parts.append("</details>")
    return "".join(parts)


def _table(slide: SlideContent, lang: Lang) -> str:
    note = t("briefing.positions_note", lang) if slide.kind == "positions" else slide.window
    out = [f'<p class="muted">{_e(note)}</p>']
    for group in slide.groups:
        out.append(f"<table><caption>{_e(group.title)}</caption><thead><tr>")
        out += [f'<th scope="col">{_e(name)}</th>' for name in group.columns]
        out.append("</tr></thead><tbody>")
        for row in group.rows:
            out.append(f'<tr><th scope="row">{_e(row[0])}</th>')
            out += [f"<td>{_e(cell)}</td>" for cell in row[1:]]
            out.append("</tr>")
        out.append("</tbody></table>")
    if slide.sources:
        out.append(
            f'<p class="muted">{_e(t("briefing.sources", lang))}: {_refs(slide.sources)}</p>'
        )
    return "".join(out)


def _section(slide: SlideContent, briefing: Briefing) -> str:
    lang = briefing.lang
    head = f'<section id="{_e(slide.key)}" aria-labelledby="h-{_e(slide.key)}">'
    head += f'<h2 id="h-{_e(slide.key)}">{_e(slide.title)}</h2>'
    if slide.section and slide.kind != "text":
        head += f'<p class="muted">{_e(slide.section)}</p>'
    body = ""
    if slide.kind == "summary":
        body = (
            f"<h3>{_e(t('briefing.judgements', lang))}</h3>{_list(slide.judgements)}"
            f"<h3>{_e(t('briefing.japan', lang))}</h3>{_list(slide.japan)}"
            f'<p class="muted">{_e(t("briefing.summary_note", lang))}</p>'
        )
    elif slide.kind == "numbers":
        cards = "".join(
            f'<div class="metric"><span>{_e(m.label)}</span>'
            f'<span class="value">{_e(m.value)}</span><span class="muted">{_e(m.note)}</span></div>'
            for m in slide.metrics
        )
        key = "briefing.numbers_note_latest" if briefing.forecasts else "briefing.numbers_note"
        body = f'<div class="metrics">{cards}</div><p class="muted">{_e(t(key, lang))}</p>'
    elif slide.kind == "chart":
        body = _chart(slide, lang) + _list(slide.bullets)
    elif slide.kind in ("positions", "table"):
        body = _table(slide, lang)
    elif slide.kind == "text":
        body = _list(slide.bullets)
    elif slide.kind == "forecasts":
        items = []
        for item in briefing.forecasts:
            items.append(
                f"<li><strong>{_e(item.head(lang))}</strong><br>{_e(item.text)}"
                f'<br><span class="muted">{_e(item.why)} {_refs(item.sources)}</span></li>'
            )
        body = f'<p class="muted">{_e(t("forecast.caption", lang))}</p><ul>{"".join(items)}</ul>'
    elif slide.kind == "sources":
        listed = "".join(
            f'<li id="src-{s.number}" value="{s.number}">{_e(s.publisher)} — {_e(s.title)} — '
            f'<a href="{_e(s.url)}">{_e(s.url)}</a></li>'
            for s in briefing.sources
        )
        body = f'<ol class="sources">{listed}</ol>'
    return head + body + _notes(slide, lang) + "</section>"


def html_from(briefing: Briefing) -> bytes:
    """The HTML file of a composed briefing."""
    lang = briefing.lang
    contents = "".join(
        f'<li><a href="#{_e(s.key)}">{_e(s.title)}</a></li>'
        for s in briefing.slides
        if s.kind != "title"
    )
    marking = f'<p class="marking">{_e(briefing.footer)}</p>' if briefing.footer else ""
    date = f'<p class="meta"><strong>{_e(briefing.date)}</strong></p>' if briefing.date else ""
    filters = "".join(f"<li>{_e(line)}</li>" for line in briefing.filters)
    sections = "".join(_section(s, briefing) for s in briefing.slides if s.kind != "title")
    sources_note = ""
    if "sources" not in briefing.keys and briefing.sources:  # sources always travel with the file
        sources_note = _section(
            SlideContent(key="sources", kind="sources", title=t("briefing.sources_title", lang)),
            briefing,
        )
    maps = any(s.figure is not None and geo.is_map(s.figure) for s in briefing.slides)
    # A map's outlines travel inside the file: plotly takes them from PlotlyGeoAssets.
    geo_script = f"<script>{geo.geo_assets_script()}</script>" if maps else ""
    document = f"""<!DOCTYPE html>
<html lang="{LANG_TAGS[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{_e(briefing.title)} — {_e(briefing.kicker)}</title>
<style>{STYLE}</style>
<script>{_plotly_js()}</script>
{geo_script}
</head>
<body>
<header class="cover">
{marking}
<p class="kicker">{_e(briefing.kicker)}</p>
<h1>{_e(briefing.title)}</h1>
<p class="meta">{_e(briefing.byline)}</p>
<p class="meta muted">{_e(briefing.publisher)}</p>
<p class="meta"><strong>{_e(briefing.as_of)}</strong></p>
{date}
<div class="filters"><strong>{_e(t("briefing.filters_heading", lang))}</strong>
<ul>{filters}</ul></div>
<nav class="contents" aria-label="{_e(t("briefing.contents", lang))}">
<h2>{_e(t("briefing.contents", lang))}</h2><ol>{contents}</ol></nav>
</header>
<main>
{sections}{sources_note}
</main>
<footer class="page">
{marking}
<p class="muted">{_e(briefing.kicker)} · {_e(briefing.as_of)}</p>
<p class="muted">{_e(t("briefing.licence", lang))}</p>
</footer>
</body>
</html>
"""
    return document.encode("utf-8")


def build_html(state: ViewState, lang: Lang, frames: Frames | None = None) -> bytes:
    """The briefing for ``state`` in ``lang`` as one self-contained HTML file (bytes)."""
    return html_from(compose(state, lang, frames))
