"""data/datapackage.json, the pandera schemas and the CSV headers must say the same thing."""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest

from dashboard.datasets import DATASET_IDS, REGISTRY
from dashboard.datasets.core import _kind, ordered_columns
from dashboard.paths import DATAPACKAGE, PROJECT_DIR

PACKAGE: dict[str, Any] = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {resource["name"]: resource for resource in PACKAGE["resources"]}
TYPES = {"date": "date", "float": "number", "int": "integer", "bool": "boolean", "str": "string"}


def test_every_dataset_has_exactly_one_resource() -> None:
    assert sorted(RESOURCES) == sorted(DATASET_IDS)
    for name, resource in RESOURCES.items():
        assert resource["path"] == f"{name}.csv"
        assert resource["title"] and resource["description"]
        assert resource["x_title_ja"] and resource["x_description_ja"]  # shown in Japanese
        assert resource["licenses"], name
        assert resource["schema"]["primaryKey"] == ["id"]


@pytest.mark.parametrize("dataset_id", DATASET_IDS)
def test_fields_match_schema_and_csv_header(dataset_id: str) -> None:
    spec = REGISTRY[dataset_id]
    schema = spec.schema.to_schema()
    fields = RESOURCES[dataset_id]["schema"]["fields"]
    with (PROJECT_DIR / "data" / f"{dataset_id}.csv").open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in fields] == ordered_columns(spec.schema) == header
    multi = {v.field: list(v.values) for v in spec.vocabularies if v.multi}
    for item in fields:
        column = schema.columns[item["name"]]
        constraints = item.get("constraints", {})
        assert item["type"] == TYPES[_kind(column.dtype)], item["name"]
        assert item["description"], item["name"]
        assert constraints.get("required", False) == (not column.nullable), item["name"]
        assert constraints.get("unique", False) == column.unique, item["name"]
        checks = {check.name: check.statistics for check in column.checks}
        if "isin" in checks:
            assert constraints["enum"] == list(checks["isin"]["allowed_values"]), item["name"]
            assert list(spec.categories[item["name"]]) == constraints["enum"]
        else:
            assert "enum" not in constraints, item["name"]
        for check, key in (
            ("greater_than_or_equal_to", "minimum"),
            ("less_than_or_equal_to", "maximum"),
        ):
            if check in checks:
                bound = next(iter(checks[check].values()))
                expected = bound.date().isoformat() if hasattr(bound, "date") else bound
                assert constraints[key] == expected, item["name"]
            else:
                assert key not in constraints, item["name"]
        assert item.get("x_codes") == multi.get(item["name"]), item["name"]


@pytest.mark.parametrize("dataset_id", DATASET_IDS)
def test_sources_list_every_publisher_cited(dataset_id: str) -> None:
    with (PROJECT_DIR / "data" / f"{dataset_id}.csv").open(encoding="utf-8") as handle:
        publishers = {row["source_publisher"] for row in csv.DictReader(handle)}
    listed = {source["title"] for source in RESOURCES[dataset_id]["sources"]}
    assert publishers and listed == publishers


def test_package_validates_with_frictionless() -> None:
    """An independent reader (Frictionless) agrees that the CSVs fit the package."""
    from frictionless import Package

    report = Package(str(DATAPACKAGE)).validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(errors[:20])
