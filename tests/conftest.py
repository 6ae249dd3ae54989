"""Shared fixtures: the project's paths and a copy of the data folder that tests may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.paths import PROJECT_DIR

DATA = PROJECT_DIR / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ (CSVs and datapackage.json)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
