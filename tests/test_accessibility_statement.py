"""The accessibility statement says what the tests do: the axe-core version it names is the one
shipped with the test tool, the rule tags are the ones the browser tests run, and both languages
say the same (the same numbers, the same tested views)."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import axe_playwright_python

from dashboard.paths import NARRATIVE_DIR
from tests.e2e.test_accessibility import WCAG_AA

JA = (NARRATIVE_DIR / "accessibility.ja.md").read_text(encoding="utf-8")
EN = (NARRATIVE_DIR / "accessibility.en.md").read_text(encoding="utf-8")


def test_the_axe_version_named_is_the_one_the_tests_run() -> None:
    engine = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
    version = re.search(r"axe v(\d+\.\d+\.\d+)", engine)
    assert version
    package = metadata.version("axe-playwright-python")
    for text in (JA, EN):
        assert f"axe-core {version.group(1)}" in text
        assert f"axe-playwright-python {package}" in text


def test_the_rule_tags_named_are_the_ones_the_tests_run() -> None:
    for text in (JA, EN):
        assert ", ".join(WCAG_AA) in text


def test_both_languages_state_the_same_facts() -> None:
    for fact in ("4.12.1", "0.1.8", "Chromium 156", "1280×720", "390 px", "WCAG 2.2"):
        assert fact in JA and fact in EN, fact
    assert "2026年12月1日" in JA and "1 December 2026" in EN  # the date of the recorded run
    views = re.search(r"（(\d+)画面すべて）", JA)
    assert views and f"on all {views.group(1)} views" in EN
    flagged = re.search(r"が(\d+)画面で1件ずつ", JA)
    assert flagged and f"on each of {flagged.group(1)} views" in EN
