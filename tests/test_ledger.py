"""The claim ledger: every committed file fits the models, the extracted ledger is up to
date, schemas do not drift, and bad files are one-line errors that name file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimkb.build.stages import BuildError, knowledge_base
from claimkb.core.yamlio import LedgerError
from claimkb.knowledge.checks import run_checks
from claimkb.ledger.ledger import extract_ledger, load_ledger, stale_ledgers
from claimkb.ledger.schemas import FOLDER, SCHEMAS, schema_text
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE, example_vocabulary


def test_ledger_every_committed_file_loads_and_passes_the_checks() -> None:
    ledger = load_ledger(EXAMPLE.claims_dir)
    assert ledger.extracted and ledger.references and ledger.entities
    assert run_checks(ledger) == []


def test_ledger_extracted_is_up_to_date_with_the_extractor() -> None:
    sources = load_sources(EXAMPLE.sources_yaml)
    assert (
        stale_ledgers(
            EXAMPLE.claims_dir, extract_ledger(sources, EXAMPLE.sources_dir, example_vocabulary())
        )
        == []
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_ledger_json_schemas_match_the_models(name: str) -> None:
    committed = (FOLDER / name).read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), "run `python -m claimkb.ledger.schemas`"


@pytest.fixture
def claims_copy(tmp_path: Path) -> Path:
    """A writable copy of claims/ to break."""
    target = tmp_path / "claims"
    shutil.copytree(EXAMPLE.claims_dir, target)
    (target / "reviewed").mkdir(exist_ok=True)
    return target


def _first_claim_id(claims_dir: Path) -> str:
    return load_ledger(claims_dir).extracted[0].record.id


def _knowledge_base(claims_dir: Path) -> None:
    knowledge_base(claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)


REVIEWS = "reviews:\n  - claim: {claim}\n    status: corrected\n    quantity:\n      unit: {unit}\n"


def test_ledger_malformed_yaml_names_file_and_line(claims_copy: Path) -> None:
    (claims_copy / "reviewed" / "bad.yaml").write_text("reviews:\n  - claim: [unclosed\n")
    with pytest.raises(LedgerError, match=r"bad\.yaml:\d+: malformed YAML"):
        load_ledger(claims_copy)


def test_ledger_field_of_wrong_type_names_file_line_and_field(claims_copy: Path) -> None:
    path = claims_copy / "reviewed" / "bad.yaml"
    path.write_text(
        "reviews:\n  - claim: x/0000000a\n    status: confirmed\n"
        "  - claim: y/0000000b\n    status: 7\n"
    )
    with pytest.raises(LedgerError, match=r"bad\.yaml:4: reviews -> 1 -> status"):
        load_ledger(claims_copy)


def test_ledger_unknown_unit_is_reported_with_its_line(claims_copy: Path) -> None:
    claim = _first_claim_id(claims_copy)
    (claims_copy / "reviewed" / "units.yaml").write_text(REVIEWS.format(claim=claim, unit="GWx"))
    with pytest.raises(BuildError, match=r"units\.yaml:2: unknown unit 'GWx'"):
        _knowledge_base(claims_copy)


@pytest.mark.parametrize(
    ("time", "why"),
    [
        ("next tuesday", "is not an ISO 8601 year, month, day or interval"),
        ("2026-13", "names no month"),
        ("2026-02-30", "names no day"),
        ("2030/2026", "ends before it starts"),
    ],
)
def test_ledger_review_with_a_bad_time_names_file_line_and_field(
    claims_copy: Path, time: str, why: str
) -> None:
    path = claims_copy / "reviewed" / "time.yaml"
    path.write_text(
        "reviews:\n  - claim: x/00000001\n    status: corrected\n"
        f"    quantity:\n      time: '{time}'\n"
    )
    with pytest.raises(LedgerError) as raised:
        load_ledger(claims_copy)
    assert str(raised.value) == (
        f"{path}:5: reviews -> 0 -> quantity -> time: Value error, time {time!r} {why}"
    )


def test_ledger_review_of_unknown_claim_is_an_error(claims_copy: Path) -> None:
    (claims_copy / "reviewed" / "ghost.yaml").write_text(
        "reviews:\n  - claim: nowhere/00000000\n    status: not_a_claim\n"
    )
    with pytest.raises(BuildError, match=r"ghost\.yaml:2: review of unknown claim nowhere/"):
        _knowledge_base(claims_copy)


def test_ledger_duplicate_claim_id_is_an_error(claims_copy: Path) -> None:
    source = claims_copy / "extracted" / "orbital-ai-compute-plan.de.yaml"
    shutil.copy(source, claims_copy / "extracted" / "copy.yaml")
    with pytest.raises(BuildError, match=r"duplicate claim id orbital-ai-compute-plan\.de/"):
        _knowledge_base(claims_copy)


def test_ledger_reference_without_citation_is_an_error(claims_copy: Path) -> None:
    (claims_copy / "reference" / "bare.yaml").write_text(
        "references:\n  - id: bare\n    title: A fact\n    value: 1\n    unit: W\n"
    )
    with pytest.raises(LedgerError, match=r"bare\.yaml:2: references -> 0 -> citation"):
        load_ledger(claims_copy)


def test_ledger_reviews_correct_and_reject_claims(claims_copy: Path) -> None:
    ledger = load_ledger(claims_copy)
    first, second = (located.record for located in ledger.extracted[:2])
    (claims_copy / "reviewed" / "fix.yaml").write_text(
        f"reviews:\n  - claim: {first.id}\n    status: corrected\n    quantity:\n"
        f"      value: 4.0\n    speaker: Somebody Else\n"
        f"  - claim: {second.id}\n    status: not_a_claim\n"
    )
    kb = knowledge_base(claims_copy, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir)
    by_id = {claim.id: claim for claim in kb.claims}
    assert second.id not in by_id
    assert by_id[first.id].quantity.value == 4.0
    assert by_id[first.id].quantity.unit == first.quantity.unit
    assert by_id[first.id].speaker == "Somebody Else"
