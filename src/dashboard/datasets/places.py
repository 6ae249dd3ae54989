"""places: where the Russia–DPRK links the chapter names begin and end (Moscow, Pyongyang, the
Khasan–Tumangang crossing, the Tumen road bridge, Vladivostok, Wonsan, Kursk), with the
coordinates their source states. A gazetteer for the links map, not a timeline: no dates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, SourcedRow
from dashboard.datasets.spec import Dataset
from dashboard.i18n import Lang

#: The places the links map may draw (the CSV's ids, declared so other datasets can refer to them).
PLACES = (
    "moscow",
    "pyongyang",
    "khasan",
    "tumangang",
    "tumen_bridge",
    "vladivostok",
    "wonsan",
    "kursk",
)


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN, isin=PLACES)
    name_ja: Series[str]
    name_en: Series[str]
    lat: Series[float] = pa.Field(ge=-90, le=90)
    lon: Series[float] = pa.Field(ge=-180, le=180)
    coordinates_as_stated: Series[str]


def _cite(row: Mapping[str, Any], lang: Lang) -> str:
    return f"{row[f'name_{lang}']}: {row['lat']:.4f}, {row['lon']:.4f}"


DATASET = Dataset(
    id="places",
    schema=Schema,
    date="source_accessed",
    page="dprk_russia",
    order=95,
    cite=_cite,
    filter_by_date=False,
    layered=False,
    table=(
        ("name_LANG", ("地名", "Place")),
        ("lat", ("緯度", "Latitude")),
        ("lon", ("経度", "Longitude")),
        ("coordinates_as_stated", ("出典の記載", "As the source states it")),
    ),
)
