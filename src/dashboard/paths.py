"""Where the project's files live, independent of the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
#: The data folder; DASHBOARD_DATA_DIR points the app at another copy (tests use broken fixtures).
DATA_DIR = Path(os.environ.get("DASHBOARD_DATA_DIR", PROJECT_DIR / "data")).resolve()
NARRATIVE_DIR = PACKAGE_DIR / "narrative"
DATAPACKAGE = PROJECT_DIR / "data" / "datapackage.json"
