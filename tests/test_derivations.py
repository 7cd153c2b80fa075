"""Every hand-written derivation is a regression test: its verdict must stay the one
recorded beside it. Bad derivations are clear errors naming file, line and id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimkb.build.stages import knowledge_base
from claimkb.core.yamlio import LedgerError
from claimkb.derive.derivations import (
    DerivationError,
    Outcome,
    evaluate_derivations,
    load_derivations,
)
from claimkb.knowledge.knowledge import KnowledgeBase
from claimkb.ledger.sources import load_sources
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base(
        EXAMPLE.claims_dir, load_sources(EXAMPLE.sources_yaml), EXAMPLE.sources_dir
    )


@pytest.fixture(scope="module")
def outcomes(kb: KnowledgeBase) -> dict[str, Outcome]:
    return {o.derivation.id: o for o in evaluate_derivations(kb, EXAMPLE.claims_dir)}


DERIVATION_IDS = [located.record.id for located in load_derivations(EXAMPLE.claims_dir)]


@pytest.mark.parametrize("derivation_id", DERIVATION_IDS)
def test_derivation_keeps_its_expected_verdict(
    outcomes: dict[str, Outcome], derivation_id: str
) -> None:
    outcome = outcomes[derivation_id]
    assert outcome.verdict.kind == outcome.derivation.expected, (
        f"{outcome.where}: {outcome.verdict.kind} ({outcome.verdict.reason}), "
        f"expected {outcome.derivation.expected}: {outcome.derivation.reason}"
    )


def test_derivation_result_carries_its_inputs_as_provenance(
    outcomes: dict[str, Outcome],
) -> None:
    outcome = outcomes["starship-power-per-launch"]
    assert outcome.verdict.sources == {
        "dwarkesh-x-thread-2026-02-06.de/541b8acc",
        "dwarkesh-x-thread-2026-02-06.de/810b0bcd",
    }


@pytest.fixture
def claims_copy(tmp_path: Path) -> Path:
    target = tmp_path / "claims"
    shutil.copytree(EXAMPLE.claims_dir, target)
    (target / "derivations").mkdir(exist_ok=True)
    return target


def _write(claims_dir: Path, body: str) -> None:
    (claims_dir / "derivations" / "bad.yaml").write_text("derivations:\n" + body)


GOOD_INPUTS = (
    "    inputs:\n"
    "      power: {claim: dwarkesh-x-thread-2026-02-06.de/541b8acc}\n"
    "      launches: {claim: dwarkesh-x-thread-2026-02-06.de/810b0bcd}\n"
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "  - id: unknown-name\n    title: t\n"
            + GOOD_INPUTS
            + "    expression: power / rockets\n    compare: 10 MW\n"
            "    expected: consistent\n    reason: r\n",
            r"bad\.yaml:2: .*unknown-name.*rockets",
        ),
        (
            "  - id: mismatch\n    title: t\n"
            + GOOD_INPUTS
            + "    expression: power + 1 t\n    compare: 10 MW\n"
            "    expected: consistent\n    reason: r\n",
            r"bad\.yaml:2: .*mismatch",
        ),
        (
            "  - id: zero\n    title: t\n"
            + GOOD_INPUTS
            + "    expression: power / (launches - launches)\n    compare: 10 MW\n"
            "    expected: consistent\n    reason: r\n",
            r"bad\.yaml:2: .*zero",
        ),
        (
            "  - id: a\n    title: t\n    inputs: {x: {derivation: b}}\n    expression: x\n"
            "    compare: 1 W\n    expected: consistent\n    reason: r\n"
            "  - id: b\n    title: t\n    inputs: {x: {derivation: a}}\n    expression: x\n"
            "    compare: 1 W\n    expected: consistent\n    reason: r\n",
            r"bad\.yaml:\d+: derivations form a cycle: a -> b|b -> a",
        ),
    ],
    ids=["unknown-name", "dimension-mismatch", "division-by-zero", "cycle"],
)
def test_derivation_errors_name_file_line_and_id(
    claims_copy: Path, kb: KnowledgeBase, body: str, message: str
) -> None:
    _write(claims_copy, body)
    with pytest.raises(DerivationError, match=message):
        evaluate_derivations(kb, claims_copy)


def test_derivation_expected_verdict_must_be_one_of_four(claims_copy: Path) -> None:
    _write(
        claims_copy,
        "  - id: odd\n    title: t\n"
        + GOOD_INPUTS
        + "    expression: power\n    compare: 1 W\n    expected: plausible\n    reason: r\n",
    )
    with pytest.raises(LedgerError, match=r"bad\.yaml:2: derivations -> 0 -> expected \(id odd\)"):
        load_derivations(claims_copy)
