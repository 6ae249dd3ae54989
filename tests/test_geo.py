"""The shipped boundary files: Crimea in Ukraine in every one of them (Simferopol, Sevastopol and
Kerch, point by point), the maps asking plotly for a file the app ships, and provenance for
each file in the data package."""

from __future__ import annotations

import json
from typing import Any

import pytest
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from dashboard import geo
from dashboard.figures import FIGURES
from dashboard.paths import DATAPACKAGE
from dashboard.slides import load_frames
from dashboard.state import default_state
from dashboard.views import BRIEFING

#: How far (degrees) a coastal point may lie off a coarse outline and still count as inside.
COAST = {"world_50m": 0.0, "world_110m": 0.05, "ukraine_adm1": 0.0}


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (lon, lat) points (delta-decoded when quantised)."""
    scale, translate = (1.0, 1.0), (0.0, 0.0)
    if "transform" in topology:
        scale = tuple(topology["transform"]["scale"])  # type: ignore[assignment]
        translate = tuple(topology["transform"]["translate"])  # type: ignore[assignment]
    out = []
    for arc in topology["arcs"]:
        x = y = 0.0
        points = []
        for dx, dy in arc:
            if "transform" in topology:
                x, y = x + dx, y + dy
                points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
            else:
                points.append((dx, dy))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _topojson_shapes(path: str) -> dict[str, Any]:
    """Country shapes of a TopoJSON file by ISO alpha-3 code (``properties.a3``)."""
    topology = json.loads((geo.GEO_DIR / path).read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = {}
    for item in topology["objects"]["countries"]["geometries"]:
        if item["type"] == "Polygon":
            polygons = [item["arcs"]]
        elif item["type"] == "MultiPolygon":
            polygons = item["arcs"]
        else:
            continue
        rings = [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
        # Slivers the quantisation collapsed to fewer than four points are no area at all.
        rings = [[r for r in polygon if len(r) >= 4] for polygon in rings]
        geometry = {"type": "MultiPolygon", "coordinates": [p for p in rings if p]}
        out[item["properties"]["a3"]] = shape(geometry).buffer(0)
    return out


@pytest.mark.parametrize("item", geo.FILES, ids=lambda item: item.name)
def test_every_shipped_outline_puts_crimea_in_ukraine(item: geo.BoundaryFile) -> None:
    tolerance = COAST[item.name]
    if item.path.endswith(".geojson"):
        features = json.loads((geo.GEO_DIR / item.path).read_text(encoding="utf-8"))["features"]
        ukraine = unary_union([shape(f["geometry"]).buffer(0) for f in features])
        by_id = {f["id"]: shape(f["geometry"]).buffer(0) for f in features}
        assert Point(geo.CRIMEA_POINTS["Simferopol"]).within(by_id["UA-43"])
        assert Point(geo.CRIMEA_POINTS["Sevastopol"]).within(by_id["UA-40"])
        russia = None
    else:
        countries = _topojson_shapes(item.path)
        ukraine, russia = countries["UKR"], countries["RUS"]
    for name, point in geo.CRIMEA_POINTS.items():
        where = Point(point)
        assert where.within(ukraine) or ukraine.distance(where) <= tolerance, (item.name, name)
        if russia is not None:
            assert not where.within(russia), (item.name, name)


def test_the_oblast_file_has_every_unit_once_with_its_iso_code() -> None:
    from dashboard.datasets.oblasts import OBLASTS

    features = geo.ukraine()["features"]
    ids = [feature["id"] for feature in features]
    assert sorted(ids) == sorted(OBLASTS) and len(ids) == 27


def test_maps_ask_plotly_for_an_outline_file_the_app_ships() -> None:
    assert (geo.GEO_DIR / f"{geo.WORLD}.json").is_file()
    assert geo.plotly_config()["topojsonURL"] == geo.TOPOJSON_URL == "app/static/geo/"
    frames, _ = load_frames()
    state = default_state(BRIEFING, "en")
    for name in ("oblast_map", "dprk_links_map"):
        figure = FIGURES[name]
        rows = figure.select(frames[figure.dataset.id], state)
        drawn = figure.draw(rows, state, "en", extra=figure.select_extra(frames, state))
        assert geo.is_map(drawn)
        subplots = [key for key in drawn.layout.to_plotly_json() if key.startswith("geo")]
        assert subplots
        for key in subplots:
            layout = drawn.layout[key]
            # plotly loads "<scope>_<resolution>m.json": world_110m, a file shipped
            assert f"world_{layout.resolution}m" == geo.WORLD
            assert (layout.scope or "world") == "world"
            assert layout.showcoastlines is False and layout.showocean is False


def test_each_boundary_file_has_its_provenance_and_licence_in_the_package() -> None:
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    listed = {entry["name"]: entry for entry in package["x_boundaries"]}
    assert set(listed) == {item.name for item in geo.FILES}
    assert listed["ukraine_adm1"]["licence"] == "ODbL-1.0"
    for entry in listed.values():
        assert entry["attribution"] and entry["licence_url"].startswith("https://")
        assert len(entry["sha256"]) == 64
