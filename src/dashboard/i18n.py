"""Interface strings, category labels and date formats in Japanese (default) and English.

Strings live in ``strings.toml`` beside this module: one table per key with ``ja`` and ``en``.
"""

from __future__ import annotations

import re
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


_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_DAY_SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_FISCAL = re.compile(r"^FY(\d{4})-(\d{2})$")
_AVERAGE = re.compile(r"^(\d{4})-(\d{4}) avg$")
_PACKAGE = re.compile(r"^pkg(\d+)$")


def period_label(period: object, lang: Lang) -> str:
    """A period code as a reader says it, the months always named.

    ``2024`` -> 2024年 / 2024; ``2025-03`` -> 2025年3月 / Mar 2025; ``2025-01/2025-07`` ->
    2025年1〜7月 / Jan–Jul 2025; ``2025Q3`` -> 2025年7〜9月期 / Q3 2025; ``2025-H1`` ->
    2025年上半期 / H1 2025; ``FY2024-25`` -> 2024年度 / FY2024-25; ``2022-2024 avg`` ->
    2022〜2024年の年平均 / 2022–2024 annual average; ``pkg19`` -> 第19次制裁パッケージ /
    19th package;
    a date ``YYYY-MM-DD`` -> the date; a span of dates -> both dates.
    """
    text = str(period)
    ja = lang == "ja"
    if re.fullmatch(r"\d{4}", text):
        return f"{text}年" if ja else text
    if match := _MONTH.match(text):
        year, month = match.group(1), int(match.group(2))
        return f"{year}年{month}月" if ja else f"{_MONTH_EN[month - 1]} {year}"
    if match := _SPAN.match(text):
        y1, m1, y2, m2 = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
        if y1 == y2:
            return f"{y1}年{m1}〜{m2}月" if ja else f"{_MONTH_EN[m1 - 1]}–{_MONTH_EN[m2 - 1]} {y1}"
        if ja:
            return f"{y1}年{m1}月〜{y2}年{m2}月"
        return f"{_MONTH_EN[m1 - 1]} {y1} – {_MONTH_EN[m2 - 1]} {y2}"
    if match := _QUARTER.match(text):
        year, quarter = match.group(1), int(match.group(2))
        first = 3 * quarter - 2
        return f"{year}年{first}〜{first + 2}月期" if ja else f"Q{quarter} {year}"
    if match := _HALF.match(text):
        year, half = match.group(1), match.group(2)
        return f"{year}年{'上' if half == '1' else '下'}半期" if ja else f"H{half} {year}"
    if match := _FISCAL.match(text):
        return f"{match.group(1)}年度（4月〜翌年3月）" if ja else text
    if match := _AVERAGE.match(text):
        since, until = match.group(1), match.group(2)
        return f"{since}〜{until}年の年平均" if ja else f"{since}–{until} annual average"
    if match := _PACKAGE.match(text):
        package = int(match.group(1))
        return f"第{package}次制裁パッケージ" if ja else f"{_ordinal(package)} package"
    if match := _DAY_SPAN.match(text):
        start, end = (date.fromisoformat(match.group(n)) for n in (1, 2))
        return (
            f"{format_date(start, lang)}〜{format_date(end, lang)}"
            if ja
            else (f"{format_date(start, lang)} – {format_date(end, lang)}")
        )
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return format_date(date.fromisoformat(text), lang)
    return text


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def number(value: float, unit: str, lang: Lang, *, digits: int | None = None) -> str:
    """A value with its unit as each language writes it: ``2,341億ドル`` / ``USD 234.1 bn``.

    Units: ``usd_bn``, ``eur_bn``, ``rub_trn``, ``rub_bn``, ``pct``, ``pp``, ``km2``,
    ``usd_per_bbl``, ``mbd`` (million barrels a day), ``mt`` (million tonnes), ``vessels``,
    ``persons``. Japanese uses 億 and 兆 for money, as the Japanese press does.
    """
    ja = lang == "ja"

    def fmt(amount: float, places: int) -> str:
        return f"{amount:,.{places}f}"

    if unit in ("usd_bn", "eur_bn"):
        currency = "ドル" if unit == "usd_bn" else "ユーロ"
        if ja:
            oku = value * 10
            if abs(oku) >= 10000:
                return f"{fmt(oku / 10000, 2 if digits is None else digits)}兆{currency}"
            return f"{fmt(oku, 0 if digits is None else digits)}億{currency}"
        symbol = "USD" if unit == "usd_bn" else "EUR"
        return f"{symbol} {fmt(value, 1 if digits is None else digits)} bn"
    if unit == "rub_trn":
        places = 2 if digits is None else digits
        return f"{fmt(value, places)}兆ルーブル" if ja else f"RUB {fmt(value, places)} trn"
    if unit == "rub_bn":
        if ja:
            return f"{fmt(value * 10, 0 if digits is None else digits)}億ルーブル"
        return f"RUB {fmt(value, 0 if digits is None else digits)} bn"
    if unit == "pct":
        return f"{fmt(value, 1 if digits is None else digits)}%"
    if unit == "pp":
        return f"{value:+.{1 if digits is None else digits}f}ポイント" if ja else f"{value:+.1f} pp"
    if unit == "km2":
        return f"{fmt(value, 0 if digits is None else digits)} km²"
    if unit == "usd_per_bbl":
        places = 2 if digits is None else digits
        return f"1バレル{fmt(value, places)}ドル" if ja else f"USD {fmt(value, places)}/bbl"
    if unit == "mbd":
        places = 2 if digits is None else digits
        return f"日量{fmt(value, places)}百万バレル" if ja else f"{fmt(value, places)} mb/d"
    if unit == "mt":
        places = 1 if digits is None else digits
        return f"{fmt(value, places)}百万トン" if ja else f"{fmt(value, places)} Mt"
    if unit == "vessels":
        return f"{fmt(value, 0)}隻" if ja else f"{fmt(value, 0)} vessels"
    if unit == "persons":
        return f"{fmt(value, 0)}人" if ja else f"{fmt(value, 0)}"
    return f"{fmt(value, 2 if digits is None else digits)} {unit}"
