"""The claims table: every sentence of the chapter, each fact and assessment with evidence or a
reason, and a validator that catches drift between claims, text and data."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from dashboard import chapter, claims, selection
from dashboard.__main__ import main
from dashboard.datasets import DATASET_IDS, REGISTRY, read
from dashboard.datasets.core import AS_OF, CHECKED
from dashboard.paths import DATA_DIR

ROW_IDS = {
    str(row_id): dataset_id
    for dataset_id in DATASET_IDS
    for row_id in read(dataset_id).frame["id"]  # type: ignore[index]
}
#: The follow-up layer's row ids (dated or published after the cut-off).
LATE = frozenset(
    str(row_id)
    for dataset_id in DATASET_IDS
    if (frame := read(dataset_id).frame) is not None
    for row_id in frame["id"][selection.after_cutoff(REGISTRY[dataset_id], frame)]
)
PROOFREAD = {section: chapter.unmarked(section) for section in claims.SECTIONS}
ALL = claims.claims()


def test_every_sentence_of_every_section_is_a_claim() -> None:
    assert {claim.section for claim in ALL} == set(claims.SECTIONS)
    for section in claims.SECTIONS:
        joined = "".join(claim.text_ja for claim in claims.of_section(section))
        assert joined == "".join(PROOFREAD[section])
    sentences = sum(text.count("。") for texts in PROOFREAD.values() for text in texts)
    assert sentences == 34  # the chapter as received has 34 sentences
    assert len(ALL) >= sentences


def test_the_real_table_has_no_errors_and_few_unbacked_claims() -> None:
    errors, warnings = claims.check(ALL, ROW_IDS, PROOFREAD)
    assert errors == []
    unbacked = [c for c in ALL if c.kind in claims.NEEDS_EVIDENCE and not c.evidence]
    assert len(warnings) == len(unbacked)
    assert len(unbacked) <= 0.1 * len(ALL)  # the rare exception
    assert all(claim.note.strip() for claim in unbacked)


def test_every_kind_is_used_and_recommendations_cite_what_japan_does() -> None:
    assert {claim.kind for claim in ALL} == set(claims.KINDS)
    for claim in ALL:
        if claim.kind == "recommendation":
            assert claim.evidence, claim.id
            assert any(
                ROW_IDS[row] in {"japan_track", "sanctions_timeline"} for row in claim.evidence
            )


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def _edit(path: Path, claim_id: str, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for row in rows:
        if row["id"] == claim_id:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_check_names_an_unknown_evidence_id_with_line_and_column(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, "claim_cf_02", "evidence", "cf_2025_11_20_plan_28;cf_no_such_row")
    found, _ = claims.read(folder / claims.FILE)
    errors, _ = claims.check(found, ROW_IDS, PROOFREAD)
    assert [str(e) for e in errors] == [
        'data/chapter_claims.csv:3: column "evidence": "cf_no_such_row" is not a row of any '
        "dataset."
    ]


def test_check_catches_text_that_no_longer_gives_back_the_chapter(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, "claim_we_04", "text_ja", "また輸出入も増加している。")
    found, _ = claims.read(folder / claims.FILE)
    errors, _ = claims.check(found, ROW_IDS, PROOFREAD)
    assert len(errors) == 1
    assert "section war_economy" in errors[0].message
    assert errors[0].column == "text_ja" and errors[0].value == "claim_we_04"


def test_an_unknown_kind_is_rejected_by_the_schema(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, "claim_cf_01", "kind", "rumour")
    found, result = claims.read(folder / claims.FILE)
    assert found == ()
    assert any(p.column == "kind" and p.line == 2 for p in result.problems)


def test_validate_reports_unbacked_claims_as_warnings_and_passes(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    unbacked = [c for c in ALL if c.kind in claims.NEEDS_EVIDENCE and not c.evidence]
    assert out.count("warning:") == len(unbacked) >= 1
    assert "data/chapter_claims.csv" in out


def test_validate_fails_on_a_broken_claims_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, "claim_dp_05", "evidence", "dprk_no_such_row")
    assert main(["validate", "--data-dir", str(folder)]) == 1
    assert '"dprk_no_such_row" is not a row of any dataset' in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_section_summary_counts_backed_claims(lang: str) -> None:
    line = claims.summary(claims.of_section("war_economy"), lang)  # type: ignore[arg-type]
    total = len(claims.of_section("war_economy"))
    assert str(total) in line


def test_the_summary_counts_a_section_or_the_whole_chapter() -> None:
    found = claims.claims()
    assert claims.summary(found, "ja", chapter=True).startswith(f"本章全体の主張{len(found)}件")
    assert claims.summary(found, "en", chapter=True).startswith(
        f"{len(found)} claims in the chapter"
    )
    section = claims.of_section("war_economy")
    assert claims.summary(section, "ja").startswith(f"この節の主張{len(section)}件")


def test_every_forecast_has_a_status_judged_on_the_follow_up_layer() -> None:
    found = claims.forecasts()
    assert len(found) == 6
    errors, _ = claims.check(ALL, ROW_IDS, PROOFREAD, late=LATE)
    assert errors == []
    for claim in found:
        assert claim.status in claims.STATUSES
        assert claim.status_as_of is not None and AS_OF < claim.status_as_of <= CHECKED
        assert claim.status_evidence and set(claim.status_evidence) <= LATE
        assert claim.status_note("ja").strip() and claim.status_note("en").strip()
        assert not set(claim.evidence) & LATE  # what the chapter says rests on its own layer
    for claim in ALL:
        if claim.kind != "forecast":
            assert claim.status == "" and claim.status_evidence == ()


def test_the_chapter_never_cites_the_follow_up_layer_and_a_status_never_the_chapter(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, "claim_cf_02", "evidence", "cf_2026_01_23_abu_dhabi_trilateral")
    _edit(folder / claims.FILE, "claim_cf_16", "status_evidence", "cf_2025_11_20_plan_28")
    found, _ = claims.read(folder / claims.FILE)
    errors, _ = claims.check(found, ROW_IDS, PROOFREAD, late=LATE)
    assert {(e.column, e.value) for e in errors} == {
        ("evidence", "cf_2026_01_23_abu_dhabi_trilateral"),
        ("status_evidence", "cf_2025_11_20_plan_28"),
    }
    assert all("follow-up layer" in e.message and e.line for e in errors)


@pytest.mark.parametrize(
    ("claim_id", "column", "value"),
    [
        ("claim_cf_16", "status", ""),  # a forecast without its status
        ("claim_cf_01", "status", "supported"),  # a fact with one
        ("claim_cf_16", "status", "proven"),  # not a status
        ("claim_cf_16", "status_as_of", "2025-06-01"),  # before the cut-off
    ],
)
def test_a_bad_status_is_rejected_with_its_line(
    tmp_path: Path, claim_id: str, column: str, value: str
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / claims.FILE, claim_id, column, value)
    found, result = claims.read(folder / claims.FILE)
    assert found == ()
    assert result.problems and all(p.file.endswith(claims.FILE) for p in result.problems)
