"""Maps: Ukraine by oblast (how each plan and party treats each oblast) and the Russia–DPRK links
the chapter names. Pure builders: rows in, plotly figure out.

Both draw on the shipped boundary files (``dashboard.geo``): the oblasts from their GeoJSON, the
country outlines from the world TopoJSON plotly loads from the app itself (never a CDN). Every
category keeps its colour and its marker symbol whatever is filtered.
"""

from __future__ import annotations

import math
from functools import cache
from itertools import pairwise
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import geo
from dashboard.charts import layer, theme
from dashboard.i18n import Lang, format_date, label, t

NO_STATEMENT = "#eeeeee"
BORDER = "#737373"
LAND = "#f7f7f7"
COUNTRY_LINES = "#8c8c8c"
#: The frame of the oblast maps: Ukraine with a margin (longitude, latitude).
UKRAINE_FRAME = {"lon": (21.5, 41.0), "lat": (44.0, 52.6)}
#: The frame of the links map: from Kursk and Moscow to Pyongyang and Vladivostok.
LINKS_FRAME = {"lon": (28.0, 146.0), "lat": (33.0, 61.0)}
TREATMENT_SYMBOL = {
    "recognised_russian": "circle",
    "frozen_line": "diamond",
    "partial_withdrawal": "triangle-up",
}


def _two_lines(title: str) -> str:
    """A subplot's title with its bracketed part on a second line (a map half the chart wide
    has no room for "DeepState (Ukrainian monitoring project)" on one)."""
    return title.replace("（", "<br>（", 1).replace(" (", "<br>(", 1)


def _title_room(titles: list[str]) -> int:
    """Top margin for the first row's subplot titles: 20 px a line above 14 px of padding."""
    lines = max((title.count("<br>") + 1 for title in titles), default=1)
    return 14 + 20 * lines + 6


def _geo(frame: dict[str, tuple[float, float]], **extra: Any) -> dict[str, Any]:
    """A geo subplot on the shipped outlines: land and country borders, no other base layer."""
    return {
        "resolution": geo.RESOLUTION,
        "projection": {"type": "mercator"},
        "lonaxis": {"range": list(frame["lon"])},
        "lataxis": {"range": list(frame["lat"])},
        "showland": True,
        "landcolor": LAND,
        "showcountries": True,
        "countrycolor": COUNTRY_LINES,
        "countrywidth": 0.8,
        "showcoastlines": False,
        "showocean": False,
        "showlakes": False,
        "showrivers": False,
        "showsubunits": False,
        "showframe": False,
        "bgcolor": "rgba(0,0,0,0)",
        **extra,
    }


