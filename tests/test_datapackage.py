"""data/datapackage.json, the pandera schemas and the CSV headers must say the same thing."""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest

from dashboard import package
from dashboard.datasets import DATASET_IDS
from dashboard.datasets.core import ordered_columns
from dashboard.paths import DATAPACKAGE, PROJECT_DIR

PACKAGE: dict[str, Any] = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {resource["name"]: resource for resource in PACKAGE["resources"]}
TABLES = {table.name: table for table in package.tables()}


def test_every_dataset_and_reference_table_has_exactly_one_resource() -> None:
    assert sorted(RESOURCES) == sorted(TABLES)
    assert set(DATASET_IDS) <= set(RESOURCES)
    assert {"publishers", "chapter_claims"} <= set(RESOURCES)
    for name, resource in RESOURCES.items():
        assert resource["path"] == f"{name}.csv"
        assert resource["title"] and resource["description"]
        assert resource["x_title_ja"] and resource["x_description_ja"]  # shown in Japanese
        assert resource["licenses"], name


def test_package_is_what_the_schemas_and_csvs_say() -> None:
    """Drift between code, data and metadata fails here (fix: python -m dashboard package)."""
    wanted = package.build(PACKAGE, PROJECT_DIR / "data")
    assert package.dumps(wanted) == package.dumps(PACKAGE)
    assert list(package.missing_descriptions(PACKAGE)) == []


@pytest.mark.parametrize("name", sorted(TABLES))
def test_fields_are_the_csv_header(name: str) -> None:
    fields = [item["name"] for item in RESOURCES[name]["schema"]["fields"]]
    with (PROJECT_DIR / "data" / f"{name}.csv").open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert fields == ordered_columns(TABLES[name].schema) == header


def test_package_check_fails_when_a_schema_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The drift test above can fail: a stale enum in the package is reported."""
    stale = json.loads(json.dumps(PACKAGE))
    resource = next(r for r in stale["resources"] if r["name"] == "sanctions_timeline")
    field = next(f for f in resource["schema"]["fields"] if f["name"] == "jurisdiction")
    field["constraints"]["enum"] = ["EU", "US"]
    assert package.dumps(package.build(stale, PROJECT_DIR / "data")) == package.dumps(PACKAGE)
    assert package.dumps(stale) != package.dumps(PACKAGE)


def test_package_validates_with_frictionless() -> None:
    """An independent reader (Frictionless) agrees that the CSVs fit the package."""
    from frictionless import Package

    report = Package(str(DATAPACKAGE)).validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(errors[:20])
