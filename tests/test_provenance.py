"""Source tiers: every row's tier agrees with the publisher registry, and the validator says
exactly which file, line and column do not."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard import provenance
from dashboard.datasets import DATASET_IDS, read
from dashboard.paths import DATA_DIR

DATASET = "sanctions_timeline"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copy(DATA_DIR / f"{DATASET}.csv", target / f"{DATASET}.csv")
    shutil.copy(DATA_DIR / provenance.REGISTRY_FILE, target / provenance.REGISTRY_FILE)
    return target


def _edit_row(folder: Path, line: int, **changes: str) -> None:
    path = folder / f"{DATASET}.csv"
    fields, rows = _rows(path)
    rows[line - 2].update(changes)
    _write(path, fields, rows)


def test_every_dataset_row_has_a_tier_that_matches_the_registry() -> None:
    for dataset_id in DATASET_IDS:
        result = read(dataset_id)
        assert result.ok, [str(p) for p in result.problems[:5]]
        assert set(result.frame["source_tier"].astype(str)) <= set(provenance.TIERS)  # type: ignore[index]


def test_an_unknown_tier_is_named_with_line_and_column(folder: Path) -> None:
    _edit_row(folder, 3, source_tier="gossip")
    problems = read(DATASET, folder / f"{DATASET}.csv").problems
    assert [(p.line, p.column, p.value) for p in problems] == [(3, "source_tier", "gossip")]
    assert "not an allowed value" in problems[0].message


def test_a_tier_that_disagrees_with_the_registry_is_rejected(folder: Path) -> None:
    _, rows = _rows(folder / f"{DATASET}.csv")
    line = next(n for n, row in enumerate(rows, start=2) if row["source_tier"] != "official")
    _edit_row(folder, line, source_tier="official")
    problems = read(DATASET, folder / f"{DATASET}.csv").problems
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (line, "source_tier")
    assert "disagrees with" in problems[0].message and "publishers.csv" in problems[0].message


def test_a_row_resting_only_on_an_unfit_source_is_rejected(folder: Path) -> None:
    registry = folder / provenance.REGISTRY_FILE
    fields, publishers = _rows(registry)
    publishers.append(
        {
            "publisher": "Example content farm",
            "hosts": "farm.example.com",
            "tier": "secondary",
            "status": "unfit",
            "note": "test fixture",
        }
    )
    _write(registry, fields, publishers)
    _edit_row(
        folder,
        4,
        source_publisher="Example content farm",
        source_url="https://farm.example.com/copy",
        source_tier="secondary",
        source_2_publisher="",
        source_2_title="",
        source_2_url="",
        source_2_tier="",
        source_2_accessed="",
    )
    problems = read(DATASET, folder / f"{DATASET}.csv").problems
    assert [(p.line, p.column) for p in problems] == [(4, "source_url")]
    assert "rests only on sources marked unfit" in problems[0].message


def test_an_unregistered_host_is_named(folder: Path) -> None:
    _edit_row(folder, 2, source_url="https://unknown.example.org/page")
    problems = read(DATASET, folder / f"{DATASET}.csv").problems
    assert [(p.line, p.column, p.value) for p in problems] == [
        (2, "source_url", "unknown.example.org")
    ]


def test_a_credited_reprint_takes_the_original_publishers_tier() -> None:
    registry, result = provenance.read_registry(
        DATA_DIR / provenance.REGISTRY_FILE, "data/publishers.csv"
    )
    assert registry is not None and result.ok
    reprints = [name for name, p in registry.by_name.items() if p.status == "reprint"]
    assert reprints
    host = next(h for h, p in registry.by_host.items() if p.status == "reprint")
    tier, judged, _ = registry.expected_tier("AFP via Somewhere", f"https://{host}/story")
    assert judged is not None and judged.name == "AFP" and tier == "agency"
    site_tier, site, _ = registry.expected_tier("Its own story", f"https://{host}/story")
    assert site is not None and site_tier == site.tier


def test_a_broken_registry_is_reported_for_every_dataset(folder: Path) -> None:
    (folder / provenance.REGISTRY_FILE).write_text("publisher,hosts\nX,x.com\n", encoding="utf-8")
    problems = read(DATASET, folder / f"{DATASET}.csv").problems
    assert len(problems) == 1 and "publisher registry" in problems[0].message


def _strong(row: pd.Series) -> bool:
    """An official source, or a second source beside the first."""
    second = row.get("source_2_url")
    return row["source_tier"] == "official" or (isinstance(second, str) and bool(second.strip()))


def test_every_number_on_a_key_figure_card_has_two_sources_or_an_official_one() -> None:
    from dashboard.datasets.russian_gdp import latest_quarter

    cut_off = pd.Timestamp("2025-12-31")
    gdp = read("russian_gdp").frame
    assert gdp is not None
    latest = latest_quarter(gdp[gdp["published"] <= cut_off])
    assert latest is not None and _strong(latest), latest["id"]
    rates = read("russian_key_rate").frame
    assert rates is not None
    rates = rates[rates["decision_date"] <= cut_off]
    last = rates.loc[rates["decision_date"].idxmax()]
    assert _strong(last), last["id"]
    sanctions = read("sanctions_timeline").frame
    assert sanctions is not None
    packages = sanctions[
        (sanctions["jurisdiction"] == "EU") & (sanctions["measure_type"] == "package")
    ]
    assert len(packages) == 19  # the card counts them: each must stand on its own
    weak = [row["id"] for _, row in packages.iterrows() if not _strong(row)]
    assert not weak, weak
