"""The package's fields in a reader's words, for the field tables of the Data and sources page.

Each column is named as the table views name it (a dataset's table view and filters, else the
shared labels in strings.toml ``[field]`` and ``[table]``), and its type, unit and constraints
(required, unique, allowed values with their labels, bounds, form) are sentences in Japanese or
English. Nothing here draws: the page turns these into a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard import claims, provenance
from dashboard.datasets import REGISTRY, russia_trade_partners, russian_economy, ukraine_support
from dashboard.datasets.core import HTTP_URL
from dashboard.datasets.sources import ID_PATTERN, PROVENANCE_VOCABULARIES, TIER
from dashboard.datasets.spec import Text, Vocabulary, in_lang
from dashboard.i18n import Lang, format_date, label, strings, t

#: Every ``pattern`` of the package, by the words that say it (``pattern.<name>`` in
#: strings.toml). A test fails when a schema gains a pattern that has no words here.
PATTERNS: dict[str, str] = {
    ID_PATTERN: "row_id",
    HTTP_URL: "web_address",
    r"^\d{4}(Q[1-4])?$": "gdp_period",  # russian_gdp
    russian_economy.PERIOD: "economy_period",
    russia_trade_partners.PERIOD: "trade_period",
    r"^\d{4}-\d{2}(-\d{2})?$": "territory_period",  # territory_control
    ukraine_support.PERIOD: "support_period",
    r"^claim_[a-z]{2}_\d{2}$": "claim_id",  # chapter_claims
}

#: Columns of the two reference tables named in their own words (the datasets' come from their
#: declarations). The claims' English note has no language suffix in its name.
REFERENCE_LABELS: dict[str, dict[str, str | Text]] = {
    "chapter_claims": {
        "text_LANG": "table.claim",
        "note": ("注記（英語）", "Note (English)"),
        "note_ja": ("注記（日本語）", "Note (Japanese)"),
        "status": "forecast.col_status",
        "status_as_of": "forecast.col_as_of",
        "status_evidence": ("判定の根拠（行ID）", "Status evidence (row ids)"),
        "status_note_LANG": "forecast.col_why",
    },
}
REFERENCE_VOCABULARIES: dict[str, dict[str, Vocabulary]] = {
    "chapter_claims": {"kind": claims.KIND, "status": claims.STATUS},
    "publishers": {"tier": TIER, "status": provenance.STATUS},
}
#: The provenance columns every dataset shares, as its sources table and table views name them.
SHARED_LABELS: dict[str, str] = {
    "source_url": "table.link",
    "source_tier": "table.tier",
    "source_accessed": "table.accessed",
    "note": "table.note",
}


def _declared(resource: str) -> dict[str, str | Text]:
    """Column -> strings key or (ja, en) text, as the resource's table views label them."""
    if resource not in REGISTRY:
        return dict(REFERENCE_LABELS.get(resource, {}))
    spec = REGISTRY[resource]
    found: dict[str, str | Text] = dict(SHARED_LABELS)
    found.update({item.field: item.label for item in spec.filters})
    found.update(dict(spec.table))  # the table view's own label wins
    return found


def _text(key: str | Text, lang: Lang) -> str:
    return in_lang(key, lang) if isinstance(key, tuple) else t(key, lang)


def field_label(resource: str, column: str, lang: Lang) -> str:
    """The column's name as a reader sees it in the tables, e.g. ``jurisdiction`` -> 法域.

    A text column in one language (``title_ja``) is the table view's column with the language
    named; columns no table view names take ``field.<column>`` or ``table.<column>`` of
    strings.toml.
    """
    declared = _declared(resource)
    if column in declared:
        return _text(declared[column], lang)
    stem, _, suffix = column.rpartition("_")
    if suffix in ("ja", "en") and stem:
        if f"{stem}_LANG" in declared:
            base: str | None = _text(declared[f"{stem}_LANG"], lang)
        else:
            base = field_label(resource, stem, lang)
            base = None if base == stem else base
        if base:
            return t(f"page.field_in_{suffix}", lang, label=base)
    for key in (f"field.{column}", f"table.{column}"):
        if key in strings():
            return t(key, lang)
    return column


def labelled(resource: str, column: str) -> bool:
    """Whether the column has a reader's label (a test requires it of every column)."""
    return field_label(resource, column, "ja") != column


def _vocabularies(resource: str) -> dict[str, Vocabulary]:
    if resource not in REGISTRY:
        return dict(REFERENCE_VOCABULARIES.get(resource, {}))
    found = {
        vocab.field: vocab for vocab in (*PROVENANCE_VOCABULARIES, *REGISTRY[resource].vocabularies)
    }
    found["source_2_tier"] = TIER
    return found


def code_words(resource: str, column: str, code: str, lang: Lang) -> str:
    """An allowed value as a reader reads it, with the code the CSV holds: 公式（official)."""
    vocab = _vocabularies(resource).get(column)
    item = vocab.get(code) if vocab else None
    name = item.label(lang) if item else label(column, code, lang)
    if name.casefold() == code.casefold():
        return name
    return f"{name}（{code}）" if lang == "ja" else f"{name} ({code})"


def type_words(kind: str, lang: Lang) -> str:
    return t(f"field_type.{kind}", lang)


def unit_words(unit: str, lang: Lang) -> str:
    return t(f"field_unit.{unit}", lang) if unit else ""


def _bound(value: Any, kind: str, lang: Lang) -> str:
    if kind == "date":
        return format_date(date.fromisoformat(str(value)), lang)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def constraint_words(resource: str, item: Mapping[str, Any], lang: Lang) -> str:
    """The field's constraints as sentences: required or not, unique, allowed values, bounds,
    form. Never a raw keyword or regular expression."""
    constraints = item.get("constraints", {})
    kind = item["type"]
    separator = t("briefing.list_separator", lang)
    parts = [
        t("constraint.required" if constraints.get("required") else "constraint.optional", lang)
    ]
    if constraints.get("unique"):
        parts.append(t("constraint.unique", lang))
    if "enum" in constraints:
        values = separator.join(
            code_words(resource, item["name"], str(code), lang) for code in constraints["enum"]
        )
        parts.append(t("constraint.one_of", lang, values=values))
    if "x_codes" in item:
        values = separator.join(
            code_words(resource, item["name"], str(code), lang) for code in item["x_codes"]
        )
        parts.append(t("constraint.codes", lang, values=values))
    low, high = constraints.get("minimum"), constraints.get("maximum")
    dated = "_date" if kind == "date" else ""
    if low is not None and high is not None:
        parts.append(
            t(
                f"constraint.between{dated}",
                lang,
                low=_bound(low, kind, lang),
                high=_bound(high, kind, lang),
            )
        )
    elif low is not None:
        parts.append(t(f"constraint.at_least{dated}", lang, value=_bound(low, kind, lang)))
    elif high is not None:
        parts.append(t(f"constraint.at_most{dated}", lang, value=_bound(high, kind, lang)))
    if "pattern" in constraints:
        words = t(f"pattern.{PATTERNS[constraints['pattern']]}", lang)
        parts.append(t("constraint.form", lang, words=words))
    sentences = [t("constraint.sentence", lang, text=part) for part in parts]
    return ("" if lang == "ja" else " ").join(sentences)
