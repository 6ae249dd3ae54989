"""The field tables of the Data and sources page speak the reader's words: every column is named
as the table views name it, and types, units and constraints are sentences in the UI language;
the datasets' descriptions name things, not columns."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from dashboard import fields
from dashboard.datasets import REGISTRY, read
from dashboard.i18n import LANGS, Lang, t
from dashboard.paths import DATAPACKAGE
from dashboard.ui.sources import fields_table
from dashboard.ui.tables import display_frame

PACKAGE: dict[str, Any] = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {resource["name"]: resource for resource in PACKAGE["resources"]}
#: Table Schema keywords as bare tags ("required; unique; one of: …") and regular-expression
#: syntax: what a reader should never have to decode.
SYNTAX = re.compile(r"(?:^|; )(?:required|unique)\b|one of: |codes: |pattern |\^|\$|\\d|\[a-z|≥|≤")


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_every_column_has_a_readers_label_in_both_languages(name: str) -> None:
    for item in RESOURCES[name]["schema"]["fields"]:
        assert fields.labelled(name, item["name"]), f"{name}.{item['name']} has no label"
        assert fields.field_label(name, item["name"], "ja") != fields.field_label(
            name, item["name"], "en"
        ) or item["name"] in {"id"}, (name, item["name"])


@pytest.mark.parametrize("dataset_id", sorted(REGISTRY))
def test_field_labels_are_the_table_views_column_labels(dataset_id: str) -> None:
    """The label in the field table is the header the reader sees over that column."""
    spec = REGISTRY[dataset_id]
    rows = read(dataset_id).frame
    assert rows is not None
    for lang in LANGS:
        shown = display_frame(rows.head(3), lang, spec.table)
        for (column, _), header in zip(spec.table, shown.columns, strict=False):
            named = fields.field_label(dataset_id, column.replace("_LANG", f"_{lang}"), lang)
            assert named.startswith(header), (dataset_id, column, named, header)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_field_tables_say_types_units_and_constraints_in_words(name: str, lang: Lang) -> None:
    table = fields_table(RESOURCES[name], lang)
    label, column = t("page.field_label", lang), t("page.field_name", lang)
    assert list(table[column]) == [item["name"] for item in RESOURCES[name]["schema"]["fields"]]
    assert (table[label] != table[column]).all()
    for heading in ("field_type", "field_unit", "field_constraints"):
        for cell in table[t(f"page.{heading}", lang)]:
            assert not SYNTAX.search(cell), (name, heading, cell)
    constraints = table[t("page.field_constraints", lang)]
    assert constraints.str.len().gt(0).all()
    if lang == "ja":  # Japanese sentences, with the CSV's codes only in brackets
        assert constraints.str.contains(r"[ぁ-んァ-ヶ一-龠]").all(), name
        assert not constraints.str.contains(r"\b(?:May be|From|One of|At least)\b").any()


def test_every_pattern_unit_and_type_of_the_package_has_words() -> None:
    patterns = {
        item["constraints"]["pattern"]
        for resource in PACKAGE["resources"]
        for item in resource["schema"]["fields"]
        if "pattern" in item.get("constraints", {})
    }
    assert patterns <= set(fields.PATTERNS), patterns - set(fields.PATTERNS)
    for resource in PACKAGE["resources"]:
        for item in resource["schema"]["fields"]:
            for lang in LANGS:
                assert fields.type_words(item["type"], lang)
                assert fields.unit_words(item.get("unit", ""), lang) or "unit" not in item


def test_allowed_values_show_the_readers_label_beside_the_csv_code() -> None:
    item = next(
        field
        for field in RESOURCES["sanctions_timeline"]["schema"]["fields"]
        if field["name"] == "jurisdiction"
    )
    assert "米国（US）" in fields.constraint_words("sanctions_timeline", item, "ja")
    assert "United States (US)" in fields.constraint_words("sanctions_timeline", item, "en")
    assert fields.field_label("sanctions_timeline", "jurisdiction", "ja") == "法域"
    assert fields.field_label("sanctions_timeline", "title_en", "ja") == "タイトル（英語）"


#: Column names (snake_case) and dataset ids, and definitions written as code = meaning.
COLUMN_TALK = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b|\bids?\b|[=＝]")


@pytest.mark.parametrize("lang", LANGS)
def test_dataset_descriptions_use_words_not_column_names(lang: Lang) -> None:
    key = "description" if lang == "en" else "x_description_ja"
    for entry in [PACKAGE, *PACKAGE["resources"]]:
        text = entry[key]
        assert not COLUMN_TALK.search(text), (entry["name"], COLUMN_TALK.findall(text))


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_field_descriptions_are_in_the_ui_language(name: str) -> None:
    """The description column is Japanese on the Japanese page and English on the English one:
    every field carries both, and neither names a CSV column where a reader's label exists."""
    items = RESOURCES[name]["schema"]["fields"]
    for lang, key in (("ja", "x_description_ja"), ("en", "description")):
        shown = list(fields_table(RESOURCES[name], lang)[t("page.field_description", lang)])
        assert shown == [item[key] for item in items], (name, lang)
    for item in items:
        japanese = item["x_description_ja"]
        assert re.search(r"[ぁ-んァ-ヶ一-龠]", japanese), (name, item["name"], japanese)
        assert japanese != item["description"]
        # A column is named by the label readers see (「単位」), not by its CSV name.
        others = {field["name"] for field in items if "_" in field["name"]} - {item["name"]}
        named = [
            column for column in others if re.search(rf"(?<![\w<]){column}(?![\w>])", japanese)
        ]
        assert not named, (name, item["name"], named)
    assert t("page.field_description", "ja") == "説明"
