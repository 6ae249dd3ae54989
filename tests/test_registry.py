"""One declaration per dataset: the registry, its consistency, and what adding a dataset takes.

Adding a dataset must mean its CSV, its package resource and its module (and the page that
shows it): ``test_a_new_dataset_needs_only_its_csv_resource_and_module`` proves it on a copy of
the project, where a probe dataset is added with those three files and nothing else, and then
appears in every layer: validation, selection, events, the overview's lanes, footnotes, figures,
panels and the briefing's filters.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dashboard.datasets import REGISTRY, codes
from dashboard.datasets.core import ordered_columns
from dashboard.paths import PROJECT_DIR


@pytest.mark.parametrize("dataset_id", list(REGISTRY))
def test_declared_columns_exist_in_the_schema(dataset_id: str) -> None:
    spec = REGISTRY[dataset_id]
    columns = set(ordered_columns(spec.schema))
    assert spec.date in columns
    assert spec.cite_date is None or spec.cite_date in columns
    assert set(spec.search) <= columns
    for vocab in spec.vocabularies:
        assert vocab.field in columns, vocab.field
        assert len(set(vocab.values)) == len(vocab.values), vocab.field
    for item in spec.filters:
        assert item.field in {vocab.field for vocab in spec.vocabularies}
        assert item.label[0] and item.label[1]
    for column, _ in spec.table:
        assert column.replace("_LANG", "_ja") in columns, column
    if spec.events:
        assert spec.events.group in {vocab.field for vocab in spec.vocabularies}


def test_a_field_means_the_same_in_every_dataset() -> None:
    """Two datasets sharing a field (``frequency``, ``estimate_type``) label codes alike."""
    seen: dict[tuple[str, str], tuple[str, str, str]] = {}
    for spec in REGISTRY.values():
        for vocab in spec.vocabularies:
            for code in vocab.codes:
                key = (vocab.field, code.code)
                labels = (code.ja, code.en, spec.id)
                if key in seen:
                    assert seen[key][:2] == labels[:2], (key, seen[key][2], spec.id)
                seen[key] = labels


def test_every_code_has_a_fixed_colour_and_symbol() -> None:
    for spec in REGISTRY.values():
        for vocab in spec.vocabularies:
            for code in vocab.codes:
                merged = codes(vocab.field)[code.code]
                assert merged.colour and merged.colour.startswith("#")
                assert merged.symbol


def test_url_filter_parameters_are_unique() -> None:
    """Two datasets never share a URL parameter (one would silently take the other's codes)."""
    params = [item.param for spec in REGISTRY.values() for item in spec.filters]
    assert len(params) == len(set(params)), params


def test_lanes_and_chart_names_are_unique() -> None:
    lanes = [spec.lane.code for spec in REGISTRY.values() if spec.lane]
    assert len(lanes) == len(set(lanes))
    charts = [chart.name for spec in REGISTRY.values() for chart in spec.charts]
    assert len(charts) == len(set(charts))


PROBE_MODULE = '''
"""probe_events: a dataset added by the registry test."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from dashboard.datasets.sources import ID_PATTERN, LATEST, SourcedRow
from dashboard.datasets.spec import Chart, Dataset, Events, Filter, Lane, vocabulary

KIND = vocabulary("probe_kind", ("alpha", "アルファ", "Alpha"), ("beta", "ベータ", "Beta"))


class Schema(SourcedRow):
    id: Series[str] = pa.Field(unique=True, str_matches=ID_PATTERN)
    date: Series[pa.DateTime] = pa.Field(ge=pd.Timestamp("2022-01-01"), le=LATEST)
    probe_kind: Series[str] = pa.Field(isin=KIND.values)
    title_ja: Series[str]
    title_en: Series[str]
    summary_ja: Series[str]
    summary_en: Series[str]


DATASET = Dataset(
    id="probe_events",
    schema=Schema,
    date="date",
    page="recommendations",
    order=99,
    vocabularies=(KIND,),
    search=("title_ja", "title_en", "id"),
    filters=(Filter("probe", "probe_kind", ("種類", "Kind")),),
    events=Events(group="probe_kind"),
    lane=Lane("probe", ("プローブ", "Probe"), "#123456", order=99),
    table=(("date", "table.date"), ("title_LANG", "table.title")),
    charts=(Chart("probe_lanes", ("プローブ", "Probe lanes"), "timeline:lanes", counted=True),),
)
'''

PROBE_CHECK = """
import json
from datetime import date

from dashboard import evidence, events, selection, views
from dashboard.datasets import REGISTRY, read
from dashboard.figures import FIGURES
from dashboard.i18n import label
from dashboard.state import default_state
from dashboard.ui.panels import PANELS

result = read("probe_events")
assert result.ok, [str(p) for p in result.problems]
rows = result.frame
state = default_state(views.RECOMMENDATIONS, "en")
picked = selection.select("probe_events", rows, state.with_(selected={"probe": ("beta",)}))
lane_events = events.combined({"probe_events": rows}, "ja")
figure = FIGURES["probe_lanes"].draw(rows, state, "en")
print(json.dumps({
    "ids": list(REGISTRY),
    "picked": list(picked["id"]),
    "lanes": list(views.LANES),
    "lane_of_events": sorted(set(lane_events["lane"])),
    "recommendation_filters": [f.param for f in views.RECOMMENDATIONS.filters],
    "briefing_filters": [f.param for f in views.BRIEFING.filters],
    "footnote": evidence.index({"probe_events": rows}, "en")["probe_b"].statement,
    "traces": [trace.name for trace in figure.data],
    "panel": "probe_lanes" in PANELS,
    "label": label("probe_kind", "beta", "ja"),
}, ensure_ascii=False))
"""

PROBE_ROWS = (
    "id,date,probe_kind,title_ja,title_en,summary_ja,summary_en,"
    "source_publisher,source_title,source_title_basis,source_url,source_tier,source_accessed,"
    "source_2_publisher,source_2_title,source_2_url,source_2_tier,source_2_accessed,note\n"
    "probe_a,2024-03-01,alpha,アルファ事象,Alpha event,概要,Summary,"
    "TASS,Example page,page,https://tass.com/probe-a,agency,2026-11-30,,,,,,\n"
    "probe_b,2025-03-01,beta,ベータ事象,Beta event,概要,Summary,"
    "TASS,Example page,page,https://tass.com/probe-b,agency,2026-11-30,,,,,,\n"
)


def _copy_project(target: Path) -> None:
    for name in ("src", "data", "pages"):
        shutil.copytree(
            PROJECT_DIR / name, target / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(PROJECT_DIR / "app.py", target / "app.py")


def test_a_new_dataset_needs_only_its_csv_resource_and_module(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    # The three files of a new dataset, and nothing else.
    module = tmp_path / "src/dashboard/datasets/probe_events.py"
    module.write_text(textwrap.dedent(PROBE_MODULE), encoding="utf-8")
    (tmp_path / "data/probe_events.csv").write_text(PROBE_ROWS, encoding="utf-8")
    package_path = tmp_path / "data/datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    package["resources"].append({"name": "probe_events", "path": "probe_events.csv"})
    package_path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")

    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    changed = {path for path in after if before.get(path) != after[path]}
    assert {str(path) for path in changed} == {
        "src/dashboard/datasets/probe_events.py",
        "data/probe_events.csv",
        "data/datapackage.json",
    }

    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    env.pop("DASHBOARD_DATA_DIR", None)
    run = subprocess.run(
        [sys.executable, "-c", PROBE_CHECK],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert "probe_events" in found["ids"]
    assert found["picked"] == ["probe_b"]  # its own filter, through the generic selection
    assert found["lanes"][-1] == "probe"  # a lane of the overview's timeline
    assert found["lane_of_events"] == ["probe"]
    assert "probe" in found["recommendation_filters"]  # a filter of the page it names
    assert "probe" in found["briefing_filters"]  # and of the briefing export
    assert found["footnote"] == "Beta event"  # citable in the narrative
    assert found["traces"] == ["Alpha", "Beta"]  # one lane per code, in vocabulary order
    assert found["panel"] is True
    assert found["label"] == "ベータ"