def _ring_centre(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring: the shoelace centroid."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


@cache
def centres() -> dict[str, tuple[float, float]]:
    """Each oblast's label point: the centroid of its largest polygon (lon, lat)."""
    out = {}
    for feature in geo.ukraine()["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        best = max((_ring_centre(polygon[0]) for polygon in polygons), key=lambda c: c[0])
        out[str(feature["id"])] = (best[1], best[2])
    return out


def _hover(row: Any, lang: Lang) -> str:
    statement = str(getattr(row, f"statement_{lang}"))
    wrapped = "<br>".join(_wrap(statement, 34 if lang == "ja" else 60))
    source = t("chart.hover_source", lang)
    return (
        f"<b>{label('oblast', row.oblast, lang)}</b> · {label('actor', row.actor, lang)}<br>"
        f"{label('treatment', row.treatment, lang)}<br>{wrapped}<br>"
        f"<i>{source}: {row.source_publisher}（{format_date(row.as_of, lang)}）</i>"
        if lang == "ja"
        else f"<b>{label('oblast', row.oblast, lang)}</b> · {label('actor', row.actor, lang)}<br>"
        f"{label('treatment', row.treatment, lang)}<br>{wrapped}<br>"
        f"<i>{source}: {row.source_publisher} ({format_date(row.as_of, lang)})</i>"
    )


def _wrap(text: str, width: int) -> list[str]:
    if " " not in text:  # Japanese: by characters
        return [text[i : i + width] for i in range(0, len(text), width)] or [""]
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def oblasts(rows: pd.DataFrame, lang: Lang, **_: Any) -> go.Figure:
    """Four small maps, one per plan or party: each oblast a position names, shaded by how it
    treats it (colour, and a marker of its own symbol at the oblast's centre); every other
    oblast pale grey, 'not named in this position'."""
    from dashboard.datasets.ceasefire_positions import ACTORS
    from dashboard.datasets.oblast_positions import TREATMENTS

    actors = list(ACTORS)
    titles = [_two_lines(label("actor", actor, lang)) for actor in actors]
    fig = make_subplots(
        rows=2,
        cols=2,
        specs=[[{"type": "geo"}, {"type": "geo"}], [{"type": "geo"}, {"type": "geo"}]],
        subplot_titles=titles,
        horizontal_spacing=0.02,
        vertical_spacing=0.08,
    )
    shapes = geo.ukraine()
    all_ids = [str(feature["id"]) for feature in shapes["features"]]
    points = centres()
    named = t("map.not_named", lang)
    shown_in_legend: set[str] = set()
    # One area trace per map (the oblasts' outlines travel once per map, not once per
    # category): each oblast's colour is its treatment's, pale grey where none is named.
    colours = [NO_STATEMENT, *(theme.colour("treatment", code) for code in TREATMENTS)]
    steps = len(colours)
    scale = [
        [edge, colour]
        for position, colour in enumerate(colours)
        for edge in (position / steps, (position + 1) / steps)
    ]
    for index, actor in enumerate(actors):
        place = {"row": index // 2 + 1, "col": index % 2 + 1}
        mine = rows[rows["actor"] == actor].set_index("oblast", drop=False)
        codes, hovers = [], []
        for code in all_ids:
            if code in mine.index:
                row = mine.loc[code]
                codes.append(TREATMENTS.index(str(row["treatment"])) + 1.5)
                hovers.append(_hover(next(mine.loc[[code]].itertuples(index=False)), lang))
            else:
                codes.append(0.5)
                hovers.append(f"<b>{label('oblast', code, lang)}</b><br>{named}")
        fig.add_trace(
            go.Choropleth(
                geojson=shapes,
                featureidkey="id",
                locations=all_ids,
                z=codes,
                zmin=0,
                zmax=steps,
                colorscale=scale,
                showscale=False,
                marker={"line": {"color": BORDER, "width": 0.7}},
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
                name=label("actor", actor, lang),
                showlegend=False,
            ),
            **place,
        )
        for treatment in TREATMENTS:
            chosen = mine[mine["treatment"] == treatment]
            if chosen.empty:
                continue
            colour = theme.colour("treatment", treatment)
            late = layer.late_flags(chosen)
            marker: dict[str, Any] = {
                "symbol": TREATMENT_SYMBOL.get(treatment, "circle"),
                "size": 11,
                "color": colour,
                "line": {"color": "#1a1a1a", "width": 1.2},
            }
            fig.add_trace(
                go.Scattergeo(
                    lon=[points[code][0] for code in chosen["oblast"]],
                    lat=[points[code][1] for code in chosen["oblast"]],
                    mode="markers",
                    marker={**marker, "line": layer.edges_for(late, marker["line"])},
                    hovertext=[_hover(row, lang) for row in chosen.itertuples(index=False)],
                    hovertemplate="%{hovertext}<extra></extra>",
                    name=label("treatment", treatment, lang),
                    legendgroup=treatment,
                    showlegend=treatment not in shown_in_legend,
                ),
                **place,
            )
            shown_in_legend.add(treatment)
    fig.add_trace(  # the legend's entry for the oblasts a position does not name
        go.Scattergeo(
            lon=[None],
            lat=[None],
            mode="markers",
            marker={
                "symbol": "square",
                "size": 12,
                "color": NO_STATEMENT,
                "line": {"color": BORDER, "width": 1},
            },
            name=named,
            showlegend=True,
            legendrank=1,
        ),
        row=1,
        col=1,
    )
    for index in range(len(actors)):
        key = "geo" if index == 0 else f"geo{index + 1}"
        fig.layout[key].update(_geo(UKRAINE_FRAME))
    fig.update_layout(
        **theme.base_layout(lang, height=760),
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
        hoverlabel={"align": "left"},
    )
    fig.update_layout(margin={"l": 4, "r": 4, "t": _title_room(titles), "b": 70})
    return fig


def _midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The middle of the great-circle arc from ``a`` to ``b`` (lon, lat): where plotly draws the
    line between them."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    bx = math.cos(lat2) * math.cos(lon2 - lon1)
    by = math.cos(lat2) * math.sin(lon2 - lon1)
    lat = math.atan2(math.sin(lat1) + math.sin(lat2), math.hypot(math.cos(lat1) + bx, by))
    lon = lon1 + math.atan2(by, math.cos(lat1) + bx)
    return math.degrees(lon), math.degrees(lat)


#: Where each place's name stands beside it (names of places close together would overlap).
LABEL_POSITION = {
    "moscow": "top center",
    "kursk": "bottom center",
    "pyongyang": "middle left",
    "wonsan": "bottom right",
    "vladivostok": "top right",
}
#: Places this close (degrees) to one already named get no name of their own (hover says it).
LABEL_SPACING = 1.2


def _offsets(count: int, radius: float = 0.9) -> list[tuple[float, float]]:
    """Small offsets in a ring, so several events at one place are each hoverable."""
    if count <= 1:
        return [(0.0, 0.0)]
    return [
        (
            radius * math.cos(2 * math.pi * i / count),
            radius * 0.6 * math.sin(2 * math.pi * i / count),
        )
        for i in range(count)
    ]


def links(
    rows: pd.DataFrame,
    lang: Lang,
    *,
    extra: dict[str, pd.DataFrame] | None = None,
    **_: Any,
) -> go.Figure:
    """The links (flights, trains, troops sent and brought home) as straight lines from where
    they begin to where they end, and the events at one place as markers there; colour and
    symbol by domain, the places named."""
    places = (extra or {}).get("places")
    fig = go.Figure()
    if places is None or places.empty:
        return fig
    where = {
        str(p.id): (float(p.lon), float(p.lat), str(getattr(p, f"name_{lang}")))
        for p in places.itertuples()
    }
    drawn = rows[rows["place"].notna() & rows["place"].isin(list(where))]
    used: set[str] = set()
    legend: set[str] = set()
    late_any = False
    for domain in drawn["domain"].drop_duplicates():
        of_domain = drawn[drawn["domain"] == domain]
        colour, symbol = theme.colour("domain", domain), theme.symbol("domain", domain)
        lines = of_domain[of_domain["place_to"].notna() & of_domain["place_to"].isin(list(where))]
        lon: list[float | None] = []
        lat: list[float | None] = []
        for row in lines.itertuples(index=False):
            start, end = where[str(row.place)], where[str(row.place_to)]
            lon += [start[0], end[0], None]
            lat += [start[1], end[1], None]
            used.update((str(row.place), str(row.place_to)))
        name = label("domain", domain, lang)
        if lon:
            fig.add_trace(
                go.Scattergeo(
                    lon=lon,
                    lat=lat,
                    mode="lines",
                    line={"color": colour, "width": 2.2},
                    hoverinfo="skip",
                    name=name,
                    legendgroup=domain,
                    showlegend=False,
                )
            )
        # One marker per event: at a link's middle, or at its place (several in a ring).
        mx, my, texts = [], [], []
        keys = [
            f"{row.place}>{row.place_to}" if pd.notna(row.place_to) else str(row.place)
            for row in of_domain.itertuples(index=False)
        ]
        counts = pd.Series(keys, dtype=str).value_counts().to_dict()
        seen: dict[str, int] = {}
        for row in of_domain.itertuples(index=False):
            start = where[str(row.place)]
            if pd.notna(row.place_to) and str(row.place_to) in where:
                end = where[str(row.place_to)]
                key = f"{row.place}>{row.place_to}"
                x, y = _midpoint(start[:2], end[:2])
                path = f"{start[2]} → {end[2]}"
            else:
                key = str(row.place)
                x, y = start[0], start[1]
                path = start[2]
                used.add(key)
            offsets = _offsets(counts.get(key, 1))  # several events on one link or place
            dx, dy = offsets[seen.get(key, 0) % len(offsets)]
            seen[key] = seen.get(key, 0) + 1
            x, y = x + dx, y + dy
            mx.append(x)
            my.append(y)
            title = str(getattr(row, f"title_{lang}"))
            texts.append(
                f"<b>{format_date(row.date, lang)}</b> {title}<br>{path}<br>"
                f"<i>{t('chart.hover_source', lang)}: {row.source_publisher}</i>"
            )
        late = layer.late_flags(of_domain)
        late_any |= any(late)
        marker: dict[str, Any] = {
            "symbol": symbol,
            "size": 12,
            "color": colour,
            "line": dict(theme.OUTLINE),
        }
        fig.add_trace(
            go.Scattergeo(
                lon=mx,
                lat=my,
                mode="markers",
                marker={**marker, "line": layer.edges_for(late, marker["line"])},
                hovertext=texts,
                hovertemplate="%{hovertext}<extra></extra>",
                name=name,
                legendgroup=domain,
                showlegend=domain not in legend,
            )
        )
        legend.add(domain)
    named: list[tuple[str, tuple[float, float, str]]] = []
    for key, place in where.items():
        if key not in used:
            continue
        if any(math.dist(place[:2], other[:2]) < LABEL_SPACING for _, other in named):
            continue
        named.append((key, place))
    fig.add_trace(
        go.Scattergeo(
            lon=[place[0] for _, place in named],
            lat=[place[1] for _, place in named],
            mode="text",
            text=[place[2] for _, place in named],
            textposition=[LABEL_POSITION.get(key, "top left") for key, _ in named],
            textfont={"size": 14, "color": theme.TEXT},
            hoverinfo="skip",
            showlegend=False,
            name=t("map.places", lang),
        )
    )
    if late_any:  # the follow-up layer's events: a thick dark-blue edge, and its legend entry
        entry = layer.legend_entry(lang, kind="scatter")
        fig.add_trace(
            go.Scattergeo(
                lon=[None],
                lat=[None],
                mode="markers",
                marker=entry["marker"],
                name=entry["name"],
                showlegend=True,
                legendrank=1,
            )
        )
    fig.update_layout(
        **theme.base_layout(lang, height=470),
        geo=_geo(LINKS_FRAME, projection={"type": "natural earth"}),
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
    )
    fig.update_layout(margin={"l": 4, "r": 4, "t": 20, "b": 60})
    return fig


#: Share under Russian control: light to dark, the same scale on every map (0–100 %).
CONTROL_SCALE = [
    [0.0, "#fff5eb"],
    [0.25, "#fdbe85"],
    [0.5, "#fd8d3c"],
    [0.75, "#d94701"],
    [1.0, "#7f2704"],
]
MAX_FACETS = 4


def latest_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Per estimator and oblast, the row with the latest ``as_of`` among ``rows``."""
    ordered = rows.sort_values(["estimator", "oblast", "as_of"])
    return ordered.groupby(["estimator", "oblast"], sort=False).tail(1)


def control(rows: pd.DataFrame, lang: Lang, **_: Any) -> go.Figure:
    """One map per estimator (those covering most oblasts first, at most four): each oblast's
    latest figure, its colour at the middle of a stated range; grey where it gives none."""
    from dashboard.datasets.oblast_control import share_text

    latest = latest_shares(rows)
    order = latest.groupby("estimator")["oblast"].nunique().sort_values(ascending=False)
    estimators = [code for code in order.index][:MAX_FACETS]
    titles = [_two_lines(label("estimator", code, lang)) for code in estimators] or [""]
    count = max(1, len(estimators))
    columns = 2 if count > 1 else 1
    grid_rows = (count + 1) // 2 if count > 1 else 1
    fig = make_subplots(
        rows=grid_rows,
        cols=columns,
        specs=[[{"type": "geo"}] * columns for _ in range(grid_rows)],
        subplot_titles=titles,
        horizontal_spacing=0.02,
        vertical_spacing=0.08,
    )
    shapes = geo.ukraine()
    all_ids = [str(feature["id"]) for feature in shapes["features"]]
    none = t("map.no_figure", lang)
    for index, estimator in enumerate(estimators):
        place = {"row": index // columns + 1, "col": index % columns + 1}
        fig.add_trace(
            go.Choropleth(
                geojson=shapes,
                featureidkey="id",
                locations=all_ids,
                z=[0] * len(all_ids),
                colorscale=[[0, NO_STATEMENT], [1, NO_STATEMENT]],
                showscale=False,
                marker={"line": {"color": BORDER, "width": 0.6}},
                hovertemplate="<b>%{customdata}</b><br>" + none + "<extra></extra>",
                customdata=[label("oblast", code, lang) for code in all_ids],
                name=none,
                showlegend=index == 0,
            ),
            **place,
        )
        mine = latest[latest["estimator"] == estimator]
        texts = []
        for row in mine.itertuples(index=False):
            share = share_text(float(row.share_pct_low), float(row.share_pct_high))
            when = format_date(row.as_of, lang)
            source = t("chart.hover_source", lang)
            texts.append(
                f"<b>{label('oblast', row.oblast, lang)}</b>: {share}<br>"
                f"{label('estimator', row.estimator, lang)} · {when}<br>"
                f"<i>{source}: {row.source_publisher}</i>"
            )
        fig.add_trace(
            go.Choropleth(
                geojson=shapes,
                featureidkey="id",
                locations=list(mine["oblast"]),
                z=list((mine["share_pct_low"] + mine["share_pct_high"]) / 2),
                zmin=0,
                zmax=100,
                colorscale=CONTROL_SCALE,
                showscale=index == 0,
                colorbar={
                    "title": {"text": t("map.share_axis", lang)},
                    "ticksuffix": "%",
                    "len": 0.6,
                    "thickness": 14,
                },
                marker={"line": {"color": "#1a1a1a", "width": 0.9}},
                hovertext=texts,
                hovertemplate="%{hovertext}<extra></extra>",
                name=label("estimator", estimator, lang),
                showlegend=False,
            ),
            **place,
        )
    for index in range(max(1, len(estimators))):
        key = "geo" if index == 0 else f"geo{index + 1}"
        fig.layout[key].update(_geo(UKRAINE_FRAME))
    height = 420 if grid_rows == 1 else 760
    fig.update_layout(
        **theme.base_layout(lang, height=height),
        legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0},
    )
    fig.update_layout(margin={"l": 4, "r": 4, "t": _title_room(titles), "b": 50})
    return fig
