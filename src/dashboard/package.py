"""data/datapackage.json kept in step with the schemas: ``python -m dashboard package``.

Each resource's field list (names, types, required, unique, enums, codes, bounds, patterns) and
its list of publishers are derived from the dataset's pandera schema and its CSV; titles and
descriptions are prose written in the package and kept as they are. ``--check`` (and a test)
fails when the committed package differs from what the schemas and CSVs say.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandera.pandas as pa

from dashboard.datasets import REGISTRY
from dashboard.datasets.core import _kind, ordered_columns
from dashboard.paths import DATAPACKAGE, PROJECT_DIR

TYPES = {"date": "date", "float": "number", "int": "integer", "bool": "boolean", "str": "string"}
#: Descriptions of the provenance columns every dataset shares.
PROVENANCE = {
    "source_publisher": "Who published the source read for this row ('<Original> via <site>' "
    "for a credited reprint).",
    "source_title": "Title of the source page as printed on it (see source_title_basis).",
    "source_title_basis": "page: the title as read off the page; url: rebuilt from the URL "
    "because the page's title could not be read; editor: the editors' description of a page "
    "that shows no title.",
    "source_url": "Address of the source page that was read for this row.",
    "source_tier": "official, agency, press or secondary; must match the publisher registry "
    "(publishers.csv) for the URL's host.",
    "source_accessed": "Date the source was read for this dashboard.",
    "source_2_publisher": "A second, independent source read for this row (empty if none).",
    "source_2_title": "Title of the second source page.",
    "source_2_url": "Address of the second source page.",
    "source_2_tier": "Tier of the second source, as in the publisher registry.",
    "source_2_accessed": "Date the second source was read.",
    "note": "In English: what the sources add, disagreements between them, earlier estimates, "
    "local-date differences, caveats.",
}
#: The same in Japanese (the Data and sources page shows a field's description in the UI
#: language; a dataset's own columns carry theirs in the package as ``x_description_ja``).
PROVENANCE_JA = {
    "source_publisher": "この行のために参照した出典の発行者（原典を明記した転載の場合は "
    "'<Original> via <site>' の形で記載）。",
    "source_title": "出典ページに記載されたとおりのタイトル（「タイトルの確かめ方」を参照）。",
    "source_title_basis": "ページ記載の表題（page）：ページから読み取ったタイトル。"
    "URLから復元した表題（ページの表題は未確認）（url）：ページのタイトルを読み取れなかったため、"
    "URLから復元したもの。編集者による説明（ページに表題なし）（editor）："
    "タイトルを表示しないページについて、編集者が記した説明。",
    "source_url": "この行のために参照した出典ページのウェブアドレス。",
    "source_tier": "公式（official）、通信社（agency）、報道機関（press）、二次資料（secondary）の"
    "いずれか。「リンク」のURLのホスト名について、発行者一覧（publishers.csv）に登録された区分と"
    "一致しなければならない。",
    "source_accessed": "このダッシュボードのために出典を閲覧した日。",
    "source_2_publisher": "この行のために参照した、独立した第2の出典（ない場合は空欄）。",
    "source_2_title": "第2の出典ページのタイトル。",
    "source_2_url": "第2の出典ページのウェブアドレス。",
    "source_2_tier": "第2の出典の区分（発行者一覧に登録された区分のとおり）。",
    "source_2_accessed": "第2の出典を閲覧した日。",
    "note": "英語で記載：出典が補足する情報、出典間の相違、以前の推計値、現地時間による日付のずれ、"
    "留意点。",
}


@dataclass(frozen=True)
class Table:
    """A CSV of the package with its schema and ';'-separated code columns."""

    name: str
    schema: type[pa.DataFrameModel]
    multi: dict[str, tuple[str, ...]]
    cites_sources: bool = True


def tables() -> list[Table]:
    """Every resource of the package: the datasets, the publisher registry, the claims."""
    from dashboard import claims, provenance

    found = [
        Table(
            spec.id,
            spec.schema,
            {vocab.field: vocab.values for vocab in spec.vocabularies if vocab.multi},
        )
        for spec in REGISTRY.values()
    ]
    found.append(Table("publishers", provenance.PublisherSchema, {}, cites_sources=False))
    found.append(Table("chapter_claims", claims.Schema, {}, cites_sources=False))
    return found


def _bound(value: Any) -> Any:
    return value.date().isoformat() if hasattr(value, "date") else value


def fields(table: Table, existing: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The schema's columns in CSV order, described as a Table Schema."""
    schema = table.schema.to_schema()
    out = []
    for name in ordered_columns(table.schema):
        column = schema.columns[name]
        kind = _kind(column.dtype)
        before = existing.get(name, {})
        entry: dict[str, Any] = {
            "name": name,
            "type": TYPES[kind],
            "description": before.get("description") or PROVENANCE.get(name, ""),
            "x_description_ja": before.get("x_description_ja") or PROVENANCE_JA.get(name, ""),
        }
        if "unit" in before:
            entry["unit"] = before["unit"]
        if kind == "date":
            entry["format"] = "%Y-%m-%d"
        if name in table.multi:
            entry["x_codes"] = list(table.multi[name])
        constraints: dict[str, Any] = {}
        if not column.nullable:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        for check in column.checks:
            stats = check.statistics
            if check.name == "isin":
                constraints["enum"] = list(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                constraints["minimum"] = _bound(next(iter(stats.values())))
            elif check.name == "less_than_or_equal_to":
                constraints["maximum"] = _bound(next(iter(stats.values())))
            elif check.name == "str_matches":
                constraints["pattern"] = stats["pattern"]
        if constraints:
            entry["constraints"] = constraints
        out.append(entry)
    return out


def publishers_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sorted({row["source_publisher"] for row in csv.DictReader(handle)}, key=str.casefold)


def build(package: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    """``package`` with every resource's fields and sources derived again."""
    by_name = {resource["name"]: resource for resource in package["resources"]}
    resources = []
    for table in tables():
        resource = dict(by_name.get(table.name, {"name": table.name}))
        base = {
            "name": table.name,
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
        }
        resource = {**base, **{k: v for k, v in resource.items() if k not in base}}
        for key in ("title", "description", "x_title_ja", "x_description_ja"):
            resource.setdefault(key, "")
        if table.cites_sources:
            resource["sources"] = [
                {"title": name} for name in publishers_of(data_dir / resource["path"])
            ]
        resource.setdefault("licenses", package["licenses"])
        existing = {item["name"]: item for item in resource.get("schema", {}).get("fields", [])}
        primary = "publisher" if table.name == "publishers" else "id"
        resource["schema"] = {"fields": fields(table, existing), "primaryKey": [primary]}
        resources.append(resource)
    return {**package, "resources": resources, "x_boundaries": boundaries()}


def boundaries() -> list[dict[str, str]]:
    """The maps' boundary files (static/geo/, not tables): what each is, where it came from,
    its licence, the attribution it asks for, and its SHA-256 (a changed file fails --check)."""
    import hashlib

    from dashboard import geo

    return [
        {
            "name": item.name,
            "path": f"../static/geo/{item.path}",
            "title": item.title,
            "source": item.source,
            "source_url": item.source_url,
            "version": item.version,
            "licence": item.licence,
            "licence_url": item.licence_url,
            "attribution": item.attribution,
            "note": item.note,
            "sha256": hashlib.sha256((geo.GEO_DIR / item.path).read_bytes()).hexdigest(),
        }
        for item in geo.FILES
    ]


def missing_descriptions(package: dict[str, Any]) -> Iterable[str]:
    for resource in package["resources"]:
        for key in ("title", "description", "x_title_ja", "x_description_ja"):
            if not resource.get(key):
                yield f"{resource['name']}: {key}"
        for item in resource["schema"]["fields"]:
            for key in ("description", "x_description_ja"):
                if not item.get(key):
                    yield f"{resource['name']}.{item['name']}: {key}"


def dumps(package: dict[str, Any]) -> str:
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def main(check: bool) -> int:
    current = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    wanted = build(current, PROJECT_DIR / "data")
    gaps = list(missing_descriptions(wanted))
    if check:
        if dumps(wanted) != dumps(current):
            print(
                "data/datapackage.json differs from the schemas; run `python -m dashboard package`."
            )
            return 1
        if gaps:
            print("Missing in data/datapackage.json: " + "; ".join(gaps))
            return 1
        print("data/datapackage.json matches the schemas.")
        return 0
    DATAPACKAGE.write_text(dumps(wanted), encoding="utf-8")
    print(
        f"Wrote {DATAPACKAGE.name}" + (f"; still to describe: {'; '.join(gaps)}" if gaps else ".")
    )
    return 0
