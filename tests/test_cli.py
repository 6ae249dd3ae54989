"""``python -m dashboard validate``: the report a maintainer runs after editing a CSV."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.broken import CASES, DATASET


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_real_data_validates() -> None:
    done = run()
    assert done.returncode == 0, done.stdout + done.stderr
    from dashboard.datasets import DATASET_IDS

    assert f"All files are valid ({len(DATASET_IDS)} datasets)." in done.stdout
    # the registry, every dataset and the claims table
    assert done.stdout.count("ok     data/") == len(DATASET_IDS) + 2


def test_broken_data_fails_with_every_problem_and_no_traceback(data_copy: Path) -> None:
    path = data_copy / f"{DATASET}.csv"
    raw = path.read_bytes()
    for case in (CASES[2], CASES[5]):  # malformed date on line 4, unknown category on line 3
        raw = case.make(raw)
    path.write_bytes(raw)
    done = run("--data-dir", str(data_copy))
    assert done.returncode == 1
    assert f'{DATASET}.csv:4: column "date": "23/10/2025" is not a date' in done.stdout
    assert f'{DATASET}.csv:3: column "jurisdiction": "Mars" is not an allowed value' in done.stdout
    assert "1 file(s) have problems" in done.stdout
    assert "evidence ids not checked" in done.stdout  # no false alarms from the claims
    assert "Traceback" not in done.stdout + done.stderr


def test_missing_file_and_unknown_dataset(tmp_path: Path) -> None:
    shutil.copy(Path("data") / "russian_gdp.csv", tmp_path / "russian_gdp.csv")
    done = run("russian_gdp", "sanctions_timeline", "--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert "ok     " in done.stdout and "the file does not exist" in done.stdout
    unknown = run("no_such_dataset")
    assert unknown.returncode == 2 and "Unknown dataset: no_such_dataset" in unknown.stderr
