"""Interface strings, category labels and date formats in Japanese (default) and English.

Strings live in ``strings.toml`` beside this module: one table per key with ``ja`` and ``en``.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
from babel.dates import format_date as babel_format_date

from dashboard.paths import PACKAGE_DIR

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")
DEFAULT_LANG: Lang = "ja"

_DATE_FORMATS = {"ja": "y年M月d日", "en": "d MMM y"}
_MONTH_FORMATS = {"ja": "y年M月", "en": "MMM y"}
_LOCALES = {"ja": "ja_JP", "en": "en_GB"}
#: plotly axis tick formats (d3-time-format), since plotly.py cannot load plotly.js locales.
AXIS_DATE_FORMAT = {"ja": "%Y年%-m月", "en": "%b %Y"}


@cache
def strings() -> dict[str, dict[str, str]]:
    with (PACKAGE_DIR / "strings.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return _flatten(data)


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, dict[str, str]]:
    flat: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) == set(LANGS):
            flat[name] = value
        elif isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
    return flat


def t(key: str, lang: Lang, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = strings()[key][lang]
    return text.format(**values) if values else text


def label(field: str, code: object, lang: Lang) -> str:
    """The display label of a category code, e.g. ``label("jurisdiction", "EU", "ja")``.

    Datasets declare their codes' labels (``dashboard.datasets``); lanes come from their
    datasets' declarations; other code families (errata kinds, sections) from strings.toml.
    """
    from dashboard.datasets import codes
    from dashboard.datasets.spec import in_lang

    item = codes(field).get(str(code))
    if item is not None:
        return item.label(lang)
    if field in ("lane", "overlay"):
        lane = _lane_labels(field).get(str(code))
        if lane is not None:
            return in_lang(lane, lang)
    entry = strings().get(f"codes.{field}.{code}")
    return entry[lang] if entry else str(code)


@cache
def _lane_labels(field: str) -> dict[str, tuple[str, str]]:
    from dashboard import events

    found = {}
    for spec in events.lanes():
        lane = spec.lane
        assert lane is not None
        found[lane.code] = (lane.overlay_label or lane.label) if field == "overlay" else lane.label
    return found


def format_date(
    value: date | datetime | pd.Timestamp | None, lang: Lang, *, month: bool = False
) -> str:
    """``2025年10月23日`` in Japanese, ``23 Oct 2025`` in English; ``—`` when missing."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return "—"
    if isinstance(value, pd.Timestamp | datetime):
        value = value.date()
    return _formatted(value, lang, month)


@lru_cache(maxsize=8192)
def _formatted(day: date, lang: Lang, month: bool) -> str:
    """Babel's formatting, remembered: the same few hundred dates are shown on every rerun."""
    pattern = (_MONTH_FORMATS if month else _DATE_FORMATS)[lang]
    return babel_format_date(day, pattern, locale=_LOCALES[lang])


def format_dates(values: pd.Series, lang: Lang, *, month: bool = False) -> list[str]:
    """``format_date`` over a column: each distinct date is formatted once."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    formatted = np.array(
        [format_date(value, lang, month=month) for value in distinct], dtype=object
    )
    return formatted[codes].tolist()
